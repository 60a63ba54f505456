using System.Globalization;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Uncertainty;

/// <summary>A histogram of the density ratio on log-spaced bins, for the distribution chart.</summary>
/// <param name="Edges">Bin edges, ascending (one more than <paramref name="Counts"/>) [x].</param>
/// <param name="Counts">Draws per bin; the last bin includes its upper edge.</param>
public sealed record RatioHistogram(IReadOnlyList<double> Edges, IReadOnlyList<long> Counts)
{
    /// <summary>Bins <paramref name="values"/> (all positive) into <paramref name="bins"/> log-spaced bins between their min and max.</summary>
    public static RatioHistogram Of(double[] values, int bins = 60)
    {
        double min = values.Min(), max = values.Max();
        if (min == max) return new([min, max], [values.LongLength]);
        double a = Math.Log10(min), b = Math.Log10(max), w = (b - a) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : Math.Pow(10, a + i * w)).ToArray();
        edges[0] = min;
        var counts = new long[bins];
        foreach (var v in values) counts[Math.Clamp((int)((Math.Log10(v) - a) / w), 0, bins - 1)]++;
        return new(edges, counts);
    }
}

/// <summary>The Monte Carlo result of one scenario.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Model">The model it ran (inputs and priors).</param>
/// <param name="Summaries">Percentiles of the nine series (cost, energy, density; H100, ASIC, ratio).</param>
/// <param name="ProbabilityDensityRatioAbove10x">Share of draws with D_ASIC / D_H100 &gt; 10.</param>
/// <param name="Histogram">Histogram of the density ratio.</param>
public sealed record ScenarioResult(UncertaintyScenario Scenario, UncertaintyModel Model, IReadOnlyList<DistributionSummary> Summaries,
    double ProbabilityDensityRatioAbove10x, RatioHistogram Histogram)
{
    /// <summary>The summary of <paramref name="metric"/> for <paramref name="platform"/>.</summary>
    public DistributionSummary Summary(string metric, string platform) => Summaries.Single(s => s.Metric == metric && s.Platform == platform);

    /// <summary>The density-ratio summary.</summary>
    public DistributionSummary DensityRatio => Summary("density_per_musd_at_utilization", "ratio");
}

/// <summary>Everything the uncertainty analysis produces for one set of (possibly overridden) inputs.</summary>
/// <param name="Settings">Samples, seed and threads of the run.</param>
/// <param name="Scenarios">One Monte Carlo result per scenario, in <see cref="UncertaintyScenario.All"/> order.</param>
/// <param name="Tornado">The tornado bars of the paper-ranges model.</param>
/// <param name="BreakEven">The §4.3 break-even points and the 10x density-ratio thresholds.</param>
/// <param name="NreScenarios">The (node cost, NRE) pairs of the break-even volume rows, for the break-even chart.</param>
public sealed record UncertaintyResult(MonteCarloSettings Settings, IReadOnlyList<ScenarioResult> Scenarios, IReadOnlyList<TornadoBar> Tornado,
    IReadOnlyList<BreakEvenPoint> BreakEven, IReadOnlyList<NreScenario> NreScenarios)
{
    /// <summary>The result of the scenario named <paramref name="name"/>.</summary>
    public ScenarioResult Scenario(string name) => Scenarios.Single(s => s.Scenario.Name == name);

    /// <summary>
    /// The Monte Carlo runs made for this result and by its claim checks, by model and settings, shared by every copy made
    /// with <c>with</c> (<see cref="UncertaintyAnalysis.WithMonteCarloOf"/>), so the audits of one comparison draw each
    /// model once.
    /// </summary>
    public MonteCarloMemo MonteCarloRuns { get; init; } = new();
}

/// <summary>
/// The uncertainty analysis as a library call (issue "Reviewers' own assumptions, Monte Carlo ..."): runs the
/// Monte Carlo scenarios, the tornado and the break-even solver, and writes their tables.
/// </summary>
public static class UncertaintyAnalysis
{
    /// <summary>Runs every scenario of <see cref="UncertaintyScenario.All"/> with <paramref name="settings"/>.</summary>
    /// <param name="data">The (possibly overridden) inputs.</param>
    /// <param name="settings">Samples, seed and threads.</param>
    /// <param name="runs">
    /// Runs already made to take from and add to (the reviewer's comparison passes the reviewer's, so the paper's scenarios
    /// are not drawn again where no override changes a drawn input); null for a new, empty one.
    /// </param>
    public static UncertaintyResult Run(PaperData data, MonteCarloSettings settings, MonteCarloMemo? runs = null)
    {
        runs ??= new MonteCarloMemo();
        var scenarios = UncertaintyScenario.All.Select(sc => runs.Scenario(UncertaintyModel.From(data, sc), settings)).ToList();
        return new UncertaintyResult(settings, scenarios, Tornado.Bars(scenarios[0].Model), BreakEven.Points(data), Scenarios.NreVolumes(data.Values))
        {
            MonteCarloRuns = runs,
        };
    }

    /// <summary>
    /// The result for <paramref name="data"/> without drawing again: the Monte Carlo scenarios of <paramref name="monteCarlo"/>
    /// kept, the tornado and the §4.3 break-even points (cheap, no draws) recomputed from <paramref name="data"/>. The reviewer's
    /// comparison uses it to audit one override at a time without a Monte Carlo per override.
    /// </summary>
    public static UncertaintyResult WithMonteCarloOf(PaperData data, UncertaintyResult monteCarlo) =>
        monteCarlo with { Tornado = Tornado.Bars(UncertaintyModel.From(data, UncertaintyScenario.All[0])), BreakEven = BreakEven.Points(data), NreScenarios = Scenarios.NreVolumes(data.Values) };

    /// <summary>Runs one model and summarises it.</summary>
    public static ScenarioResult RunScenario(UncertaintyModel model, MonteCarloSettings settings)
    {
        var stats = MonteCarlo.Statistics(model, settings);
        return new ScenarioResult(model.Scenario, model, stats.Summaries, stats.ShareDensityRatioAbove10x, stats.Histogram);
    }

    /// <summary>
    /// A Monte Carlo estimate as written: six significant figures. The sampling error of a million draws is far
    /// larger than that, and the rounding keeps the files stable where libm's last bit differs between machines.
    /// </summary>
    public static double Estimate(double value) => double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double? Estimate(double? value) => value is { } v ? Estimate(v) : null;

    /// <summary>Columns of <c>uncertainty.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["scenario", "metric", "platform", "unit", "samples", "seed", "p5", "p25", "p50", "p75", "p95", "mean", "min", "max"];

    /// <summary>
    /// Rows of <c>uncertainty.csv</c>: per scenario, the nine series, then one row <c>density_ratio_above_10x</c>
    /// whose <c>mean</c> is the probability that D_ASIC / D_H100 exceeds 10 (the mean of the indicator).
    /// </summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(UncertaintyResult r)
    {
        foreach (var sc in r.Scenarios)
        {
            foreach (var s in sc.Summaries)
            {
                yield return [sc.Scenario.Name, s.Metric, s.Platform, s.Unit, r.Settings.Samples, r.Settings.Seed,
                    Estimate(s.P5), Estimate(s.P25), Estimate(s.P50), Estimate(s.P75), Estimate(s.P95), Estimate(s.Mean), Estimate(s.Min), Estimate(s.Max)];
            }
            yield return [sc.Scenario.Name, "density_ratio_above_10x", "ratio", "probability", r.Settings.Samples, r.Settings.Seed,
                null, null, null, null, null, Estimate(sc.ProbabilityDensityRatioAbove10x), null, null];
        }
    }

    /// <summary>Columns of <c>uncertainty_inputs.csv</c>.</summary>
    public static readonly IReadOnlyList<string> InputColumns = ["scenario", "quantity", "symbol", "data_name", "unit", "lo", "hi", "prior", "why"];

    /// <summary>Rows of <c>uncertainty_inputs.csv</c>: every drawn quantity of every scenario with its prior.</summary>
    public static IEnumerable<IReadOnlyList<object?>> InputRows(UncertaintyResult r) =>
        r.Scenarios.SelectMany(sc => sc.Model.Quantities.Select(q => (IReadOnlyList<object?>)
            [sc.Scenario.Name, q.Id, q.Symbol, q.DataName, q.Unit, q.Prior.Range.Lo, q.Prior.Range.Hi, q.Prior.KindText, q.Why]));

    /// <summary>Columns of <c>uncertainty_tornado.csv</c>.</summary>
    public static readonly IReadOnlyList<string> TornadoColumns =
        ["factor", "symbol", "data_name", "prior", "low", "high", "ratio_at_low", "ratio_at_high", "swing", "baseline_ratio"];

    /// <summary>Rows of <c>uncertainty_tornado.csv</c>, longest bar first.</summary>
    public static IEnumerable<IReadOnlyList<object?>> TornadoRows(UncertaintyResult r) =>
        r.Tornado.Select(b => (IReadOnlyList<object?>)
            [b.Factor, b.Symbol, b.DataName, b.Prior, b.Low, b.High, Estimate(b.RatioAtLow), Estimate(b.RatioAtHigh), Estimate(b.Swing), Estimate(b.Baseline)]);

    /// <summary>Columns of <c>break_even.csv</c>.</summary>
    public static readonly IReadOnlyList<string> BreakEvenColumns = ["id", "quantity", "scenario", "target", "value", "unit", "paper_says", "inputs", "note"];

    /// <summary>Rows of <c>break_even.csv</c> (a stable id free of input values first, issue 23 item 5; solutions to six significant figures; empty where there is none).</summary>
    public static IEnumerable<IReadOnlyList<object?>> BreakEvenRows(IReadOnlyList<BreakEvenPoint> points) =>
        points.Select(p => (IReadOnlyList<object?>)[p.Id, p.Quantity, p.Scenario, p.Target, Estimate(p.Value), p.Unit, p.PaperSays, p.Inputs, p.Note]);

    /// <summary>
    /// Writes <c>uncertainty.csv</c>, <c>uncertainty_inputs.csv</c>, <c>uncertainty_tornado.csv</c> and
    /// <c>break_even.csv</c> under <paramref name="folder"/> (default <c>tables/</c>).
    /// </summary>
    public static void Write(OutputStage stage, UncertaintyResult r, string folder = "tables/")
    {
        stage.WriteCsv(folder + "uncertainty.csv", Columns, Rows(r));
        stage.WriteCsv(folder + "uncertainty_inputs.csv", InputColumns, InputRows(r));
        stage.WriteCsv(folder + "uncertainty_tornado.csv", TornadoColumns, TornadoRows(r));
        stage.WriteCsv(folder + "break_even.csv", BreakEvenColumns, BreakEvenRows(r.BreakEven));
    }
}
