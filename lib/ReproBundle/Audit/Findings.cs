using System.Text;
using System.Text.RegularExpressions;
using ReproBundle.Data;

namespace ReproBundle.Audit;

/// <summary>How much a finding matters to the paper's conclusions (docs/verdict-policy.md, "Findings").</summary>
public enum Materiality
{
    /// <summary>No conclusion of the paper changes.</summary>
    None,

    /// <summary>A conclusion still stands but with less support or a smaller margin than printed.</summary>
    Weakens,

    /// <summary>A conclusion of the paper no longer follows.</summary>
    Overturns,
}

/// <summary>
/// One row of <c>data/findings.csv</c>: a root cause behind one or more claims of the audit, its materiality, and a
/// statement whose numbers are placeholders filled from the audit's computed values (never typed).
/// </summary>
/// <param name="FindingId">Stable id, e.g. <c>F01</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="ClaimIds">The claims this root cause explains (every 'differs' claim belongs to exactly one finding).</param>
/// <param name="Materiality">none / weakens / overturns.</param>
/// <param name="StatementTemplate">The statement with placeholders: <c>{claim_id}</c> (the verdict reading's value),
/// <c>{claim_id@reading}</c> (a named reading's value), <c>{claim_id#published}</c> (the printed text), <c>{=name}</c> (a value of <see cref="FindingValues"/>).</param>
/// <param name="Origin">file:line of the row.</param>
public sealed record Finding(string FindingId, string Title, IReadOnlyList<string> ClaimIds, Materiality Materiality, string StatementTemplate, string Origin);

/// <summary>Reads <c>data/findings.csv</c>, attaches findings to audit rows and formats their statements from computed values.</summary>
public static partial class Findings
{
    /// <summary>The columns of <c>output/findings.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns = ["finding_id", "title", "claims", "differing_claims", "materiality", "statement"];

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>"none", "weakens" or "overturns".</summary>
    public static string ToText(this Materiality m) => m switch
    {
        Materiality.None => "none",
        Materiality.Weakens => "weakens",
        Materiality.Overturns => "overturns",
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    /// <summary>Reads and validates <c>findings.csv</c>: unique ids, a known materiality, no claim in two findings.</summary>
    public static IReadOnlyList<Finding> Load(string path)
    {
        var table = CsvTable.Load(path, "finding_id", "title", "claims", "materiality", "statement");
        var findings = new List<Finding>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = row.Required("finding_id");
            if (findings.Any(f => f.FindingId == id)) throw row.Error("finding_id", $"finding '{id}' appears twice");
            var materiality = row.Required("materiality") switch
            {
                "none" => Materiality.None,
                "weakens" => Materiality.Weakens,
                "overturns" => Materiality.Overturns,
                var other => throw row.Error("materiality", $"'{other}' is not a materiality (none, weakens, overturns)"),
            };
            var claims = row.Required("claims").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var c in claims)
            {
                if (!owner.TryAdd(c, id)) throw row.Error("claims", $"claim '{c}' already belongs to finding {owner[c]}; a claim has one root cause");
            }
            findings.Add(new Finding(id, row.Required("title"), claims, materiality, row.Required("statement"), $"{path}:{row.Line}"));
        }
        return findings;
    }

    /// <summary>
    /// Sets <see cref="AuditRow.FindingId"/> on every 'differs' row whose claim a finding lists. A finding that names a
    /// claim the audit does not have is a data error (file and line).
    /// </summary>
    public static IReadOnlyList<AuditRow> Attach(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings)
    {
        var ids = rows.Select(r => r.ClaimId).ToHashSet(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var unknown = f.ClaimIds.FirstOrDefault(c => !ids.Contains(c));
            if (unknown is not null) throw new BundleInputException(f.Origin, $"finding {f.FindingId} names claim '{unknown}', which claims.csv does not have");
        }
        return rows.Select(r => r.Verdict == Verdict.Differs && findings.FirstOrDefault(f => f.ClaimIds.Contains(r.ClaimId)) is { } f
            ? r with { FindingId = f.FindingId }
            : r).ToList();
    }

    /// <summary>'Differs' rows that no finding explains (none with the paper's data; a reviewer's assumptions can add some).</summary>
    public static IReadOnlyList<AuditRow> Unexplained(IReadOnlyList<AuditRow> rows) =>
        rows.Where(r => r.Verdict == Verdict.Differs && r.FindingId.Length == 0).ToList();

    /// <summary>
    /// The statement of <paramref name="finding"/> with every placeholder replaced by a computed value, shown to three
    /// significant figures (<see cref="Quantity.Text(Interval)"/>). An unknown placeholder is a data error.
    /// </summary>
    public static string Statement(Finding finding, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, Interval> values)
    {
        var byId = rows.ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
        return Placeholder().Replace(finding.StatementTemplate, m =>
        {
            var key = m.Groups[1].Value;
            if (key.EndsWith("#published", StringComparison.Ordinal) && byId.TryGetValue(key[..^"#published".Length], out var printed)) return printed.Published;
            Interval? value = null;
            if (key.StartsWith('=')) value = values.TryGetValue(key[1..], out var v) ? v : null;
            else
            {
                var at = key.IndexOf('@', StringComparison.Ordinal);
                var claim = at < 0 ? key : key[..at];
                if (byId.TryGetValue(claim, out var row))
                {
                    value = at < 0 ? row.RecomputedValue : row.ReadingValues.TryGetValue(key[(at + 1)..], out var rv) ? rv : null;
                }
            }
            return value is { } x ? Quantity.Text(x) : throw new BundleInputException(finding.Origin, $"finding {finding.FindingId}: placeholder {{{key}}} names no computed value");
        });
    }

    /// <summary>Writes <c>findings.csv</c>: one row per finding with its statement formatted from the audit's values.</summary>
    public static void Write(Output.OutputStage stage, IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values)
    {
        stage.WriteCsv("findings.csv", Columns, findings.Select(f => (IReadOnlyList<object?>)[f.FindingId, f.Title, string.Join(' ', f.ClaimIds),
            string.Join(' ', rows.Where(r => r.FindingId == f.FindingId).Select(r => r.ClaimId)), f.Materiality.ToText(), Statement(f, rows, values)]));
    }

    /// <summary>The findings as Markdown: one bullet per finding, materiality first.</summary>
    public static string ToMarkdown(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            var differing = rows.Where(r => r.FindingId == f.FindingId).Select(r => $"`{r.ClaimId}`").ToList();
            sb.Append($"- **{Escaping.MarkdownText.Inline(f.FindingId)} {Escaping.MarkdownText.Inline(f.Title)}** (materiality: {f.Materiality.ToText()}; {differing.Count} differing claim{(differing.Count == 1 ? "" : "s")}{(differing.Count > 0 ? ": " + string.Join(", ", differing) : "")}). {Escaping.MarkdownText.Inline(Statement(f, rows, values))}\n");
        }
        var unexplained = Unexplained(rows);
        if (unexplained.Count > 0)
        {
            sb.Append($"- **Not explained by any finding** (new under these inputs): {string.Join(", ", unexplained.Select(r => $"`{r.ClaimId}`"))}\n");
        }
        return sb.ToString();
    }
}
