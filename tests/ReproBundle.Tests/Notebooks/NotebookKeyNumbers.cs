using Xunit;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using static ReproBundle.Notebooks.NotebookDisplay;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// The key numbers each notebook must show, computed here from the library and formatted the way the
/// notebooks' setup formats them. A notebook added to notebooks/ needs an entry (a test fails until it has
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
            ["08-claims-audit.ipynb"] = ClaimsAuditNotebook,
        };

    private static IEnumerable<(string, string)> CalibratedBaselinesNotebook(PaperData d)
    {
        yield return ("§2.1 bound for 70B BF16 on one H100 [tok/s]", FormatNumber(BandwidthBound.MaxTokensPerSecond(
            d.Scalar("s1.dense_parameters"), d.Scalar("s1.bf16_bytes_per_parameter"), d.Scalar("h100.hbm_bandwidth_bytes_per_s"))));
        yield return ("§1 $/M tokens at $3/hour", FormatNumber(ProjectionModel.CostUsdPerMillionTokens(
            d.Scalar("s1.h100_cloud_usd_per_hour"), 0, d.Scalar("s1.h100_decode_tok_s"), 3600)));
        yield return ("Table 1 Groq tok/s per chip", FormatInterval(CalibratedBaselines.TokensPerSecondPerChip(d.Platform("groq"))));
        yield return ("Table 1 H100 J/token", FormatInterval(CalibratedBaselines.EnergyJoulesPerToken(d.Platform("h100"))));
        yield return ("Table 1 B200 J/token", FormatInterval(CalibratedBaselines.EnergyJoulesPerToken(d.Platform("b200"))));
        yield return ("§2.3 Cerebras energy gain over H100", FormatInterval(Table2Projection.Ratio(Better.Lower,
            CalibratedBaselines.EnergyJoulesPerToken(d.Platform("h100")), CalibratedBaselines.EnergyJoulesPerToken(d.Platform("cerebras")))));
    }

    private static IEnumerable<(string, string)> ProjectionModelNotebook(PaperData d)
    {
        yield return ("W_active at FP4 [GB]", FormatInterval(Table2Projection.AsicActiveWeightBytes(d) / 1e9));
        yield return ("B_eff Table 2's ASIC throughput needs [TB/s]", FormatInterval(
            ProjectionModel.RequiredBandwidth(Table2Projection.AsicActiveWeightBytes(d), d.Table2Row("decode_single").Asic) / 1e12));
        yield return ("H100 bound at FP16 [tok/s]", FormatInterval(BandwidthBound.MaxTokensPerSecond(d.Range("workload.active_parameters"),
            d.Range("workload.fp16_bytes_per_parameter"), Interval.Point(d.Scalar("h100.hbm_bandwidth_bytes_per_s")))));
        yield return ("B_eff with no SRAM = HBM [TB/s]", FormatNumber(ProjectionModel.EffectiveBandwidth(0,
            d.Scalar("cerebras.sram_bandwidth_bytes_per_s"), d.Scalar("h100.hbm_bandwidth_bytes_per_s")) / 1e12));
    }

    private static IEnumerable<(string, string)> ProjectionsNotebook(PaperData d)
    {
        foreach (var r in Table2Projection.Ratios(d))
        {
            yield return ($"Table 2 {r.Row.MetricId} ratio by interval arithmetic", FormatInterval(r.RatioComputed));
        }
        yield return ("ASIC J/token at batch=64", FormatInterval(Table2Projection.EnergyFromThroughput(d.Range("asic.node_power_w"), d.Table2Row("decode_batch64").Asic)));
        yield return ("§4.3 penalty at 100 K nodes", FormatInterval(NreAmortization.CostPenaltyFactor(d.Range("asic.node_cost_usd"), d.Range("nre.tapeout_usd"), 100_000)));
        yield return ("§4.3 nodes for a 3x penalty", FormatInterval(NreAmortization.NodesForPenaltyFactor(d.Range("asic.node_cost_usd"), d.Range("nre.tapeout_usd"), 3)));
    }

    private static IEnumerable<(string, string)> AgentDensityNotebook(PaperData d)
    {
        var h100 = AgentDensity.Derive(AgentDensityTable.WorkedExampleInputs(d, "h100"));
        var asic = AgentDensity.Derive(AgentDensityTable.WorkedExampleInputs(d, "asic"));
        yield return ("Appendix C step 1, H100 hourly CapEx", FormatNumber(h100.HourlyCapexUsd));
        yield return ("Appendix C step 2, H100 $/M tokens", FormatNumber(h100.CostUsdPerMillionTokens));
        yield return ("Appendix C step 4, H100 D (paper: ≈167)", FormatNumber(h100.DensityPerMillionUsd));
        yield return ("Appendix C step 5, H100 D·u (paper: ≈117)", FormatNumber(h100.DensityPerMillionUsdAtUtilization));
        yield return ("Appendix C ASIC D (paper: ≈8333)", FormatNumber(asic.DensityPerMillionUsd));
        yield return ("Appendix C ASIC D·u (paper: ≈6667)", FormatNumber(asic.DensityPerMillionUsdAtUtilization));
        var pessimistic = AgentDensity.Derive(AgentDensityTable.WorkedExampleInputs(d, "asic") with
        {
            TokensPerSecond = d.Scalar("appc.asic.tok_s") * d.Scalar("appc.fp4_shortfall_factor"),
        });
        yield return ("pessimistic FP4 D·u", FormatNumber(pessimistic.DensityPerMillionUsdAtUtilization));
        yield return ("pessimistic FP4 §4.2 range", FormatInterval(d.Range("s4_2.asic_density_streams_per_musd") * d.Scalar("appc.fp4_shortfall_factor")));
        yield return ("$10 M of H100s (paper: ~600-1500)", FormatInterval(AgentDensity.StreamsForDeployment(d.Range("s4_2.h100_density_streams_per_musd"), d.Scalar("appc.deployment_usd"))));
        yield return ("$10 M of ASICs (paper: ~30,000-120,000)", FormatInterval(AgentDensity.StreamsForDeployment(d.Range("s4_2.asic_density_streams_per_musd"), d.Scalar("appc.deployment_usd"))));
    }

    private static IEnumerable<(string, string)> FiguresNotebook(PaperData d)
    {
        var inputs = ReproBundle.Figures.FigureInputs.Load(d.DataDirectory);
        foreach (var id in ReproBundle.Figures.FigureInputs.ScoredPlatforms)
        {
            yield return ($"software-maturity score of {id}", $"<td>{id}</td><td>{FormatInterval(inputs.MaturityScoreOf(id))}</td>");
        }
        var claim = Claim.Load(Path.Combine(d.DataDirectory, "claims.csv")).Single(c => c.ClaimId == ReproBundle.Figures.FigureClaimChecks.SoftwareMaturityGap);
        var gap = ClaimsAudit.Judge(claim, new ReproBundle.Figures.FigureClaimChecks(inputs).Checks[claim.ClaimId]());
        yield return ("§5 axis-6 gap recomputed with the bundle's rubric, and its verdict", $"<td>{gap.Recomputed}</td><td>{gap.Verdict.ToText()}</td>");
        foreach (var p in ReproBundle.Figures.FigureFrames.RadarPoints(d, inputs)
                     .Where(x => ReproBundle.Figures.FigureClaimChecks.DedicatedSilicon.Contains(x.PlatformId) && x.AxisOrder <= 4))
        {
            yield return ($"radar ratio of {p.PlatformId} on axis {p.AxisOrder}", $"<td>{FormatNumber(p.PlottedLo)}</td><td>{FormatNumber(p.PlottedHi)}</td>");
        }
        foreach (var r in PlatformProjections.Rows(d))
        {
            yield return ($"Fig. 2/3 frame row of {r.Id}", $"<td>{FormatInterval(r.EnergyJoulesPerToken)}</td><td>{FormatInterval(r.CostUsdPerMillionTokens!.Value)}</td>");
        }
        foreach (var r in AgentDensityTable.Rows(d))
        {
            yield return ($"agent-density chart frame, D·u of {r.Scenario}", $"<td>{FormatNumber(r.Steps.DensityPerMillionUsdAtUtilization)}</td>");
        }
        foreach (var r in Table2Projection.Ratios(d))
        {
            yield return ($"Table 2 ratios chart frame, {r.Row.MetricId} by interval arithmetic",
                $"<td>{FormatNumber(r.RatioComputed.Lo)}</td><td>{FormatNumber(r.RatioComputed.Hi)}</td>");
        }
        yield return ("Fig. 1 shown", "Fig. 1: Six-axis platform capability radar (inference)");
        yield return ("Fig. 2 shown", "Fig. 2: Amortized cost per million decoded tokens");
        yield return ("Fig. 3 shown", "Fig. 3: Energy per decoded token");
    }

    private static IEnumerable<(string, string)> ClaimsAuditNotebook(PaperData d)
    {
        var audit = ClaimsAudit.Run(Claim.Load(Path.Combine(d.DataDirectory, "claims.csv")), Reproduction.ClaimCheckProviders(d));
        foreach (var v in Enum.GetValues<Verdict>())
        {
            yield return ($"count of {v.ToText()}", $"<td>{v.ToText()}</td><td>{audit.Count(a => a.Verdict == v)}</td>");
        }
        foreach (var a in audit)
        {
            string E(string text) => System.Net.WebUtility.HtmlEncode(text);
            yield return ($"row and verdict of {a.ClaimId}",
                $"<td>{E(a.ClaimId)}</td><td>{E(a.Section)}</td><td>{E(a.Published)}</td><td>{E(a.Recomputed)}</td><td>{a.Verdict.ToText()}</td>");
        }
    }
}
