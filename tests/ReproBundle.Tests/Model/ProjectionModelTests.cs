using Xunit;

namespace ReproBundle.Tests.Model;

/// <summary>§3.2 projection model.</summary>
public class ProjectionModelTests
{
    [Fact]
    public void Effective_bandwidth_is_the_time_weighted_mean_of_SRAM_and_HBM()
    {
        // Relative tolerance 1e-12: the values are ~1e13 bytes/s, so a fixed number of decimals would test float noise.
        Assert.Equal(80e12, ProjectionModel.EffectiveBandwidth(1.0, 80e12, 3.35e12), 80e12 * 1e-12);
        Assert.Equal(3.35e12, ProjectionModel.EffectiveBandwidth(0.0, 80e12, 3.35e12), 3.35e12 * 1e-12);
        // Half the weights from each: t = W/2 (1/80 + 1/3.35) per TB/s, so B_eff = 2 / (1/80 + 1/3.35) TB/s.
        Assert.Equal(2 / (1 / 80e12 + 1 / 3.35e12), ProjectionModel.EffectiveBandwidth(0.5, 80e12, 3.35e12), 6.43e12 * 1e-12);
        Assert.True(ProjectionModel.EffectiveBandwidth(0.5, 80e12, 3.35e12) < (80e12 + 3.35e12) / 2);
    }

    [Fact]
    public void Decode_time_is_the_larger_of_the_bandwidth_time_and_the_compute_floor()
    {
        Assert.Equal(0.01, ProjectionModel.DecodeSecondsPerToken(100e9, 10e12), 12);
        Assert.Equal(0.02, ProjectionModel.DecodeSecondsPerToken(100e9, 10e12, 0.02), 12);
    }

    [Fact]
    public void Steady_throughput_scales_with_the_batch_efficiency_factor()
    {
        Assert.Equal(6400, ProjectionModel.SteadyTokensPerSecond(0.01, 64), 9);
    }

    [Fact]
    public void Energy_per_token_is_power_times_decode_time_over_the_batch()
    {
        Assert.Equal(2000 * 0.01 / 64, ProjectionModel.EnergyJoulesPerToken(2000, 0.01, 64), 12);
    }

    [Fact]
    public void Rejects_an_SRAM_fraction_outside_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectionModel.EffectiveBandwidth(1.5, 1, 1));
    }

    [Fact]
    public void Capex_cost_at_Table_2_basis_for_the_H100_row_is_15_9_to_26_4_dollars()
    {
        // Table 2 "CapEx-amortized $/M decode tokens (3yr, 80% util)": $30 K at 15-25 tok/s.
        var v = Table2Projection.CapexCostAtTable2Basis(Paper.Data.Values, Interval.Point(30000), new Interval(15, 25));
        Assert.Equal(15.85, Math.Round(v.Lo, 2));
        Assert.Equal(26.42, Math.Round(v.Hi, 2));
    }
}
