using ReproBundle.Data;

namespace ReproBundle.Audit;

/// <summary>Why a numeric statement of the paper is not a claim (<c>data/not_claims.csv</c>, column <c>kind</c>).</summary>
public enum NotClaimKind
{
    /// <summary>A value the paper states and the bundle computes with (a row of <c>data/inputs.csv</c> or a table cell).</summary>
    Input,

    /// <summary>How a figure or metric is set up (axes, normalisation, counts of the paper's own lists).</summary>
    Definition,

    /// <summary>A number the paper reports from others or rejects ("200× across the board").</summary>
    Quotation,

    /// <summary>A date, process node, version or timeline of the projection: assumed, not derived.</summary>
    Scope,

    /// <summary>The same statement as a claim elsewhere, which the audit checks once.</summary>
    Repeat,
}

/// <summary>One row of <c>data/not_claims.csv</c>: a numeric statement of the paper that is not audited as a claim, and why.</summary>
/// <param name="Section">Where it is printed.</param>
/// <param name="Statement">The words, short.</param>
/// <param name="Kind">Why it is not a claim.</param>
/// <param name="Why">The reason in words.</param>
/// <param name="See">The claim it repeats (<see cref="NotClaimKind.Repeat"/>) or the input it is (<see cref="NotClaimKind.Input"/>); may be empty
/// otherwise.</param>
/// <param name="Origin">file:line.</param>
public sealed record NotClaim(string Section, string Statement, NotClaimKind Kind, string Why, string See, string Origin)
{
    /// <summary>Reads and validates <c>not_claims.csv</c>: a known kind, and a repeat names a claim of <paramref name="claims"/>.</summary>
    public static IReadOnlyList<NotClaim> Load(string path, IReadOnlyList<Claim> claims)
    {
        var table = CsvTable.Load(path, "section", "statement", "kind", "why", "see");
        var ids = claims.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
        return table.Rows.Select(row =>
        {
            var kind = row.Required("kind") switch
            {
                "input" => NotClaimKind.Input,
                "definition" => NotClaimKind.Definition,
                "quotation" => NotClaimKind.Quotation,
                "scope" => NotClaimKind.Scope,
                "repeat" => NotClaimKind.Repeat,
                var other => throw row.Error("kind", $"'{other}' is not a kind (input, definition, quotation, scope, repeat)"),
            };
            var see = row["see"];
            if (kind is NotClaimKind.Repeat or NotClaimKind.Input && see.Length == 0) throw row.Error("see", $"a {row["kind"]} row must name the {(kind == NotClaimKind.Repeat ? "claim it repeats" : "input it is")}");
            if (kind == NotClaimKind.Repeat && !ids.Contains(see)) throw row.Error("see", $"'{see}' is not a claim of claims.csv");
            return new NotClaim(row.Required("section"), row.Required("statement"), kind, row.Required("why"), see, $"{path}:{row.Line}");
        }).ToList();
    }
}
