namespace ReproBundle.Audit;

/// <summary>The verdicts of the claims audit (docs/verdict-policy.md).</summary>
public enum Verdict
{
    /// <summary>The recomputed value equals the printed one (or lies inside a printed range).</summary>
    Reproduces,

    /// <summary>Equal within the tolerance the printed digits allow (wider for values printed as approximate); the reason names it.</summary>
    WithinRounding,

    /// <summary>
    /// The printed value lies within what the stated inputs allow (or holds a central value of them), but the paper
    /// does not say how it was formed.
    /// </summary>
    Consistent,

    /// <summary>Every natural reading differs beyond the tolerance; the reason gives the size, and a finding the cause.</summary>
    Differs,

    /// <summary>The paper does not give what a recomputation needs, or the result rests on an assumption of the bundle's; the reason says which.</summary>
    NotRecomputable,
}

/// <summary>Text forms of <see cref="Verdict"/> as they appear in <c>claims_audit.csv</c>.</summary>
public static class VerdictText
{
    /// <summary>"reproduces", "within-rounding", "consistent", "differs" or "not-recomputable".</summary>
    public static string ToText(this Verdict v) => v switch
    {
        Verdict.Reproduces => "reproduces",
        Verdict.WithinRounding => "within-rounding",
        Verdict.Consistent => "consistent",
        Verdict.Differs => "differs",
        Verdict.NotRecomputable => "not-recomputable",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };
}

/// <summary>One line of the claims audit: a claim of the paper, what the bundle recomputed, and the verdict.</summary>
/// <param name="ClaimId">Stable id from <c>data/claims.csv</c>, e.g. <c>appc.h100.density_at_utilization</c>.</param>
/// <param name="Section">Where the claim is printed (§, table or appendix).</param>
/// <param name="Quote">The claim as printed, short.</param>
/// <param name="Published">The printed value as text (a number or a range).</param>
/// <param name="Recomputed">The verdict reading's value as text, or empty when not recomputable.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Why: the verdict reading's computation and comparison, the other readings, what is missing.</param>
public sealed record AuditRow(string ClaimId, string Section, string Quote, string Published, string Recomputed, Verdict Verdict, string Reason)
{
    /// <summary>The printed value as a number or range (null for a row built without a claim).</summary>
    public Interval? PublishedValue { get; init; }

    /// <summary>The verdict reading's value (null when not recomputable).</summary>
    public Interval? RecomputedValue { get; init; }

    /// <summary>Unit of both values.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Name of the reading the verdict is taken on (empty when not recomputable).</summary>
    public string Reading { get; init; } = "";

    /// <summary>Every reading tried, "name: value (verdict)", in order.</summary>
    public IReadOnlyList<string> ReadingsTried { get; init; } = [];

    /// <summary>The value of every reading tried, by reading name (for findings' statements).</summary>
    public IReadOnlyDictionary<string, Interval> ReadingValues { get; init; } = new Dictionary<string, Interval>();

    /// <summary>Shared quantities the verdict reading reads (<c>quantity=reading</c>).</summary>
    public IReadOnlyList<string> Assumes { get; init; } = [];

    /// <summary>The finding a 'differs' row belongs to (filled by <see cref="Findings"/>; empty otherwise).</summary>
    public string FindingId { get; init; } = "";

    /// <summary>The sentence the claim reads (<see cref="Data.Claim.SentenceId"/>).</summary>
    public string SentenceId { get; init; } = "";

    /// <summary>The verdict of the whole sentence, combined from all its claims (<see cref="VerdictPolicy.Combine"/>).</summary>
    public Verdict SentenceVerdict { get; init; }

    /// <summary>The paper's words that justify the reading the verdict is taken on (empty when the check has one reading).</summary>
    public string ReadingBasis { get; init; } = "";
}
