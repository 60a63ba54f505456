using ReproBundle.Exports;
using ReproBundle.Uncertainty;
using Xunit;
using static ReproBundle.Tests.Uncertainty.UncertaintyTestSupport;

namespace ReproBundle.Tests.Uncertainty;

public class TornadoAndBreakEvenTests
{
    [Fact]
    public void Tornado_bars_move_one_input_to_its_ends_around_the_all_midpoint_ratio_longest_first()
    {
        var model = UncertaintyModel.From(LoadData(), UncertaintyScenario.PaperRanges);
        var bars = Tornado.Bars(model);
        // Every input at its midpoint: D = (1e6 / C) (t / r) u, so D_ASIC / D_H100 = (C_H100 / C_ASIC) (t_ASIC / t_H100) with r
        // and the shared u cancelling: C_H100 = 30,000 (fixed), C_ASIC = (8,000 + 20,000) / 2 = 14,000, t_ASIC = (300 + 800) / 2
        // = 550 and t_H100 = (15 + 25) / 2 = 20 tok/s (Table 2), giving 30000 / 14000 x 550 / 20 = 58.93x.
        var baseline = 30000.0 / 14000 * (550.0 / 20);

        Assert.All(bars, b => Assert.Equal(baseline, b.Baseline, 9));
        Assert.Equal(bars.Select(b => b.Swing).OrderByDescending(s => s), bars.Select(b => b.Swing));
        // D_ASIC is proportional to 1 / C_ASIC, so the ratio at C's low end is the baseline scaled by midpoint / low.
        var cost = bars.Single(b => b.Factor == "asic.capex_usd");
        Assert.Equal(baseline * (8000 + 20000) / 2 / 8000, cost.RatioAtLow, 9);
        Assert.Equal(baseline * (8000 + 20000) / 2 / 20000, cost.RatioAtHigh, 9);
        // Power does not enter the density; fixed inputs and r (which cancels) do not move the ratio.
        Assert.Equal(0, bars.Single(b => b.Factor == "asic.power_w").Swing);
        Assert.Equal(0, bars.Single(b => b.Factor == "stream_tok_s").Swing);
        Assert.Equal("fixed", bars.Single(b => b.Factor == "h100.capex_usd").Prior);
    }

    [Fact]
    public void Brent_finds_the_volume_the_closed_form_NRE_inverse_gives()
    {
        var data = LoadData();
        var points = BreakEven.Points(data);
        foreach (var (scenario, cost, nre) in Scenarios.NreVolumes(data.Values))
        {
            foreach (var k in BreakEven.Factors)
            {
                var row = points.Single(p => p.Quantity == "nodes_shipped" && p.Scenario == scenario && p.Target.StartsWith($"effective $/M tokens = {k}x the steady"));
                // (C + NRE / N) / C = k  gives  N = NRE / ((k - 1) C).
                var closed = nre / ((k - 1) * cost);
                Assert.Equal(closed, row.Value!.Value, 1e-8 * closed);
            }
        }
    }

    [Fact]
    public void At_the_solved_utilization_and_node_cost_the_density_ratio_is_exactly_10x()
    {
        var data = LoadData();
        var points = BreakEven.Points(data);
        var h100 = Scenarios.AppendixCH100(data.Values);
        var asic = Scenarios.AppendixCAsic(data.Values);
        double Ratio(AgentDensityInputs a) => AgentDensity.Derive(a).DensityPerMillionUsdAtUtilization / AgentDensity.Derive(h100).DensityPerMillionUsdAtUtilization;

        var u = points.Single(p => p.Quantity == "asic_utilization" && p.Scenario == "appendix_c").Value!.Value;
        var c = points.Single(p => p.Quantity == "asic_node_cost_usd" && p.Scenario == "appendix_c").Value!.Value;

        Assert.Equal(10, Ratio(asic with { Utilization = u }), 9);
        Assert.Equal(10, Ratio(asic with { CapexUsd = c }), 6);
        // Appendix C: 6667 / 116.67 = 57.1x at u = 0.8, so 10x needs u = 0.8 x 10 / 57.1 = 0.14.
        Assert.Equal(0.14, u, 9);
    }

    [Fact]
    public void The_solver_reports_no_solution_when_the_target_is_out_of_reach()
    {
        Assert.Null(BreakEven.Solve(x => x * x + 1, 0, 10, logScale: false));
        Assert.Equal(2, BreakEven.Solve(x => x - 2, 0, 10, logScale: false)!.Value, 12);
        Assert.Equal(1000, BreakEven.Solve(x => Math.Log10(x) - 3, 1, 1e9, logScale: true)!.Value, 1e-6);
    }

    [Fact]
    public void Break_even_volumes_fall_far_below_the_papers_100K_nodes()
    {
        var points = BreakEven.Points(LoadData()).Where(p => p.Quantity == "nodes_shipped" && p.Value is not null).ToList();

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.True(p.Value < BreakEven.PaperVolume, $"{p.Scenario}: {p.Value}"));
    }
}
