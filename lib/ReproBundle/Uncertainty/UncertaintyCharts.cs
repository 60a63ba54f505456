using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

namespace ReproBundle.Uncertainty;

/// <summary>
/// The uncertainty charts as Plotly.NET <see cref="GenericChart"/> values. They are only built here: writing HTML or
/// PNG is the figures pipeline's job (lib/ReproBundle/Figures), which routes every chart of the bundle.
/// </summary>
public static class UncertaintyCharts
{
    /// <summary>
    /// Every chart, named for its output file: <c>uncertainty_density_ratio</c>, <c>uncertainty_tornado</c> and
    /// <c>break_even_volume</c>.
    /// </summary>
    public static IReadOnlyList<(string Name, GenericChart Chart)> All(UncertaintyResult result) =>
    [
        ("uncertainty_density_ratio", DensityRatioDistribution(result)),
        ("uncertainty_tornado", TornadoChart(result.Tornado)),
        ("break_even_volume", BreakEvenVolume(result)),
    ];

    /// <summary>
    /// The distribution of D_ASIC / D_H100 for every scenario (share of draws per log-spaced bin, plotted at the
    /// bin's geometric centre) on a log x axis, with a vertical line at the 10x of §10 O2 and Appendix C.
    /// </summary>
    public static GenericChart DensityRatioDistribution(UncertaintyResult result)
    {
        var traces = new List<GenericChart>();
        double top = 0;
        foreach (var sc in result.Scenarios)
        {
            var h = sc.Histogram;
            long total = h.Counts.Sum();
            var x = Enumerable.Range(0, h.Counts.Count).Select(i => Math.Sqrt(h.Edges[i] * h.Edges[i + 1])).ToArray();
            var y = h.Counts.Select(c => (double)c / total).ToArray();
            top = Math.Max(top, y.Max());
            traces.Add(Chart.Line<double, double, string>(x, y,
                Name: $"{sc.Scenario.Label}: P(>10x) = {Quantity.Text(sc.ProbabilityDensityRatioAbove10x)}", ShowMarkers: false, UseDefaults: false));
        }
        traces.Add(Chart.Line<double, double, string>(new[] { AgentDensity.ConclusionRatioThreshold, AgentDensity.ConclusionRatioThreshold }, new[] { 0, top },
            Name: "10x (\"remains >10x\", §10 O2)", ShowMarkers: false, LineColor: Color.fromString("black"), LineDash: StyleParam.DrawingStyle.Dash, UseDefaults: false));
        return Chart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "agent-density ratio D_ASIC / D_H100 [x]", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: $"share of draws ({result.Settings.Samples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} per scenario, seed {result.Settings.Seed})")
            .WithSize(1000, 560)
            .WithTitleAndSubtitle("Agent-density ratio over the paper's ranges, with the 10x line (§10 O2)",
                $"Monte Carlo over the printed ranges of data/inputs.csv, Table 1 and Table 2 (§3.2, §3.3, Appendix C); {result.Settings.Samples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} draws per scenario, seed {result.Settings.Seed}. " +
                "Unit: x (D_ASIC / D_H100, streams per $1M CapEx over streams per $1M CapEx).");
    }

    /// <summary>
    /// The tornado of D_ASIC / D_H100: for each ranged input, a bar from the midpoint ratio to the ratio at the input's
    /// low end and one to its high end, longest on top. Fixed inputs (zero swing) are left out.
    /// </summary>
    public static GenericChart TornadoChart(IReadOnlyList<TornadoBar> bars)
    {
        var shown = bars.Where(b => b.Swing > 0).Reverse().ToList();
        var labels = shown.Select(b => $"{b.Symbol} ({b.DataName} {Quantity.Text(new Interval(Math.Min(b.Low, b.High), Math.Max(b.Low, b.High)))})").ToArray();
        double baseline = bars.Count > 0 ? bars[0].Baseline : 0;
        var low = Chart.Bar<double, string, string>(shown.Select(b => b.RatioAtLow - baseline), Keys: labels, Name: "input at its low end", Base: baseline, UseDefaults: false);
        var high = Chart.Bar<double, string, string>(shown.Select(b => b.RatioAtHigh - baseline), Keys: labels, Name: "input at its high end", Base: baseline, UseDefaults: false);
        return Chart.Combine([low, high])
            .WithXAxisStyle<double, double, string>(TitleText: $"D_ASIC / D_H100 [x]; every other input at its midpoint (ratio {Quantity.Text(baseline)}x)")
            .WithSize(1000, 560)
            .WithTitleAndSubtitle("Tornado: which input moves the agent-density ratio most (§10)",
                "Each ranged input of data/inputs.csv, Table 1 and Table 2 at its low and its high end, every other input at its midpoint. Unit: x (D_ASIC / D_H100).")
            .WithLayoutProperties(("yaxis", Figures.PlotKit.Obj(("automargin", true))), ("barmode", "overlay"));
    }

    /// <summary>
    /// §4.3: effective $/M tokens over the steady-state cost as nodes ship (NRE spread over them) for the optimistic,
    /// midpoint and pessimistic NRE and node cost, log-log, with the 3x and 10x levels and the paper's 100 K nodes.
    /// </summary>
    public static GenericChart BreakEvenVolume(UncertaintyResult result)
    {
        var traces = new List<GenericChart>();
        var volumes = Enumerable.Range(0, 61).Select(i => Math.Pow(10, 1 + i * 0.1)).ToArray();
        double top = 1;
        foreach (var (scenario, cost, nre) in result.NreScenarios)
        {
            var y = volumes.Select(n => NreAmortization.CostPenaltyFactor(cost, nre, n)).ToArray();
            top = Math.Max(top, y.Max());
            traces.Add(Chart.Line<double, double, string>(volumes, y,
                Name: $"{scenario}: C = ${Quantity.Text(cost)}, NRE = ${Quantity.Text(nre / 1e6)} M", ShowMarkers: false, UseDefaults: false));
        }
        // The two levels of §4.3 ("3-10x worse") drawn apart: 3x dotted grey, 10x dash-dot dark red.
        var levelStyles = new[] { (Color: "#777777", Dash: StyleParam.DrawingStyle.Dot), (Color: "#8b1a1a", Dash: StyleParam.DrawingStyle.DashDot) };
        foreach (var (k, i) in BreakEven.Factors.Select((k, i) => (k, i)))
        {
            var (color, dash) = levelStyles[Math.Min(i, levelStyles.Length - 1)];
            traces.Add(Chart.Line<double, double, string>(new[] { volumes[0], volumes[^1] }, new[] { k, k }, Name: $"{Quantity.Text(k)}x the steady-state cost", ShowMarkers: false,
                LineColor: Color.fromString(color), LineDash: dash, LineWidth: 2.0, UseDefaults: false));
        }
        traces.Add(Chart.Line<double, double, string>(new[] { BreakEven.PaperVolume, BreakEven.PaperVolume }, new[] { 1.0, top },
            Name: "paper: >100 K nodes", ShowMarkers: false, LineColor: Color.fromString("black"), LineDash: StyleParam.DrawingStyle.Dash, UseDefaults: false));
        return Chart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "nodes shipped", AxisType: StyleParam.AxisType.Log)
            .WithYAxisStyle<double, double, string>(TitleText: "effective / steady-state $ per million tokens [x]", AxisType: StyleParam.AxisType.Log)
            .WithSize(1000, 560)
            .WithTitleAndSubtitle("NRE against volume: effective cost over the steady state (§4.3)",
                "Tape-out NRE (§4.3, nre.tapeout_usd) spread over the nodes shipped; node cost asic.node_cost_usd (§3.3); values in the legend. Unit: x (effective over NRE-free $ per million tokens).");
    }

    /// <summary>
    /// Adds a title and the subtitle with source and unit, as Fig. 1-3 have (merged into the chart's layout, keeping the axis
    /// styles already set), with a top margin that fits the two lines and leaves no empty band above them.
    /// </summary>
    private static GenericChart WithTitleAndSubtitle(this GenericChart chart, string title, string subtitle) =>
        GenericChart.addLayout(Figures.PlotKit.Layout(("title", Figures.PlotKit.Title(title, Figures.PlotKit.Wrap(subtitle, 150))), ("font", Figures.PlotKit.Font),
            ("margin", Figures.PlotKit.Obj(("t", 95), ("b", 70))), ("paper_bgcolor", "#ffffff"), ("plot_bgcolor", "#ffffff")), chart);

    /// <summary>Merges extra layout properties into the chart's layout.</summary>
    private static GenericChart WithLayoutProperties(this GenericChart chart, params (string Key, object? Value)[] properties) =>
        GenericChart.addLayout(Figures.PlotKit.Layout(properties), chart);
}
