using Xunit;

namespace ReproBundle.Tests.Model;

/// <summary>The named scenarios and the §3.2 chain, each checked against a hand calculation written here.</summary>
public class ScenariosTests
{
    [Fact]
    public void The_pessimistic_FP4_case_halves_the_ASIC_worked_example_to_250_tokens_per_second_and_3333_streams()
    {
        var x = Scenarios.AsicFp4Pessimistic(Paper.Data.Values);
        // Appendix C: t = 500 tok/s, "t halves" -> 250. D·u = (1e6 / 12,000) · (250 / 5) · 0.8 = 3333.33.
        Assert.Equal(250, x.TokensPerSecond, 12);
        Assert.Equal(3333.33, Math.Round(AgentDensity.Derive(x).DensityPerMillionUsdAtUtilization, 2));
        // §4.2's 3,000-12,000 scaled the same way: 1,500-6,000.
        Assert.Equal(new Interval(1500, 6000), Scenarios.AsicDensityFp4Pessimistic(Paper.Data.Values));
    }

    [Fact]
    public void The_section_4_3_volume_scenarios_pair_the_ends_of_8_20_K_and_40_80_M()
    {
        Assert.Equal(
            [new NreScenario("optimistic", 20000, 40e6), new NreScenario("midpoint", 14000, 60e6), new NreScenario("pessimistic", 8000, 80e6)],
            Scenarios.NreVolumes(Paper.Data.Values));
    }

    [Fact]
    public void Section_1_example_is_140_GB_bounded_at_23_9_tokens_per_second()
    {
        // 70e9 · 2 = 140e9 bytes; 3.35e12 / 140e9 = 23.93 tok/s.
        Assert.Equal(Interval.Point(140e9), Scenarios.Section1WeightBytes(Paper.Data.Values));
        Assert.Equal(23.93, Math.Round(Scenarios.Section1MaxTokensPerSecond(Paper.Data.Values).PointValue, 2));
    }

    [Fact]
    public void Section_1_cloud_price_gives_27_78_USD_per_million_tokens()
    {
        // §1: ~$3/hour at ~30 tokens/s: 3 / (30 x 3600) x 1e6 = 3 / 108000 x 1e6 = 27.78 USD per million tokens.
        Assert.Equal(27.78, Math.Round(Scenarios.Section1CloudCostUsdPerMillionTokens(Paper.Data.Values).PointValue, 2));
    }

    [Fact]
    public void The_section_3_3_envelope_holds_all_FP4_active_weights_on_25_to_50_dies()
    {
        // 200-400 GB of SRAM over 100-200 GB of W_active (200-400 B x 0.5 bytes) is at least 1: everything resident.
        var share = Scenarios.EnvelopeSramFraction(Paper.Data.Values);
        Assert.Equal(1, share.Lo, 12);
        Assert.Equal(1, share.Hi, 12);
        // 200 GB / 8 GB = 25 dies, 400 GB / 8 GB = 50.
        var dies = Scenarios.SramDiesPerNode(Paper.Data.Values);
        Assert.Equal(25, dies.Lo, 9);
        Assert.Equal(50, dies.Hi, 9);
    }

    [Fact]
    public void The_chain_with_everything_in_Groq_class_SRAM_gives_400_to_51200_tokens_per_second()
    {
        var row = Scenarios.ProjectionChains(Paper.Data.Values).Single(r => r.Scenario == "envelope_groq_sram").Chain;
        // B_eff = 80 TB/s (all resident). t_decode = 100-200 GB / 80 TB/s = 1.25-2.5 ms.
        AssertRange(80e12, 80e12, row.EffectiveBytesPerSecond);
        AssertRange(1.25e-3, 2.5e-3, row.DecodeSecondsPerToken);
        // tok/s = batch / t_decode with batch 1-64: 1 / 2.5 ms = 400 up to 64 / 1.25 ms = 51,200.
        AssertRange(400, 51200, row.SteadyTokensPerSecond);
        // J/token = P · t_decode / batch: 1500 W · 1.25 ms / 64 = 0.029296875 up to 2500 W · 2.5 ms / 1 = 6.25.
        AssertRange(0.029296875, 6.25, row.EnergyJoulesPerToken);
        // $/M = C / (3 · 31,536,000 s · u · tok/s) · 1e6: 8,000 / (94,608,000 · 0.9 · 51,200) · 1e6 = 0.0018351
        // up to 20,000 / (94,608,000 · 0.4 · 400) · 1e6 = 1.32124.
        AssertRange(8000 / (94_608_000 * 0.9 * 51200) * 1e6, 20000 / (94_608_000 * 0.4 * 400) * 1e6, row.CostUsdPerMillionTokens);
        Assert.Equal(0.0018351, Math.Round(row.CostUsdPerMillionTokens.Lo, 7));
        Assert.Equal(1.32124, Math.Round(row.CostUsdPerMillionTokens.Hi, 5));
    }

    [Fact]
    public void A_point_and_a_zero_width_interval_give_the_same_number_through_every_equation()
    {
        // Appendix C H100: 30,000 / (3 · 31,536,000 · 0.7 · 25) · 1e6 = 30,000 / 1,655,640,000 · 1e6 = 18.1199...
        var point = ProjectionModel.CapexCostUsdPerMillionTokens(30000.0, 3, 0.7, 25);
        var range = ProjectionModel.CapexCostUsdPerMillionTokens(Interval.Point(30000), Interval.Point(3), Interval.Point(0.7), Interval.Point(25));
        Assert.Equal(18.1199, Math.Round(point, 4));
        Assert.Equal(point, range.Lo, 12);
        Assert.Equal(point, range.Hi, 12);
    }

    [Fact]
    public void A_range_of_SRAM_fraction_gives_exactly_the_HBM_to_SRAM_range_of_effective_bandwidth()
    {
        // f over [0, 1] must give [B_hbm, B_sram], not a wider enclosure (f occurs once in the formula).
        var beff = ProjectionModel.EffectiveBandwidth(new Interval(0, 1), Interval.Point(80e12), Interval.Point(3.35e12));
        AssertRange(3.35e12, 80e12, beff);
    }

    private static void AssertRange(double lo, double hi, Interval actual)
    {
        Assert.True(Math.Abs(actual.Lo - lo) <= 1e-9 * Math.Abs(lo), $"low end {actual.Lo}, expected {lo}");
        Assert.True(Math.Abs(actual.Hi - hi) <= 1e-9 * Math.Abs(hi), $"high end {actual.Hi}, expected {hi}");
    }
}
