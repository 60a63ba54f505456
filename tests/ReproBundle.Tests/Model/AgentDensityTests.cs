using ReproBundle.Exports;
using Xunit;

namespace ReproBundle.Tests.Model;

/// <summary>§4.2 and Appendix C: both worked examples, every step, at the paper's rounding.</summary>
public class AgentDensityTests
{
    public static TheoryData<string, string, string, double, int> WorkedExampleSteps => new()
    {
        // section, node, step, printed value, decimals the paper prints
        { "Appendix C H100 'streams_per_node = 25 / 5 = 5'", "h100", "streams_per_node", 5, 0 },
        { "Appendix C H100 '(1e6 / 30000) * 5 ~ 167'", "h100", "density", 167, 0 },
        { "Appendix C H100 '167 * 0.7 ~ 117'", "h100", "density_at_utilization", 117, 0 },
        { "Appendix C ASIC 'streams_per_node = 500 / 5 = 100'", "asic", "streams_per_node", 100, 0 },
        { "Appendix C ASIC '(1e6 / 12000) * 100 ~ 8333'", "asic", "density", 8333, 0 },
        { "Appendix C ASIC '8333 * 0.8 ~ 6667'", "asic", "density_at_utilization", 6667, 0 },
    };

    [Theory]
    [MemberData(nameof(WorkedExampleSteps))]
    public void Appendix_C_worked_examples_reproduce_every_printed_step(string section, string node, string step, double printed, int decimals)
    {
        var s = AgentDensity.Derive(node == "h100" ? Scenarios.AppendixCH100(Paper.Data.Values) : Scenarios.AppendixCAsic(Paper.Data.Values));
        var value = step switch
        {
            "streams_per_node" => s.StreamsPerNode,
            "density" => s.DensityPerMillionUsd,
            "density_at_utilization" => s.DensityPerMillionUsdAtUtilization,
            _ => throw new ArgumentException(step),
        };
        Assert.True(Paper.Round(value, decimals) == printed, $"{section}: computed {value}");
    }

    [Fact]
    public void Appendix_C_H100_example_gives_116_67_streams_per_million_usd_at_utilization()
    {
        var s = AgentDensity.Derive(new AgentDensityInputs(30000, 3, 0.7, 25, 5));
        Assert.Equal(116.67, Math.Round(s.DensityPerMillionUsdAtUtilization, 2));
        Assert.Equal(166.67, Math.Round(s.DensityPerMillionUsd, 2));
        Assert.Equal(1.14, Math.Round(s.HourlyCapexUsd, 2));      // 30000 / 26280 h
        Assert.Equal(18.12, Math.Round(s.CostUsdPerMillionTokens, 2));
    }

    [Fact]
    public void Appendix_C_ASIC_example_gives_6666_67_streams_per_million_usd_at_utilization()
    {
        var s = AgentDensity.Derive(new AgentDensityInputs(12000, 3, 0.8, 500, 5));
        Assert.Equal(6666.67, Math.Round(s.DensityPerMillionUsdAtUtilization, 2));
        Assert.Equal(8333.33, Math.Round(s.DensityPerMillionUsd, 2));
        Assert.Equal(0.46, Math.Round(s.HourlyCapexUsd, 2));
        Assert.Equal(0.32, Math.Round(s.CostUsdPerMillionTokens, 2));
    }

    [Fact]
    public void Density_scales_linearly_in_t_over_C()
    {
        var a = AgentDensity.Derive(new AgentDensityInputs(12000, 3, 0.8, 500, 5));
        var b = AgentDensity.Derive(new AgentDensityInputs(24000, 3, 0.8, 2000, 5));
        Assert.Equal(2 * a.DensityPerMillionUsdAtUtilization, b.DensityPerMillionUsdAtUtilization, 9);
    }

    [Fact]
    public void The_density_ratio_does_not_depend_on_r()
    {
        // §10 O5.
        double Ratio(double r) =>
            AgentDensity.Derive(new AgentDensityInputs(12000, 3, 0.8, 500, r)).DensityPerMillionUsdAtUtilization
            / AgentDensity.Derive(new AgentDensityInputs(30000, 3, 0.7, 25, r)).DensityPerMillionUsdAtUtilization;
        Assert.Equal(Ratio(5), Ratio(37), 9);
        Assert.Equal(400.0 / 7, Ratio(5), 9);
    }

    [Theory]
    [InlineData(0, 3, 0.7, 25, 5, "capex_usd")]
    [InlineData(30000, -1, 0.7, 25, 5, "lifetime_years")]
    [InlineData(30000, 3, 0, 25, 5, "utilization")]
    [InlineData(30000, 3, 1.2, 25, 5, "utilization")]
    [InlineData(30000, 3, 0.7, 0, 5, "tok_s")]
    [InlineData(30000, 3, 0.7, 25, double.NaN, "stream_tok_s")]
    public void Inputs_outside_their_domain_are_refused_with_the_field_named(double c, double l, double u, double t, double r, string field)
    {
        var e = Assert.Throws<ArgumentException>(() => AgentDensity.Derive(new AgentDensityInputs(c, l, u, t, r)));
        Assert.StartsWith(field, e.Message);
    }

    [Fact]
    public void Range_ends_of_section_4_2_imply_the_throughput_shown_in_the_table()
    {
        var rows = Scenarios.AgentDensityRows(Paper.Data.Values).ToDictionary(r => r.Scenario);
        Assert.Equal(60, rows["h100_range_lo"].Steps.DensityPerMillionUsdAtUtilization, 9);
        Assert.Equal(12.86, Math.Round(rows["h100_range_lo"].Steps.Inputs.TokensPerSecond, 2));
        Assert.Equal(900, rows["asic_range_hi"].Steps.Inputs.TokensPerSecond, 9);
        Assert.Equal(250, rows["asic_fp4_pessimistic"].Steps.Inputs.TokensPerSecond, 9);
    }

    [Fact]
    public void Ten_million_dollars_buys_ten_times_the_density()
    {
        // Appendix C Interpretation: "$10 M ... ~600-1500" and "~30,000-120,000".
        Assert.Equal(new Interval(600, 1500), AgentDensity.StreamsForDeployment(new Interval(60, 150), 10e6));
        Assert.Equal(new Interval(30000, 120000), AgentDensity.StreamsForDeployment(new Interval(3000, 12000), 10e6));
    }
}
