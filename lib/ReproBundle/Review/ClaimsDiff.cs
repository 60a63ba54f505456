using System.Text;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Output;
using ReproBundle.Uncertainty;

namespace ReproBundle.Review;

/// <summary>One claim audited with the paper's inputs and with a reviewer's (<c>reproduce --assumptions</c>).</summary>
/// <param name="Paper">The audit row with data/ as it is.</param>
/// <param name="Reviewer">The audit row with the reviewer's overrides merged in.</param>
/// <param name="Drivers">The overrides that change this row (empty when the row did not change).</param>
public sealed record ClaimDiffRow(AuditRow Paper, AuditRow Reviewer, IReadOnlyList<string> Drivers)
{
    /// <summary>True when the verdict differs between the two runs.</summary>
    public bool Flipped => Paper.Verdict != Reviewer.Verdict;

    /// <summary>True when the recomputed value or the verdict differs.</summary>
    public bool Changed => Flipped || !Equals(Paper.RecomputedValue, Reviewer.RecomputedValue);
}

/// <summary>One headline number (Appendix C, §4.3, the Monte Carlo) with the paper's inputs and with a reviewer's.</summary>
/// <param name="Name">Stable name of the number.</param>
/// <param name="Description">What it is, with its paper section.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Paper">Value with data/ as it is (null where none exists, e.g. a break-even volume that is never reached).</param>
/// <param name="Reviewer">Value with the reviewer's overrides.</param>
public sealed record HeadlineDiff(string Name, string Description, string Unit, double? Paper, double? Reviewer)
{
    /// <summary>
    /// True when the two values differ by more than a relative 1e-9 (or one is missing): a solver's last digits (§4.3's
    /// break-even points are found numerically) are not a change.
    /// </summary>
    public bool Changed => Paper is not { } p || Reviewer is not { } r ? Paper != Reviewer : Math.Abs(p - r) > 1e-9 * Math.Max(Math.Abs(p), Math.Abs(r));
}

/// <summary>
/// The reviewer's comparison (issue 14, item 1): every claim and every headline number with the paper's inputs and with
/// the reviewer's, the flipped verdicts first, and for each changed row the overrides that drive it. The audit itself is
/// <see cref="ClaimsAudit"/>, run once per set of inputs; nothing here recomputes a claim.
/// </summary>
public static class ClaimsDiff
{
    /// <summary>The columns of <c>claims_diff.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns = ["claim_id", "section", "status", "paper_recomputed", "reviewer_recomputed",
        "paper_verdict", "reviewer_verdict", "paper_lo", "paper_hi", "reviewer_lo", "reviewer_hi", "unit", "driven_by"];

    /// <summary>The columns of <c>claims_diff_headlines.csv</c>.</summary>
    public static readonly IReadOnlyList<string> HeadlineColumns = ["name", "description", "unit", "paper", "reviewer", "changed"];

    /// <summary>
    /// Pairs the rows of the two audits by claim id and orders them: flipped verdicts, then changed values, then unchanged,
    /// each group in claims.csv order. <paramref name="solo"/> maps each override name to the audit with that override alone;
    /// <paramref name="monteCarloDriven"/> holds the claims whose value moves when only the Monte Carlo result is swapped,
    /// with <paramref name="monteCarloOverrides"/> the overrides the Monte Carlo reads.
    /// </summary>
    public static IReadOnlyList<ClaimDiffRow> Compare(IReadOnlyList<AuditRow> paper, IReadOnlyList<AuditRow> reviewer,
        IReadOnlyList<(string Name, IReadOnlyList<AuditRow> Audit)> solo, IReadOnlySet<string> monteCarloDriven, IReadOnlyList<string> monteCarloOverrides)
    {
        var byId = reviewer.ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
        var rows = new List<ClaimDiffRow>();
        foreach (var p in paper)
        {
            var r = byId[p.ClaimId];
            var row = new ClaimDiffRow(p, r, []);
            if (!row.Changed)
            {
                rows.Add(row);
                continue;
            }
            var drivers = new List<string>();
            foreach (var (name, audit) in solo)
            {
                var s = audit.Single(a => a.ClaimId == p.ClaimId);
                if (s.Verdict != p.Verdict || !Equals(s.RecomputedValue, p.RecomputedValue)) drivers.Add(name);
            }
            if (monteCarloDriven.Contains(p.ClaimId)) drivers.AddRange(monteCarloOverrides.Where(n => !drivers.Contains(n)).Select(n => $"{n} (Monte Carlo)"));
            // A change no single override makes comes from overrides acting together.
            if (drivers.Count == 0) drivers.AddRange(solo.Select(s => $"{s.Name} (together)"));
            rows.Add(row with { Drivers = drivers });
        }
        return [.. rows.Where(r => r.Flipped), .. rows.Where(r => !r.Flipped && r.Changed), .. rows.Where(r => !r.Changed)];
    }

    /// <summary>
    /// The headline numbers for one set of inputs: Appendix C's density ratio D_ASIC / D_H100 with the worked examples,
    /// the pessimistic FP4 ratio (ASIC t halved, Appendix C Sensitivity), P(ratio &gt; 10x) of every Monte Carlo scenario,
    /// and the §4.3 break-even points.
    /// </summary>
    public static IReadOnlyList<(string Name, string Description, string Unit, double? Value)> Headlines(PaperData data, UncertaintyResult uncertainty)
    {
        var x = data.Values;
        var h100 = AgentDensity.Derive(Scenarios.AppendixCH100(x)).DensityPerMillionUsdAtUtilization;
        var asic = AgentDensity.Derive(Scenarios.AppendixCAsic(x)).DensityPerMillionUsdAtUtilization;
        var list = new List<(string, string, string, double?)>
        {
            ("appc.d_h100", "Appendix C: D_H100 at utilization, H100 worked example", "streams per $1M", h100),
            ("appc.d_asic", "Appendix C: D_ASIC at utilization, ASIC worked example", "streams per $1M", asic),
            ("appc.density_ratio", "Appendix C: D_ASIC / D_H100, worked examples", "x", Scenarios.WorkedExampleDensityRatio(x)),
            ("appc.fp4_pessimistic_ratio", "Appendix C Sensitivity: D_ASIC / D_H100 with the ASIC's t halved (FP4 only 2x over FP8)", "x", Scenarios.Fp4PessimisticDensityRatio(x)),
        };
        foreach (var s in uncertainty.Scenarios)
        {
            list.Add(($"mc.{s.Scenario.Name}.p_ratio_above_10x", $"Monte Carlo, {s.Scenario.Label}: P(D_ASIC / D_H100 > 10x)", "probability", s.ProbabilityDensityRatioAbove10x));
        }
        foreach (var b in uncertainty.BreakEven)
        {
            list.Add((b.Id, $"§4.3 break-even, {Words(b.Scenario)}: {Words(b.Quantity)} where {b.Target}", b.Unit, b.Value));
        }
        return list;
    }

    /// <summary>A break-even quantity or scenario id in words, for the descriptions a reader sees.</summary>
    private static string Words(string id) => id switch
    {
        "nodes_shipped" => "nodes shipped",
        "penalty_at_paper_volume" => "NRE penalty",
        "asic_utilization" => "ASIC utilization",
        "asic_node_cost_usd" => "ASIC node cost",
        "midpoint_vs_table2_low" => "midpoint node against Table 2's low bound",
        "midpoint_vs_table2_high" => "midpoint node against Table 2's high bound",
        "appendix_c" => "Appendix C's worked examples",
        "midpoint" => "midpoint inputs",
        _ => id.Replace('_', ' '),
    };

    /// <summary>Pairs the headline numbers of the two runs by name, in order.</summary>
    public static IReadOnlyList<HeadlineDiff> CompareHeadlines(IReadOnlyList<(string Name, string Description, string Unit, double? Value)> paper,
        IReadOnlyList<(string Name, string Description, string Unit, double? Value)> reviewer)
    {
        var byName = reviewer.ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
        // Ids hold no input value (issue 23, item 5), so both runs have the same names; a missing one is the bundle's bug.
        return paper.Select(p => new HeadlineDiff(p.Name, p.Description, p.Unit, p.Value,
            byName.TryGetValue(p.Name, out var r) ? r : throw new InvalidOperationException($"headline '{p.Name}' has no counterpart in the reviewer's run"))).ToList();
    }

    /// <summary>Writes <c>claims_diff.csv</c>, <c>claims_diff_headlines.csv</c> and <c>claims_diff.md</c>.</summary>
    public static void Write(OutputStage stage, IReadOnlyList<ClaimDiffRow> rows, IReadOnlyList<HeadlineDiff> headlines, AssumptionOverrides overrides)
    {
        stage.WriteCsv("claims_diff.csv", Columns, rows.Select(r => (IReadOnlyList<object?>)[r.Paper.ClaimId, r.Paper.Section, Status(r),
            r.Paper.Recomputed, r.Reviewer.Recomputed, r.Paper.Verdict.ToText(), r.Reviewer.Verdict.ToText(),
            r.Paper.RecomputedValue?.Lo, r.Paper.RecomputedValue?.Hi, r.Reviewer.RecomputedValue?.Lo, r.Reviewer.RecomputedValue?.Hi, r.Paper.Unit,
            string.Join("; ", r.Drivers)]));
        stage.WriteCsv("claims_diff_headlines.csv", HeadlineColumns, headlines.Select(h => (IReadOnlyList<object?>)[h.Name, h.Description, h.Unit, h.Paper, h.Reviewer,
            h.Changed ? "yes" : "no"]));
        stage.WriteText("claims_diff.md", ToMarkdown(rows, headlines, overrides));
    }

    private static string Status(ClaimDiffRow r) => r.Flipped ? "verdict-flipped" : r.Changed ? "value-changed" : "unchanged";

    private static string Show(double? v) => v is { } d ? Quantity.Text(d) : "none";

    /// <summary>The comparison as Markdown: the overrides, the headline numbers, then the claims with the flipped verdicts first.</summary>
    public static string ToMarkdown(IReadOnlyList<ClaimDiffRow> rows, IReadOnlyList<HeadlineDiff> headlines, AssumptionOverrides overrides)
    {
        static string Cell(string s) => Escaping.MarkdownText.Cell(s);
        var file = Path.GetFileName(overrides.FilePath);
        var sb = new StringBuilder();
        sb.Append("# What the reviewer's assumptions change\n\n");
        sb.Append($"The claims audit and the headline numbers, run once with `data/` as it is and once with the overrides of {Escaping.MarkdownText.CodeCell(file)}. ");
        sb.Append($"{rows.Count(r => r.Flipped)} verdict(s) flipped, {rows.Count(r => r.Changed && !r.Flipped)} more value(s) changed, {rows.Count(r => !r.Changed)} claim(s) unchanged.\n\n");
        sb.Append("## Overrides\n\n| name | paper | reviewer | where |\n|---|---|---|---|\n");
        foreach (var o in overrides.Items)
        {
            sb.Append($"| `{Cell(o.Name)}` | {(o.Replaces is { } p ? Quantity.Text(p) : "n/a")} | {Quantity.Text(o.Value)} | {Cell(file)}:{o.Line} |\n");
        }
        sb.Append("\n## Headline numbers\n\n| number | paper | reviewer | unit |\n|---|---|---|---|\n");
        foreach (var h in headlines.Where(h => h.Changed).Concat(headlines.Where(h => !h.Changed)))
        {
            var mark = h.Changed ? "**" : "";
            sb.Append($"| {Cell(h.Description)} | {Show(h.Paper)} | {mark}{Show(h.Reviewer)}{mark} | {Cell(h.Unit)} |\n");
        }
        sb.Append("\n## Claims\n\nFlipped verdicts first, then changed values; `driven by` names the overrides that change the row when applied alone.\n\n");
        sb.Append("| claim | section | paper: value | paper: verdict | reviewer: value | reviewer: verdict | status | driven by |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            sb.Append($"| `{Cell(r.Paper.ClaimId)}` | {Cell(r.Paper.Section)} | {Cell(r.Paper.Recomputed)} | {r.Paper.Verdict.ToText()} | {Cell(r.Reviewer.Recomputed)} | {r.Reviewer.Verdict.ToText()} | {Status(r)} | {Cell(string.Join(", ", r.Drivers))} |\n");
        }
        return sb.ToString();
    }
}
