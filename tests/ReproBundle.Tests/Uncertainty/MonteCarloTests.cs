using System.Globalization;
using MathNet.Numerics.Statistics;
using ReproBundle.Uncertainty;
using Xunit;
using static ReproBundle.Tests.Uncertainty.UncertaintyTestSupport;

namespace ReproBundle.Tests.Uncertainty;

public class MonteCarloTests
{
    private static UncertaintyModel PaperModel() => UncertaintyModel.From(LoadData(), UncertaintyScenario.PaperRanges);

    [Theory]
    [InlineData(15, 25, PriorKind.Uniform)]
    [InlineData(0.4, 0.8, PriorKind.Uniform)]
    [InlineData(0.4, 0.9, PriorKind.LogUniform)]
    [InlineData(8000, 20000, PriorKind.LogUniform)]
    [InlineData(0, 1, PriorKind.Uniform)]
    [InlineData(700, 700, PriorKind.Fixed)]
    public void A_range_spanning_more_than_2x_is_log_uniform_a_narrower_one_uniform_and_a_point_fixed(double lo, double hi, PriorKind kind)
    {
        Assert.Equal(kind, Prior.For(new Interval(lo, hi)).Kind);
    }

    [Fact]
    public void The_median_of_a_log_uniform_prior_is_the_geometric_mean_and_of_a_uniform_prior_the_midpoint()
    {
        var log = Prior.For(new Interval(8000, 20000));
        var uniform = Prior.For(new Interval(15, 25));

        Assert.Equal(Math.Sqrt(8000.0 * 20000), log.Quantile(0.5), 9);
        Assert.Equal(8000, log.Quantile(0), 9);
        Assert.Equal(20, uniform.Quantile(0.5), 12);
        Assert.Equal(15, uniform.Quantile(0), 12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes_on_one_two_and_three_threads()
    {
        var data = LoadData();
        var tables = new[] { 1, 2, 3 }.Select(t => Tables(UncertaintyAnalysis.Run(data, new MonteCarloSettings(70_000, 7, t)))).ToList();

        Assert.Equal(4, tables[0].Count);
        foreach (var other in tables.Skip(1))
        {
            foreach (var (file, text) in tables[0]) Assert.Equal(text, other[file]);
        }
    }

    [Fact]
    public void Another_seed_gives_other_draws()
    {
        var a = MonteCarlo.Simulate(PaperModel(), new MonteCarloSettings(1000, 1, 1));
        var b = MonteCarlo.Simulate(PaperModel(), new MonteCarloSettings(1000, 2, 1));

        Assert.NotEqual(a.DensityRatio, b.DensityRatio);
    }

    [Fact]
    public void A_degenerate_range_gives_a_zero_width_distribution_at_the_equations_value()
    {
        var pinned = Pinned(LoadData());
        var model = UncertaintyModel.From(pinned, UncertaintyScenario.PaperRanges);
        var expected = UncertaintyModel.Evaluate(model.Midpoint());

        var stats = MonteCarlo.Statistics(model, new MonteCarloSettings(20_000, 3, 2));

        Assert.All(model.Quantities, q => Assert.Equal(PriorKind.Fixed, q.Prior.Kind));
        Assert.All(stats.Summaries, s =>
        {
            Assert.Equal(s.Min, s.Max);
            Assert.Equal(s.P5, s.P95);
            Assert.Equal(s.Min, s.P50);
        });
        var ratio = stats.Summaries[^1];
        Assert.Equal(expected.DensityRatio, ratio.P50);
        Assert.Equal(expected.AsicCostUsdPerMillionTokens, stats.Summaries[1].P5);
        Assert.Equal(expected.DensityRatio > 10 ? 1 : 0, stats.ShareDensityRatioAbove10x);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50_001, 2)]
    [InlineData(16_384, 3)]
    public void Streaming_percentiles_equal_MathNet_R7_quantiles_over_all_draws(int samples, int threads)
    {
        var model = PaperModel();
        var settings = new MonteCarloSettings(samples, 11, threads);
        var all = MonteCarlo.Simulate(model, settings);

        var stats = MonteCarlo.Statistics(model, settings);

        var series = all.Series().ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var expected = MonteCarlo.Summarize(series[s].Metric, series[s].Platform, series[s].Unit, series[s].Values);
            var got = stats.Summaries[s];
            Assert.Equal((expected.P5, expected.P25, expected.P50, expected.P75, expected.P95, expected.Min, expected.Max),
                (got.P5, got.P25, got.P50, got.P75, got.P95, got.Min, got.Max));
            Assert.Equal(expected.Mean, got.Mean, 1e-12 * Math.Abs(expected.Mean));
            Assert.Equal(ArrayStatistics.QuantileCustomInplace((double[])series[s].Values.Clone(), 0.95, QuantileDefinition.R7), got.P95);
        }
        Assert.Equal(MonteCarlo.ShareAbove(all.DensityRatio, 10), stats.ShareDensityRatioAbove10x);
        Assert.Equal(samples, stats.Histogram.Counts.Sum());
    }

    [Theory]
    [InlineData(0.01, false)] // the default window: every wanted bin is kept by pass 1, no second pass
    [InlineData(0.0, true)] // windows one bin wide: most wanted bins miss them and the second pass collects them
    public void Percentiles_are_exact_whether_pass_1_kept_the_wanted_bins_or_a_second_pass_collected_them(double windowShare, bool secondPass)
    {
        var model = PaperModel();
        var settings = new MonteCarloSettings(200_001, 7, 2); // more than the pilot's 65,536 draws
        var all = MonteCarlo.Simulate(model, settings);

        var stats = MonteCarlo.StatisticsWithPilotWindow(model, settings, windowShare, out int binsFromSecondPass);

        Assert.Equal(secondPass, binsFromSecondPass > 0);
        var series = all.Series().ToList();
        for (int s = 0; s < series.Count; s++)
        {
            var values = series[s].Values;
            var got = stats.Summaries[s];
            double R7(double q) => ArrayStatistics.QuantileCustomInplace((double[])values.Clone(), q, QuantileDefinition.R7);
            Assert.Equal((R7(0.05), R7(0.25), R7(0.5), R7(0.75), R7(0.95)), (got.P5, got.P25, got.P50, got.P75, got.P95));
        }
    }

    [Fact]
    public void Every_draw_lies_inside_the_outputs_reachable_from_the_corners_of_the_input_ranges()
    {
        var model = PaperModel();
        var all = MonteCarlo.Simulate(model, new MonteCarloSettings(40_000, 5, 2));
        var (lo, hi) = MonteCarlo.CornerBounds(model);

        var series = all.Series().ToList();
        for (int s = 0; s < series.Count; s++)
        {
            Assert.True(series[s].Values.Min() >= lo[s] * (1 - 1e-12), $"{series[s].Metric} {series[s].Platform} below its corner bound");
            Assert.True(series[s].Values.Max() <= hi[s] * (1 + 1e-12), $"{series[s].Metric} {series[s].Platform} above its corner bound");
        }
    }

    [Fact]
    public void Pinning_one_input_leaves_every_other_inputs_draws_unchanged()
    {
        var data = LoadData();
        var file = WriteFile("pin-power.yaml", "asic.node_power_w: 2000\n");
        var pinned = ReproBundle.Data.AssumptionOverrides.Load(file, data).Apply(data);
        var settings = new MonteCarloSettings(30_000, 9, 2);

        var free = MonteCarlo.Simulate(UncertaintyModel.From(data, UncertaintyScenario.PaperRanges), settings);
        var fixedPower = MonteCarlo.Simulate(UncertaintyModel.From(pinned, UncertaintyScenario.PaperRanges), settings);

        Assert.Equal(free.DensityRatio, fixedPower.DensityRatio);
        Assert.Equal(free.AsicCost, fixedPower.AsicCost);
        Assert.NotEqual(free.AsicEnergy, fixedPower.AsicEnergy);
    }

    [Fact]
    public void Each_draw_is_the_librarys_equations_applied_to_that_draws_inputs()
    {
        // With only t_ASIC ranged, D_ASIC = (1e6 / C) (t / r) u is linear in t: the ASIC density's percentiles are the
        // prior's quantiles pushed through AgentDensity.
        var data = Pinned(LoadData());
        var range = new Interval(300, 800);
        var merged = data.WithTables(data.Table1, data.Table2.Select(r => r.MetricId == "decode_single" ? r with { Asic = range } : r).ToList());
        var model = UncertaintyModel.From(merged, UncertaintyScenario.PaperRanges);
        var all = MonteCarlo.Simulate(model, new MonteCarloSettings(5_000, 1, 1));
        var x = model.Midpoint();

        for (int i = 0; i < all.Count; i += 997)
        {
            var t = all.AsicDensity[i] / AgentDensity.DensityAtUtilization(AgentDensity.DensityPerMillionUsd(x.AsicCapexUsd, 1, x.AsicStreamTokensPerSecond), x.AsicUtilization);
            Assert.InRange(t, 300, 800);
            Assert.Equal(AgentDensity.CostUsdPerMillionTokens(x.AsicCapexUsd, x.LifetimeYears, x.AsicUtilization, t), all.AsicCost[i], 1e-9 * all.AsicCost[i]);
        }
    }

    [Fact]
    public void Settings_outside_their_domain_are_rejected_by_the_CLI_with_the_option_name()
    {
        var (exit, _, err) = RunCli("uncertainty", "--data", DataDirectory, "--samples", "0", "--output", Path.Combine(TempDir(), "o"));

        Assert.Equal(2, exit);
        Assert.Equal("error: --samples: 0 must be at least 1", err.Trim());
    }

    [Fact]
    public void The_uncertainty_command_writes_its_four_tables_and_break_even_prints_the_break_even_table()
    {
        var output = Path.Combine(TempDir(), "unc");

        var (exit, stdout, err) = RunCli("uncertainty", "--data", DataDirectory, "--samples", "20000", "--seed", "4", "--output", output);
        var (exit2, csv, err2) = RunCli("break-even", "--data", DataDirectory);

        Assert.True(exit == 0, err);
        Assert.True(exit2 == 0, err2);
        // MANIFEST.json: the command's ownership record (issue 26), so a later run replaces only these files while unchanged.
        Assert.Equal(["MANIFEST.json", "break_even.csv", "uncertainty.csv", "uncertainty_inputs.csv", "uncertainty_tornado.csv"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("paper_ranges: D_ASIC / D_H100 p5", stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(output, "break_even.csv")), csv);
        Assert.All(ReadCsv(Path.Combine(output, "uncertainty.csv")), r => Assert.Equal("20000", r["samples"]));
    }

    [Fact]
    public void Uncertainty_tables_are_identical_under_a_German_culture()
    {
        var data = LoadData();
        var settings = new MonteCarloSettings(20_000, 8, 2);
        var invariant = Tables(UncertaintyAnalysis.Run(data, settings));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = Tables(UncertaintyAnalysis.Run(data, settings));
            foreach (var (file, text) in invariant) Assert.Equal(text, german[file]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
