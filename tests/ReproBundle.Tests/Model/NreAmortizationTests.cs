using Xunit;

namespace ReproBundle.Tests.Model;

/// <summary>§4.3 NRE spread over nodes shipped.</summary>
public class NreAmortizationTests
{
    [Fact]
    public void At_100K_nodes_40_to_80_million_of_NRE_adds_2_to_10_percent()
    {
        var factor = NreAmortization.CostPenaltyFactor(new Interval(8000, 20000), new Interval(40e6, 80e6), 100_000);
        Assert.Equal(1.02, factor.Lo, 12);
        Assert.Equal(1.10, factor.Hi, 12);
    }

    [Fact]
    public void Volume_for_a_given_penalty_inverts_the_penalty()
    {
        var n = NreAmortization.NodesForPenaltyFactor(12000, 60e6, 3);
        Assert.Equal(2500, n, 9);
        Assert.Equal(3, NreAmortization.CostPenaltyFactor(12000, 60e6, n), 12);
    }

    [Fact]
    public void A_penalty_factor_of_one_or_less_has_no_volume()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NreAmortization.NodesForPenaltyFactor(12000, 60e6, 1));
    }
}
