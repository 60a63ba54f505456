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

/// <summary>How a conclusion's quantity is compared with the paper's threshold or printed value.</summary>
public enum ConclusionTest
{
    /// <summary><c>&gt;</c>: every value of the quantity is above the threshold's high end ("remains &gt;10x").</summary>
    Above,

    /// <summary><c>~</c>: the quantity lies within the approximate band of the printed value ("~2x").</summary>
    About,

    /// <summary><c>reaches</c>: some value of the quantity reaches the printed range's low end ("50-200x improvements").</summary>
    Reaches,
}

/// <summary>
/// One conclusion of the paper a finding could change (column <c>conclusions</c> of <c>data/findings.csv</c>): a
/// computed quantity, the test against the paper's threshold or printed value, and optionally the paper's own value
/// of the quantity (the margin is compared with it). Written <c>label | quantity test threshold [| reference]</c>,
/// each term a placeholder key of <see cref="Findings.Statement"/>.
/// </summary>
/// <param name="Label">What the quantity is, in words.</param>
/// <param name="Quantity">Placeholder key of the quantity under the run's inputs.</param>
/// <param name="Test">The comparison.</param>
/// <param name="Threshold">Placeholder key of the threshold or printed value (usually <c>claim#published</c>).</param>
/// <param name="Reference">Placeholder key of the paper's value of the quantity, or empty.</param>
public sealed record Conclusion(string Label, string Quantity, ConclusionTest Test, string Threshold, string Reference);

/// <summary>
/// One row of <c>data/findings.csv</c>: a root cause behind one or more claims of the audit, the conclusions it could
/// change, and a statement whose numbers are placeholders filled from the audit's computed values (never typed). Its
/// materiality is computed (<see cref="Findings.Judge"/>), never typed.
/// </summary>
/// <param name="FindingId">Stable id, e.g. <c>F01</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="ClaimIds">The claims this root cause explains (every 'differs' claim belongs to exactly one finding).</param>
/// <param name="Conclusions">The conclusions of the paper it could change; empty when it touches none.</param>
/// <param name="StatementTemplate">The statement with placeholders: <c>{claim_id}</c> (the verdict reading's value),
/// <c>{claim_id@reading}</c> (a named reading's value), <c>{claim_id#published}</c> (the printed text), <c>{=name}</c> (a value of <see
/// cref="FindingValues"/>).</param>
/// <param name="Origin">file:line of the row.</param>
/// <param name="PrintedTemplate">The sentence as printed (errata), verbatim from the paper.</param>
/// <param name="CorrectedTemplate">The sentence the paper's next version could print, its numbers as placeholders (errata).</param>
public sealed record Finding(string FindingId, string Title, IReadOnlyList<string> ClaimIds, IReadOnlyList<Conclusion> Conclusions, string StatementTemplate,
    string Origin, string PrintedTemplate = "", string CorrectedTemplate = "");

/// <summary>What a finding does to one conclusion under the run's inputs.</summary>
/// <param name="Conclusion">The conclusion.</param>
/// <param name="Materiality">overturns when the test fails, weakens when it holds with less margin than the paper's value, none otherwise.</param>
/// <param name="Sentence">The outcome in words, formatted from the values.</param>
public sealed record ConclusionOutcome(Conclusion Conclusion, Materiality Materiality, string Sentence);

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

    /// <summary>Reads and validates <c>findings.csv</c>: unique ids, well-formed conclusions, no claim in two findings.</summary>
    public static IReadOnlyList<Finding> Load(string path)
    {
        var table = CsvTable.Load(path, "finding_id", "title", "claims", "conclusions", "statement", "printed", "corrected");
        var findings = new List<Finding>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = row.Required("finding_id");
            if (findings.Any(f => f.FindingId == id)) throw row.Error("finding_id", $"finding '{id}' appears twice");
            var claims = row.Required("claims").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var c in claims)
            {
                if (!owner.TryAdd(c, id)) throw row.Error("claims", $"claim '{c}' already belongs to finding {owner[c]}; a claim has one root cause");
            }
            var conclusions = row["conclusions"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(text => ParseConclusion(text) ?? throw row.Error("conclusions",
                    $"'{text}' is not 'label | quantity > threshold [| reference]' (tests: >, ~, reaches)")).ToList();
            findings.Add(new Finding(id, row.Required("title"), claims, conclusions, row.Required("statement"), $"{path}:{row.Line}",
                row.Required("printed"), row.Required("corrected")));
        }
        return findings;
    }

    private static Conclusion? ParseConclusion(string text)
    {
        var parts = text.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3) return null;
        var terms = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (terms.Length != 3) return null;
        ConclusionTest? test = terms[1] switch { ">" => ConclusionTest.Above, "~" => ConclusionTest.About, "reaches" => ConclusionTest.Reaches, _ => null };
        return test is { } t && parts[0].Length > 0 ? new Conclusion(parts[0], terms[0], t, terms[2], parts.Length == 3 ? parts[2] : "") : null;
    }

    /// <summary>
    /// What <paramref name="finding"/> does to each conclusion it names, under the values of this run: overturns when the
    /// test fails; weakens when it holds but the quantity is less favourable than the paper's own value; none otherwise.
    /// </summary>
    public static IReadOnlyList<ConclusionOutcome> Judge(Finding finding, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, Interval> values)
    {
        var byId = rows.ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
        return finding.Conclusions.Select(c =>
        {
            var q = Value(finding, c.Quantity, byId, values);
            var t = Value(finding, c.Threshold, byId, values);
            var printed = c.Threshold.EndsWith("#published", StringComparison.Ordinal) ? byId[c.Threshold[..^"#published".Length]].Published : Quantity.Text(t);
            var quote = c.Threshold.EndsWith("#published", StringComparison.Ordinal) ? byId[c.Threshold[..^"#published".Length]] : null;
            var said = quote is null ? printed : $"“{ForSentence(quote.Quote)}” ({quote.Section})";
            var holds = c.Test switch
            {
                ConclusionTest.Above => q.Lo > t.Hi,
                ConclusionTest.About => q.Lo >= t.Lo * (1 - VerdictPolicy.ApproximateRelativeBand) && q.Hi <= t.Hi * (1 + VerdictPolicy.ApproximateRelativeBand),
                _ => q.Hi >= t.Lo,
            };
            var bare = printed.TrimStart('>', '~', '≈', ' ');
            var testText = c.Test switch
            {
                ConclusionTest.Above => $"above {bare}",
                ConclusionTest.About => $"within {Quantity.Text(100 * VerdictPolicy.ApproximateRelativeBand)}% of {bare}",
                _ => $"reaching {bare}",
            };
            if (!holds) return new ConclusionOutcome(c, Materiality.Overturns, $"{said} no longer follows: {c.Label} is {Quantity.Text(q)}, not {testText}");
            if (c.Reference.Length > 0)
            {
                var r = Value(finding, c.Reference, byId, values);
                var thinner = c.Test == ConclusionTest.Reaches ? q.Hi < r.Hi : q.Lo < r.Lo;
                if (thinner) return new ConclusionOutcome(c, Materiality.Weakens, $"{said} still follows with a thinner margin: {c.Label} is " +
                    $"{Quantity.Text(q)} against {Quantity.Text(r)}, still {testText}");
                return new ConclusionOutcome(c, Materiality.None, $"{said} stands: {c.Label} is {Quantity.Text(q)} ({Quantity.Text(r)} before), {testText}");
            }
            return new ConclusionOutcome(c, Materiality.None, $"{said} stands: {c.Label} is {Quantity.Text(q)}, {testText}");
        }).ToList();
    }

    /// <summary>A verbatim quote as a sentence shows it: a table row's cells separated by " | ", the paper's escaped "\$" as "$".</summary>
    public static string ForSentence(string quote) => quote.Replace("\t", " | ", StringComparison.Ordinal).Replace("\\$", "$", StringComparison.Ordinal);

    /// <summary>A finding's materiality under this run's values: the strongest of its conclusions' (none when it names none).</summary>
    public static Materiality MaterialityOf(Finding finding, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, Interval> values) =>
        Judge(finding, rows, values).Select(o => o.Materiality).DefaultIfEmpty(Materiality.None).Max();

    /// <summary>The materiality in a sentence: "Overturns a conclusion: …", "Weakens a conclusion: …" or "Changes no conclusion: …".</summary>
    public static string MaterialitySentence(Finding finding, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, Interval> values)
    {
        var outcomes = Judge(finding, rows, values);
        if (outcomes.Count == 0) return "Changes no conclusion: no conclusion of the paper rests on it.";
        var m = outcomes.Max(o => o.Materiality);
        var head = m switch { Materiality.Overturns => "Overturns a conclusion", Materiality.Weakens => "Weakens a conclusion", _ => "Changes no conclusion" };
        return $"{head}: {string.Join("; ", outcomes.OrderByDescending(o => o.Materiality).Select(o => o.Sentence))}.";
    }

    private static Interval Value(Finding finding, string key, IReadOnlyDictionary<string, AuditRow> byId, IReadOnlyDictionary<string, Interval> values)
    {
        if (key.EndsWith("#published", StringComparison.Ordinal) && byId.TryGetValue(key[..^"#published".Length],
            out var printed) && printed.PublishedValue is { } p) return p;
        Interval? value = null;
        if (key.StartsWith('=')) value = values.TryGetValue(key[1..], out var v) ? v : null;
        else
        {
            var at = key.IndexOf('@', StringComparison.Ordinal);
            if (byId.TryGetValue(at < 0 ? key : key[..at], out var row))
            {
                value = at < 0 ? row.RecomputedValue : row.ReadingValues.TryGetValue(key[(at + 1)..], out var rv) ? rv : null;
            }
        }
        return value ?? throw new BundleInputException(finding.Origin, $"finding {finding.FindingId}: {{{key}}} names no computed value");
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
    public static string Statement(Finding finding, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, Interval> values) =>
        Fill(finding, finding.StatementTemplate, rows, values) + " " + MaterialitySentence(finding, rows, values);

    /// <summary>A template of <paramref name="finding"/> with every placeholder replaced by its computed value (or the printed text for
    /// <c>#published</c>).</summary>
    public static string Fill(Finding finding, string template, IReadOnlyList<AuditRow> rows, IReadOnlyDictionary<string, Interval> values)
    {
        var byId = rows.ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
        return Placeholder().Replace(template, m =>
        {
            var key = m.Groups[1].Value;
            if (key.EndsWith("#published", StringComparison.Ordinal) && byId.TryGetValue(key[..^"#published".Length],
                out var printed)) return printed.Published;
            return Quantity.Text(Value(finding, key, byId, values));
        });
    }

    /// <summary>
    /// The findings in one line for the console: how many, how many differing claims and sentences they explain, and which
    /// overturn or weaken a conclusion under this run's inputs (<see cref="MaterialityOf"/>).
    /// </summary>
    public static string SummaryLine(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values)
    {
        var materiality = findings.ToDictionary(f => f.FindingId, f => MaterialityOf(f, rows, values), StringComparer.Ordinal);
        string Ids(Materiality m) => string.Join(", ", findings.Where(f => materiality[f.FindingId] == m).Select(f => f.FindingId));
        int N(Materiality m) => findings.Count(f => materiality[f.FindingId] == m);
        var differs = rows.Where(r => r.Verdict == Verdict.Differs).ToList();
        return $"findings: {findings.Count} root cause(s) behind {differs.Count} differing claim(s) on " +
            $"{differs.Select(r => r.SentenceId).Distinct().Count()} sentence(s): " +
            $"{N(Materiality.Overturns)} overturn a conclusion{(N(Materiality.Overturns) > 0 ? $" ({Ids(Materiality.Overturns)})" : "")}, " +
            $"{N(Materiality.Weakens)} weaken one{(N(Materiality.Weakens) > 0 ? $" ({Ids(Materiality.Weakens)})" : "")}, {N(Materiality.None)} change none";
    }

    /// <summary>Writes <c>findings.csv</c>: one row per finding with its statement formatted from the audit's values.</summary>
    public static void Write(Output.OutputStage stage, IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string,
        Interval> values)
    {
        stage.WriteCsv("findings.csv", Columns, findings.Select(f => (IReadOnlyList<object?>)[f.FindingId, f.Title, string.Join(' ', f.ClaimIds),
            string.Join(' ', rows.Where(r => r.FindingId == f.FindingId).Select(r => r.ClaimId)), MaterialityOf(f, rows, values).ToText(), Statement(f, rows,
                values)]));
    }

    /// <summary>The findings as Markdown: one bullet per finding, materiality first.</summary>
    public static string ToMarkdown(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            var differing = rows.Where(r => r.FindingId == f.FindingId).Select(r => $"`{r.ClaimId}`").ToList();
            sb.Append($"- **{Escaping.MarkdownText.Inline(f.FindingId)} {Escaping.MarkdownText.Inline(f.Title)}** (materiality: {MaterialityOf(f, rows, values).ToText()}; {differing.Count} differing claim{(differing.Count == 1 ? "" : "s")}{(differing.Count > 0 ? ": " + string.Join(", ", differing) : "")}). {Escaping.MarkdownText.Inline(Statement(f, rows, values))}\n");
        }
        var unexplained = Unexplained(rows);
        if (unexplained.Count > 0)
        {
            sb.Append($"- **Not explained by any finding** (new under these inputs): {string.Join(", ", unexplained.Select(r => $"`{r.ClaimId}`"))}\n");
        }
        return sb.ToString();
    }
}
