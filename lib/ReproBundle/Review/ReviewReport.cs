using System.Text;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Review;

/// <summary>
/// One finding of the audit with the paper's inputs and with a reviewer's (issue 25): which of its claims differ in each
/// run, and its materiality in each, computed from the conclusions it names under that run's inputs
/// (<see cref="Findings.MaterialityOf"/>).
/// </summary>
/// <param name="Finding">The finding.</param>
/// <param name="PaperDiffering">Its claims that differ with the paper's inputs.</param>
/// <param name="ReviewerDiffering">Its claims that differ with the reviewer's.</param>
/// <param name="Paper">Its materiality with the paper's inputs.</param>
/// <param name="Reviewer">Its materiality with the reviewer's inputs.</param>
public sealed record FindingChange(Finding Finding, IReadOnlyList<string> PaperDiffering, IReadOnlyList<string> ReviewerDiffering, Materiality Paper, Materiality Reviewer)
{
    /// <summary>True when the materiality differs between the two runs.</summary>
    public bool Changed => Paper != Reviewer;

    /// <summary>Every finding of <paramref name="findings"/> in file order, compared across the two audits and their finding values.</summary>
    public static IReadOnlyList<FindingChange> Compare(IReadOnlyList<Finding> findings, IReadOnlyList<AuditRow> paper, IReadOnlyDictionary<string, Interval> paperValues,
        IReadOnlyList<AuditRow> reviewer, IReadOnlyDictionary<string, Interval> reviewerValues)
    {
        static IReadOnlyList<string> Differing(Finding f, IReadOnlyList<AuditRow> rows) =>
            [.. rows.Where(r => r.Verdict == Verdict.Differs && f.ClaimIds.Contains(r.ClaimId)).Select(r => r.ClaimId)];
        return [.. findings.Select(f => new FindingChange(f, Differing(f, paper), Differing(f, reviewer),
            Findings.MaterialityOf(f, paper, paperValues), Findings.MaterialityOf(f, reviewer, reviewerValues)))];
    }
}

/// <summary>
/// <c>review.md</c> (issue 25, item 6): one page a reviewer can send the author. Each name of the assumptions file with its
/// rationale (<c>why:</c>) and the places it sets, the headline numbers that change, the verdicts that flip with the quote of
/// the claim and the names that drive it, and the findings whose materiality changes. Every text taken from a file
/// (the reviewer's rationale, the paper's quotes and titles) is Markdown-escaped; no clock or path is written, so two runs
/// on the same inputs write the same bytes.
/// </summary>
public static class ReviewReport
{
    /// <summary>The file name in the output folder.</summary>
    public const string FileName = "review.md";

    /// <summary>Writes <c>review.md</c> into the stage.</summary>
    public static void Write(OutputStage stage, AssumptionOverrides overrides, IReadOnlyList<OverrideReach> reaches, IReadOnlyList<ClaimDiffRow> rows,
        IReadOnlyList<HeadlineDiff> headlines, IReadOnlyList<FindingChange> findings) =>
        stage.WriteText(FileName, ToMarkdown(overrides, reaches, rows, headlines, findings));

    private static string V(Interval? v) => v is { } x ? Quantity.Text(x) : "n/a";

    private static string V(double? v) => v is { } x ? Quantity.Text(x) : "none";

    /// <summary>The report as Markdown.</summary>
    public static string ToMarkdown(AssumptionOverrides overrides, IReadOnlyList<OverrideReach> reaches, IReadOnlyList<ClaimDiffRow> rows,
        IReadOnlyList<HeadlineDiff> headlines, IReadOnlyList<FindingChange> findings)
    {
        var file = Escaping.MarkdownText.Literal(Path.GetFileName(overrides.FilePath));
        var flipped = rows.Where(r => r.Flipped).ToList();
        var changedHeadlines = headlines.Where(h => h.Changed).ToList();
        var changedFindings = findings.Where(f => f.Changed).ToList();
        var sb = new StringBuilder();
        sb.Append("# Review: what my assumptions change in \"Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs\" (v0.3)\n\n");
        sb.Append($"I re-ran the paper's reproducibility bundle with {overrides.Entries.Count} assumption(s) of my own (`{file}`, SHA-256 `{overrides.Sha256}`). ");
        sb.Append($"With them {changedHeadlines.Count} of {headlines.Count} headline numbers change, {flipped.Count} verdict(s) of the claims audit flip, ");
        sb.Append($"{rows.Count(r => r.Changed && !r.Flipped)} more recomputed value(s) change, and {changedFindings.Count} finding(s) change materiality. ");
        sb.Append("`claims_diff.md` beside this file has every claim side by side.\n\n");

        sb.Append("## My assumptions\n\n");
        foreach (var r in reaches)
        {
            var entry = overrides.Entries.First(e => e.Key == r.Name);
            sb.Append($"- **`{r.Name}` = {Quantity.Text(entry.Value)}**");
            if (r.IsQuantity)
            {
                var n = entry.Sets.Count + entry.LeftToMoreSpecific.Count;
                sb.Append($", one value for {n} place{(n == 1 ? "" : "s")} of the paper: ");
                sb.Append(string.Join("; ", entry.Sets.Select(o => $"`{o.Name}` {V(o.Replaces)} -> {Quantity.Text(o.Value)}")));
                if (entry.LeftToMoreSpecific.Count > 0) sb.Append($"; {string.Join(", ", entry.LeftToMoreSpecific.Select(n => $"`{n}`"))} set by a more specific name");
            }
            else
            {
                sb.Append($" (paper: {V(r.PaperValue)}, {Escaping.MarkdownText.Literal(r.PaperLocator)})");
            }
            sb.Append($" ({file}, line {entry.Line}).\n");
            sb.Append(entry.Why.Length > 0 ? $"  Why: {Escaping.MarkdownText.Literal(entry.Why)}\n" : "  Why: (no rationale given; add `why:` to the value in the file)\n");
        }

        sb.Append("\n## Headline numbers\n\n");
        if (changedHeadlines.Count == 0) sb.Append("None changes.\n");
        else
        {
            sb.Append("| number | paper | mine | unit |\n|---|---|---|---|\n");
            foreach (var h in changedHeadlines) sb.Append($"| {Escaping.MarkdownText.Literal(h.Description)} | {V(h.Paper)} | {V(h.Reviewer)} | {Escaping.MarkdownText.Literal(h.Unit)} |\n");
            sb.Append($"\n{headlines.Count - changedHeadlines.Count} other headline number(s) are unchanged.\n");
        }

        sb.Append("\n## Verdicts that flip\n\n");
        if (flipped.Count == 0) sb.Append("No verdict of the claims audit flips.\n");
        foreach (var r in flipped)
        {
            sb.Append($"- {Escaping.MarkdownText.Literal(r.Paper.Section)}, \"{Escaping.MarkdownText.Literal(r.Paper.Quote)}\": {r.Paper.Verdict.ToText()} -> **{r.Reviewer.Verdict.ToText()}** ");
            sb.Append($"(recomputed {Escaping.MarkdownText.Literal(r.Paper.Recomputed)} -> {Escaping.MarkdownText.Literal(r.Reviewer.Recomputed)}; driven by {string.Join(", ", r.Drivers.Select(d => $"`{d}`"))}; claim `{r.Paper.ClaimId}`)\n");
        }

        sb.Append("\n## Findings whose materiality changes\n\n");
        if (changedFindings.Count == 0) sb.Append("No finding changes materiality.\n");
        foreach (var f in changedFindings)
        {
            sb.Append($"- {Escaping.MarkdownText.Literal(f.Finding.Title)}: {f.Paper.ToText()} -> **{f.Reviewer.ToText()}** ");
            sb.Append($"({f.PaperDiffering.Count} -> {f.ReviewerDiffering.Count} differing claim(s); finding `{f.Finding.FindingId}`)\n");
        }
        return sb.ToString();
    }
}
