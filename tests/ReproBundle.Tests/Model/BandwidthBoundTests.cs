using Xunit;

namespace ReproBundle.Tests.Model;

/// <summary>§1 and §2.1: the bandwidth wall and the example built on it.</summary>
public class BandwidthBoundTests
{
    [Fact]
    public void Seventy_billion_parameters_in_BF16_are_140_GB()
    {
        // §1 "the ~140 GB weight footprint".
        Assert.Equal(140e9, BandwidthBound.WeightBytes(70e9, 2));
    }

    [Fact]
    public void H100_bandwidth_bound_for_70B_BF16_is_23_9_tokens_per_second()
    {
        // §2.1 t_min = P*b/B with §1's numbers: 140 GB / 3.35 TB/s = 41.8 ms per token.
        Assert.Equal(0.0418, BandwidthBound.MinSecondsPerToken(70e9, 2, 3.35e12), 4);
        Assert.Equal(23.9, BandwidthBound.MaxTokensPerSecond(70e9, 2, 3.35e12), 1);
    }

    [Fact]
    public void MoE_bound_uses_active_parameters_only()
    {
        // §2.1 "For a MoE with P_active active parameters, the bandwidth cost is P_active*b/B".
        var dense = BandwidthBound.MinSecondsPerToken(1.5e12, 0.5, 3.35e12);
        var moe = BandwidthBound.MinSecondsPerToken(300e9, 0.5, 3.35e12);
        Assert.Equal(5, dense / moe, 12);
    }

    [Fact]
    public void Three_dollars_an_hour_at_30_tokens_per_second_is_27_8_dollars_per_million_tokens()
    {
        // §1 prints "~$27"; the arithmetic gives 27.78, which the audit reports as a truncation.
        var cost = ProjectionModel.CostUsdPerMillionTokens(3.0, 0, 30, 3600);
        Assert.Equal(27.78, Math.Round(cost, 2));
    }

    [Fact]
    public void Interval_bound_matches_the_scalar_bound_at_each_end()
    {
        var range = BandwidthBound.MaxTokensPerSecond(new Interval(200e9, 400e9), Interval.Point(2), Interval.Point(3.35e12));
        // 3.35e12 / (400e9 x 2) = 3.35e12 / 800e9 = 4.1875 tok/s; 3.35e12 / (200e9 x 2) = 3.35e12 / 400e9 = 8.375 tok/s.
        Assert.Equal(4.1875, range.Lo, 12);
        Assert.Equal(8.375, range.Hi, 12);
    }
}
