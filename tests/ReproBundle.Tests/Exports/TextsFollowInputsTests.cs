using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Figures;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Exports;

/// <summary>
/// Issue 9, "sentences from values": with a reviewer's overrides, the table notes, figure subtitles and the Monte Carlo
/// claim reason state the overridden values, not the paper's.
/// </summary>
public class TextsFollowInputsTests
{
    private static PaperData Overridden()
    {
        using var dir = TestPaths.NewTempDir();
        var file = Path.Combine(dir.Path, "texts.yaml");
        File.WriteAllText(file, string.Join("\n",
            "table2.lifetime_years: 4", "table2.utilization: 0.5", "appc.h100.stream_tok_s: 10", "appc.asic.stream_tok_s: 10",
            "appc.h100.lifetime_years: 5", "appc.asic.lifetime_years: 5", "model.utilization: \"0.3-0.6\"",
            "asic.node_cost_usd: {lo: 10000, hi: 30000}", "table2.decode_single.h100: \"12-20\"", "table1.h100.tok_s_deployment: \"20-40\"") + "\n");
        var data = PaperData.Load(TestPaths.DataDir);
        return AssumptionOverrides.Load(file, data).Apply(data);
    }

    [Fact]
    public void The_cost_basis_note_and_the_Fig_2_subtitle_state_the_overridden_lifetime_and_utilization()
    {
        var d = Overridden();

        Assert.All(PlatformProjections.Rows(d).Where(r => r.Id != "custom_asic"),
            r => Assert.StartsWith("CapEx / (4 yr x 50% utilization x Table 1 single-stream tok/s)", r.CostBasis));
        var fig2 = Plotly.NET.GenericChart.toFigureJson(PlatformBarFigures.CostPerMillionTokens(FigureFrames.PlatformRows(d), d.Values));
        Assert.Contains("CapEx over 4 years at 50% utilization", fig2);
        Assert.DoesNotContain("over 3 years at 80%", fig2);
        var radar = FigureFrames.RadarPoints(d, FigureInputs.Load(TestPaths.DataDir)).Where(p => p.Source.Contains("CapEx /")).ToList();
        Assert.NotEmpty(radar);
        Assert.All(radar, p => Assert.Contains("CapEx / (4 yr x 50% x single-stream tok/s)", p.Source));
    }

    [Fact]
    public void The_agent_density_subtitle_states_the_overridden_r_and_L()
    {
        var d = Overridden();

        var json = Plotly.NET.GenericChart.toFigureJson(AgentDensityFigure.Draw(FigureFrames.AgentDensityRows(d), d.Values));

        Assert.Contains("r = 10 tok/s, L = 5 years", json);
    }

    [Fact]
    public void The_Monte_Carlo_claim_reason_states_the_overridden_ranges()
    {
        var d = Overridden();
        var result = UncertaintyAnalysis.Run(d, new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1));
        var checks = new UncertaintyClaimChecks(d, result).Checks;

        var reason = checks["o2.mc_probability_ratio_above_10x"]().Detail;

        Assert.Contains("t 12-20 vs 300-800 tok/s", reason);
        Assert.Contains("C_ASIC $10-30 K", reason);
        Assert.Contains("u 30-60% on each platform", reason);
        Assert.Contains("Table 1's 20-40 tok/s", reason);
    }

    [Fact]
    public void The_Monte_Carlo_prior_of_utilization_states_the_overridden_range()
    {
        var model = UncertaintyModel.From(Overridden(), UncertaintyScenario.PaperRanges);

        Assert.All(model.Quantities.Where(q => q.Symbol.StartsWith("u_", StringComparison.Ordinal)),
            q => Assert.StartsWith("§3.2 sensitivity range 30-60%,", q.Why));
    }

    private static PaperData With(params string[] yamlLines)
    {
        using var dir = TestPaths.NewTempDir();
        var file = Path.Combine(dir.Path, "reasons.yaml");
        File.WriteAllText(file, string.Join("\n", yamlLines) + "\n");
        var data = PaperData.Load(TestPaths.DataDir);
        return AssumptionOverrides.Load(file, data).Apply(data);
    }

    [Fact]
    public void The_audit_reasons_for_the_section_1_cost_and_the_Appendix_C_cost_state_the_overridden_price_and_throughput()
    {
        var checks = new CoreClaimChecks(With("s1.h100_cloud_usd_per_hour: 6", "appc.h100.tok_s: 40")).Checks;

        // 6 / (30 x 3600) x 1e6 = 55.56 USD per million tokens.
        var s1 = checks["s1.cost_per_mtok"]().Detail;
        Assert.Contains("$6/hour", s1);
        Assert.Contains("= $55.6", s1);
        // 30000 / (3 x 365 x 24 x 3600 x 0.7 x 40) x 1e6 = 30000 / 2649024000 x 1e6 = 11.32 USD per million tokens.
        var appc = checks["appc.h100.cost_vs_table2"]().Detail;
        Assert.Contains("x 40 tok/s", appc);
        Assert.Contains("= $11.3", appc);
        Assert.DoesNotContain("25 tok/s", appc);
    }

    [Fact]
    public void The_audit_reason_for_the_pessimistic_FP4_range_states_the_overridden_shortfall()
    {
        var checks = new CoreClaimChecks(With("appc.fp4_shortfall_factor: 0.25")).Checks;

        // §4.2's 3,000-12,000 streams per $1 M times 0.25 = 750-3000.
        var reason = checks["appc.fp4_pessimistic_range"]().Detail;
        Assert.Contains("multiplying t by 0.25", reason);
        Assert.Contains("to 750-3000", reason);
    }
}
