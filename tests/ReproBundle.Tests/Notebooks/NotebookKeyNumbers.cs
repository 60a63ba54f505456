using Xunit;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Uncertainty;
using ReproBundle.Registry;
using static ReproBundle.Notebooks.NotebookDisplay;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// The key numbers each notebook must show, formatted the way the notebooks' setup formats them: notebooks 01-04 written
/// by hand from the paper; the others still computed here from the library
/// (issue 23, item 9: not yet rewritten). A notebook added to notebooks/ needs an entry (a test fails until it has
/// one), so no notebook shows numbers that nothing checks.
/// </summary>
internal static class NotebookKeyNumbers
{
    /// <summary>(what the number is, the text the notebook must show) per notebook file name.</summary>
    public static readonly IReadOnlyDictionary<string, Func<PaperData, IEnumerable<(string What, string Shown)>>> ByNotebook =
        new Dictionary<string, Func<PaperData, IEnumerable<(string, string)>>>
        {
            ["01-calibrated-baselines.ipynb"] = CalibratedBaselinesNotebook,
            ["02-projection-model.ipynb"] = ProjectionModelNotebook,
            ["03-projections.ipynb"] = ProjectionsNotebook,
            ["04-agent-density.ipynb"] = AgentDensityNotebook,
            ["05-figures.ipynb"] = FiguresNotebook,
            ["06-bottleneck-registry.ipynb"] = BottleneckRegistryNotebook,
            ["07-critique-and-uncertainty.ipynb"] = CritiqueAndUncertaintyNotebook,
            ["08-claims-audit.ipynb"] = ClaimsAuditNotebook,
        };

    private static IEnumerable<(string, string)> CalibratedBaselinesNotebook(PaperData d)
    {
        _ = d;
        // by hand from §1 and §2.1: 3.35 TB/s / (70e9 x 2 bytes) = 23.93 tok/s; $3 / (30 tok/s x 3600 s) x 1e6 = 27.78 $/M tokens
        yield return ("§2.1 bound for 70B BF16 on one H100 [tok/s]", "23.9");
        yield return ("§1 $/M tokens at $3/hour", "27.8");
        // Table 1, by hand: tok/s per chip = deployment tok/s / chips, J/token = system W / deployment tok/s
        yield return ("Table 1 Groq tok/s per chip", "1.3-1.32");                 // 750 / 576, 750 / 568
        yield return ("Table 1 H100 J/token", "20-25");                           // 700 W / 35, 700 W / 28
        yield return ("Table 1 B200 J/token", "5.56-8.33");                       // 1000 W / 180, 1000 W / 120
        yield return ("§2.3 Cerebras energy gain over H100", "1.83-2.28");        // (20-25 J) / (23,000 W / 2100 = 10.95 J)
    }

    /// <summary>By hand from §3.1-§3.3, §4.1 (Table 2) and §4.3, not computed by the library.</summary>
    private static IEnumerable<(string, string)> ProjectionModelNotebook(PaperData d)
    {
        _ = d;
        yield return ("W_active at FP4 [GB]", "100-200");                              // 200-400e9 active x 0.5 byte
        yield return ("B_eff Table 2's ASIC throughput needs [TB/s]", "30-160");       // 100 GB x 300 tok/s to 200 GB x 800 tok/s
        yield return ("H100 bound at FP16 [tok/s]", "4.19-8.38");                       // 3.35 TB/s / (800 to 400 GB)
        yield return ("B_eff with no SRAM = HBM [TB/s]", "3.35");                       // all weights from one H100's HBM
    }

    private static IEnumerable<(string, string)> ProjectionsNotebook(PaperData d)
    {
        _ = d;
        // Table 2 by interval arithmetic: higher-is-better ASIC / H100, lower-is-better H100 / ASIC, ends crossed.
        yield return ("Table 2 decode_single ratio by interval arithmetic", "12-53.3");       // 300/25, 800/15
        yield return ("Table 2 decode_batch64 ratio by interval arithmetic", "13.3-100");     // 12,000/900, 40,000/400
        yield return ("Table 2 energy_per_token ratio by interval arithmetic", "20-200");     // 30/1.5, 60/0.3
        yield return ("Table 2 ttft ratio by interval arithmetic", "6.25-33.3");             // 250/40, 500/15
        yield return ("Table 2 cost_per_mtok ratio by interval arithmetic", "10-200");        // 15/1.5, 40/0.2
        yield return ("Table 2 max_context ratio by interval arithmetic", "1-5");            // 200/200, 500/100
        yield return ("ASIC J/token at batch=64", "0.0375-0.208");                           // 1500 W / 40,000 tok/s, 2500 W / 12,000 tok/s
        yield return ("§4.3 penalty at 100 K nodes", "1.02-1.1");                             // 1 + $40-80 M / ($20-8 K x 100,000)
        yield return ("§4.3 nodes for a 3x penalty", "1000-5000");                            // $40-80 M / (2 x $20-8 K)
    }

    /// <summary>
    /// Written by hand from Appendix C's worked examples (C, L, u, t, r as printed) and §4.2's ranges, three significant
    /// figures with whole digits kept (the notebooks' number format), not computed by the library.
    /// </summary>
    private static IEnumerable<(string, string)> AgentDensityNotebook(PaperData d)
    {
        _ = d;
        yield return ("Appendix C step 1, H100 hourly CapEx", "1.14");                 // 30,000 / (3 x 8760 h) = 1.1416 USD/h
        yield return ("Appendix C step 2, H100 $/M tokens", "18.1");                    // 30,000 / (94,608,000 s x 0.7 x 25) x 1e6 = 18.12
        yield return ("Appendix C step 4, H100 D (paper: ≈167)", "167");                // (1e6 / 30,000) x (25 / 5) = 166.67
        yield return ("Appendix C step 5, H100 D·u (paper: ≈117)", "117");              // 166.67 x 0.7 = 116.67
        yield return ("Appendix C ASIC D (paper: ≈8333)", "8333");                      // (1e6 / 12,000) x (500 / 5) = 8333.3
        yield return ("Appendix C ASIC D·u (paper: ≈6667)", "6667");                    // 8333.3 x 0.8 = 6666.7
        yield return ("pessimistic FP4 D·u", "3333");                                   // t halved to 250: 4166.7 x 0.8 = 3333.3
        yield return ("pessimistic FP4 §4.2 range", "1500-6000");                       // 3,000-12,000 halved
        yield return ("$10 M of H100s (paper: ~600-1500)", "600-1500");                 // 60-150 per $1M x 10
        yield return ("$10 M of ASICs (paper: ~30,000-120,000)", "30000-120000");       // 3,000-12,000 per $1M x 10
    }

    private static IEnumerable<(string, string)> CritiqueAndUncertaintyNotebook(PaperData d)
    {
        static string Cell(double v) => $"<td>{FormatNumber(v)}</td>";
        var result = UncertaintyAnalysis.Run(d, MonteCarloSettings.Default);
        var examples = Scenarios.AgentDensityRows(d.Values);
        double Du(IReadOnlyList<AgentDensityRow> rows, string scenario) => rows.Single(s => s.Scenario == scenario).Steps.DensityPerMillionUsdAtUtilization;
        double Ratio(double h100, double asic) => Table2Projection.Ratio(Better.Higher, Interval.Point(h100), Interval.Point(asic)).Lo;
        yield return ("O2 ratio at the Appendix C worked examples", Cell(Ratio(Du(examples, "h100"), Du(examples, "asic"))));
        yield return ("O2 ratio with the ASIC's t halved", Cell(Ratio(Du(examples, "h100"), Du(examples, "asic_fp4_pessimistic"))));
        foreach (var sc in result.Scenarios)
        {
            var worst = sc.Model.WorstCornerForAsic();
            yield return ($"O2 {sc.Scenario.Name} ratio at the midpoints", Cell(UncertaintyModel.Evaluate(sc.Model.Midpoint()).DensityRatio));
            yield return ($"O2 {sc.Scenario.Name} ratio at the worst corner (paper_ranges: 8)", Cell(UncertaintyModel.Evaluate(worst).DensityRatio));
            var r = sc.DensityRatio;
            yield return ($"Monte Carlo {sc.Scenario.Name} ratio p5, p50, p95, min and P(ratio > 10x)",
                $"<td>{sc.Scenario.Name}</td>{Cell(r.P5)}{Cell(r.P50)}{Cell(r.P95)}{Cell(r.Min)}<td>{Quantity.Text(sc.ProbabilityDensityRatioAbove10x)}</td>");
        }
        var paper = result.Scenario(UncertaintyScenario.PaperRanges.Name);
        yield return ("ASIC cost per M tokens, p5 (paper_ranges)", Cell(paper.Summary("cost_usd_per_mtok", "asic").P5));
        yield return ("energy ratio p95 (paper_ranges)", Cell(paper.Summary("energy_j_per_token", "ratio").P95));
        var h100 = Scenarios.AppendixCH100(d.Values);
        var asic = Scenarios.AppendixCAsic(d.Values);
        foreach (var rate in new[] { 1.0, 20, 100 })
        {
            var h = AgentDensity.Derive(h100 with { StreamTokensPerSecond = rate }).DensityPerMillionUsdAtUtilization;
            var a = AgentDensity.Derive(asic with { StreamTokensPerSecond = rate }).DensityPerMillionUsdAtUtilization;
            yield return ($"O5 row at r = {rate}", $"{Cell(rate)}{Cell(h)}{Cell(a)}{Cell(Ratio(h, a))}");
        }
        var cAsic = result.Tornado.Single(b => b.Symbol == "C_ASIC");
        yield return ("tornado C_ASIC bar (103.13 to 41.25)", $"{Cell(cAsic.RatioAtLow)}{Cell(cAsic.RatioAtHigh)}{Cell(cAsic.Swing)}");
        BreakEvenPoint Point(string quantity, string scenario, string targetStart) =>
            result.BreakEven.Single(p => p.Quantity == quantity && p.Scenario == scenario && p.Target.StartsWith(targetStart, StringComparison.Ordinal));
        yield return ("§4.3 nodes for 3x, optimistic", Cell(Point("nodes_shipped", "optimistic", "effective $/M tokens = 3x").Value!.Value));
        yield return ("§4.3 nodes for 3x, pessimistic", Cell(Point("nodes_shipped", "pessimistic", "effective $/M tokens = 3x").Value!.Value));
        yield return ("§4.3 penalty at 100 K nodes, pessimistic", Cell(Point("penalty_at_paper_volume", "pessimistic", "").Value!.Value));
        yield return ("§4.3 nodes within 3x of Table 2's $0.20", Cell(Point("nodes_shipped", "midpoint_vs_table2_low", "effective $/M tokens = 3x").Value!.Value));
        yield return ("u_ASIC at 10x, Appendix C", Cell(Point("asic_utilization", "appendix_c", "").Value!.Value));
        yield return ("C_ASIC at 10x, Appendix C", Cell(Point("asic_node_cost_usd", "appendix_c", "").Value!.Value));
        yield return ("C_ASIC at 10x, pessimistic corner", Cell(Point("asic_node_cost_usd", "pessimistic", "").Value!.Value));
        var llama = result.Scenario(UncertaintyScenario.H100ThroughputFromTable1.Name);
        yield return ("O6 H100 median cost on Table 1's Llama-70B throughput", Cell(llama.Summary("cost_usd_per_mtok", "h100").P50));

        // The reviewer's overrides of the notebook, loaded through the same API from a file of the same content.
        var folder = Directory.CreateTempSubdirectory("reprobundle-nb07-test-");
        PaperData reviewed;
        try
        {
            var file = Path.Combine(folder.FullName, "reviewer.yaml");
            File.WriteAllText(file, "table2.decode_single.asic: 150-400\nappc.asic.tok_s: 250\nappc.h100.stream_tok_s: 20\nappc.asic.stream_tok_s: 20\n");
            reviewed = AssumptionOverrides.Load(file, d).Apply(d);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        var reviewedExamples = Scenarios.AgentDensityRows(reviewed.Values);
        yield return ("reviewer H100 D·u (paper 116.67)", $"<td>h100</td>{Cell(Du(examples, "h100"))}{Cell(Du(reviewedExamples, "h100"))}");
        yield return ("reviewer ASIC D·u (paper 6666.67)", $"<td>asic</td>{Cell(Du(examples, "asic"))}{Cell(Du(reviewedExamples, "asic"))}");
        var run = UncertaintyAnalysis.RunScenario(UncertaintyModel.From(reviewed, UncertaintyScenario.PaperRanges), MonteCarloSettings.Default);
        var rr = run.DensityRatio;
        yield return ("reviewer Monte Carlo densities, ratio percentiles and P(ratio > 10x)",
            $"{Cell(run.Summary("density_per_musd_at_utilization", "asic").P50)}{Cell(run.Summary("density_per_musd_at_utilization", "h100").P50)}"
            + $"{Cell(rr.P5)}{Cell(rr.P50)}{Cell(rr.P95)}<td>{Quantity.Text(run.ProbabilityDensityRatioAbove10x)}</td>");

        var audit = ClaimsAudit.Run(Claim.Load(Path.Combine(d.DataDirectory, "claims.csv")),
            Reproduction.ClaimCheckProviders(d, ReproBundle.Registry.BottleneckRegistry.Load(d.DataDirectory), result,
                ReproBundle.Figures.FigureInputs.Load(d.DataDirectory)));
        foreach (var a in audit.Where(a => a.Section.Contains("§10", StringComparison.Ordinal)))
        {
            yield return ($"verdict of {a.ClaimId}", $"<td>{System.Net.WebUtility.HtmlEncode(a.ClaimId)}</td>");
            yield return ($"verdict of {a.ClaimId}", $"<td>{a.Verdict.ToText()}</td><td>{System.Net.WebUtility.HtmlEncode(a.Reason)}</td>");
        }
    }

    private static IEnumerable<(string, string)> BottleneckRegistryNotebook(PaperData d)
    {
        string E(string text) => System.Net.WebUtility.HtmlEncode(text);
        var registry = BottleneckRegistry.Load(d.DataDirectory);
        foreach (var e in registry.Entries)
        {
            yield return ($"table row of {e.Id}",
                $"<th>{e.Id}</th><td>{E(e.Name)}</td><td>{E(e.Type)}</td><td>{e.Group.ToText()}</td><td>{FormatNumber(e.Difficulty)}</td><td>{FormatNumber(e.Priority)}</td>");
        }
        foreach (var w in registry.Warnings)
        {
            yield return ($"lint warning on {Path.GetFileName(w.File)}",
                $"<td>{E(Path.GetFileName(w.File))}</td><td>{FormatNumber(w.Line)}</td><td>{E(w.Field)}</td><td>Warning</td><td>{E(w.Message)}</td>");
        }
        foreach (var c in Taxonomy.Counts(registry).Where(c => c.Dimension is "type" or "group"))
        {
            yield return ($"count of {c.Dimension} {c.Category}", $"<td>{E(c.Category)}</td><td>{FormatNumber(c.Count)}</td><td>{string.Join(" ", c.Ids)}</td>");
        }
        var checks = new RegistryClaimChecks(registry);
        var claims = Claim.Load(Path.Combine(d.DataDirectory, "claims.csv")).Where(c => checks.Checks.ContainsKey(c.ClaimId)).ToList();
        foreach (var a in ClaimsAudit.Run(claims, [checks]))
        {
            yield return ($"row and verdict of {a.ClaimId}",
                $"<td>{E(a.ClaimId)}</td><td>{E(a.Section)}</td><td>{E(a.Published)}</td><td>{E(a.Recomputed)}</td><td>{a.Verdict.ToText()}</td>");
        }
        foreach (var e in registry.Entries.Where(e => e.Priority == 5))
        {
            yield return ($"priority-5 entry {e.Id}", $"<td>{e.Id}</td><td>{E(e.Name)}</td><td>{E(e.Type)}</td><td>{e.Group.ToText()}</td>");
        }
        foreach (var e in registry.Entries)
        {
            foreach (var edge in e.DependsOn)
            {
                yield return ($"edge {e.Id} -> {edge.Id} with its basis", $"<td>{e.Id}</td><td>{edge.Id}</td><td>{E(edge.Basis)}</td>");
                yield return ($"edge {e.Id} -> {edge.Id} in the graph chart", $"\"name\":\"{e.Id} depends on {edge.Id}\"");
            }
        }
        foreach (var g in TaxonomyGroupText.All)
        {
            yield return ($"group {g.ToText()} in the type chart", $"\"type\":\"bar\",\"name\":\"{g.ToText()}\"");
        }
        yield return ("heat-map of the ratings", "\"type\":\"heatmap\"");
    }

    private static IEnumerable<(string, string)> FiguresNotebook(PaperData d)
    {
        var inputs = ReproBundle.Figures.FigureInputs.Load(d.DataDirectory);
        foreach (var id in ReproBundle.Figures.FigureInputs.ScoredPlatforms)
        {
            yield return ($"software-maturity score of {id}", $"<td>{id}</td><td>{FormatInterval(inputs.MaturityScoreOf(id))}</td>");
        }
        var claim = Claim.Load(Path.Combine(d.DataDirectory, "claims.csv")).Single(c => c.ClaimId == FigureClaimChecks.SoftwareMaturityGap);
        var gap = ClaimsAudit.Judge(claim, new FigureClaimChecks(inputs).Checks[claim.ClaimId]());
        yield return ("§5 axis-6 gap recomputed with the bundle's rubric, and its verdict", $"<td>{gap.Recomputed}</td><td>{gap.Verdict.ToText()}</td>");
        foreach (var p in ReproBundle.Figures.FigureFrames.RadarPoints(d, inputs)
                     .Where(x => FigureClaimChecks.DedicatedSilicon.Contains(x.PlatformId) && x.AxisOrder <= 4))
        {
            yield return ($"radar ratio of {p.PlatformId} on axis {p.AxisOrder}", $"<td>{FormatNumber(p.PlottedLo)}</td><td>{FormatNumber(p.PlottedHi)}</td>");
        }
        foreach (var r in PlatformProjections.Rows(d))
        {
            yield return ($"Fig. 2/3 frame row of {r.Id}", $"<td>{FormatInterval(r.EnergyJoulesPerToken)}</td><td>{FormatInterval(r.CostUsdPerMillionTokens!.Value)}</td>");
        }
        // by hand: Appendix C's D·u of the worked examples (see notebook 04) ...
        yield return ("agent-density chart frame, D·u of h100", "<td>117</td>");
        yield return ("agent-density chart frame, D·u of asic", "<td>6667</td>");
        yield return ("agent-density chart frame, D·u of asic_fp4_pessimistic", "<td>3333</td>");
        foreach (var r in Scenarios.AgentDensityRows(d.Values).Where(r => r.Scenario.Contains("_range_", StringComparison.Ordinal)))
        {
            yield return ($"agent-density chart frame, D·u of {r.Scenario}", $"<td>{FormatNumber(r.Steps.DensityPerMillionUsdAtUtilization)}</td>");
        }
        // ... and Table 2's ratios by interval arithmetic (see notebook 03)
        yield return ("Table 2 ratios chart frame, decode_single", "<td>12</td><td>53.3</td>");
        yield return ("Table 2 ratios chart frame, decode_batch64", "<td>13.3</td><td>100</td>");
        yield return ("Table 2 ratios chart frame, energy_per_token", "<td>20</td><td>200</td>");
        yield return ("Table 2 ratios chart frame, ttft", "<td>6.25</td><td>33.3</td>");
        yield return ("Table 2 ratios chart frame, cost_per_mtok", "<td>10</td><td>200</td>");
        yield return ("Table 2 ratios chart frame, max_context", "<td>1</td><td>5</td>");
        yield return ("Fig. 1 shown", "Fig. 1: Six-axis platform capability radar (inference)");
        yield return ("Fig. 2 shown", "Fig. 2: Amortized cost per million decoded tokens");
        yield return ("Fig. 3 shown", "Fig. 3: Energy per decoded token");
    }

    private static IEnumerable<(string, string)> ClaimsAuditNotebook(PaperData d)
    {
        var audit = ClaimsAudit.Run(Claim.Load(Path.Combine(d.DataDirectory, "claims.csv")), Reproduction.ClaimCheckProviders(d));
        var sentences = ClaimsAudit.Sentences(audit);
        foreach (var v in Enum.GetValues<Verdict>())
        {
            // Notebook 08 counts per sentence, with the claims (parts) beside.
            yield return ($"count of {v.ToText()}",
                $"<td>{v.ToText()}</td><td>{sentences.Count(s => s.Verdict == v)}</td><td>{audit.Count(a => a.Verdict == v)}</td>");
        }
        foreach (var a in audit)
        {
            string E(string text) => System.Net.WebUtility.HtmlEncode(text);
            yield return ($"row and verdict of {a.ClaimId}",
                $"<td>{E(a.ClaimId)}</td><td>{E(a.Section)}</td><td>{E(a.Published)}</td><td>{E(a.Recomputed)}</td><td>{a.Verdict.ToText()}</td>");
        }
    }
}
