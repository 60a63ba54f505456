using Plotly.NET;
using static ReproBundle.Figures.PlotKit;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReproBundle.Figures;

/// <summary>
/// The bundle's own chart of §4.1 Table 2: each row's printed ratio range against the two recomputations of
/// <see cref="Table2Projection"/> (interval arithmetic on the printed columns, and low-with-low / high-with-high).
/// Where the printed range does not match the recomputed one is the point of the chart.
/// </summary>
public static class Table2RatiosFigure
{
    /// <summary>The figure's file name.</summary>
    public const string Name = "table2_ratios";

    /// <summary>The three ranges drawn per metric: the range, its legend group, legend, colour, vertical offset.</summary>
    public static readonly IReadOnlyList<(Func<Table2Ratio, Interval> Range, string Group, string Legend, string Color, double Offset)> Methods =
    [
        (r => r.Row.RatioPrinted, "Published", "Published ratio (Table 2 as printed)", "#222222", 0.25),
        (r => r.RatioComputed, "Interval", "Recomputed: interval arithmetic on the printed columns", "#D55E00", 0.0),
        (r => r.RatioPairedEnds, "Paired", "Recomputed: low end with low end, high with high", "#0072B2", -0.25),
    ];

    /// <summary>Draws the ranges of the rows of <see cref="FigureFrames.Table2RatioRows"/>.</summary>
    public static GenericChart Draw(IReadOnlyList<Table2Ratio> ratios)
    {
        var metrics = ratios.Select(r => r.Row.Metric).ToArray();
        var matches = ratios.Select(r => r.PrintedMatchesComputed).ToArray();
        var n = metrics.Length;
        var charts = new List<GenericChart>();
        foreach (var (range, prefix, legend, color, offset) in Methods)
        {
            var lo = ratios.Select(r => range(r).Lo).ToArray();
            var hi = ratios.Select(r => range(r).Hi).ToArray();
            for (var i = 0; i < n; i++)
            {
                var y = n - 1 - i + offset; // first row of Table 2 at the top
                var hover = $"<b>{Escape(metrics[i])}</b><br>{Escape(legend)}: {Quantity.Text(new Interval(lo[i], hi[i]))}x";
                charts.Add(CSharpChart.Scatter<double, double, string>(new[] { lo[i], hi[i] }, new[] { y, y }, StyleParam.Mode.Lines_Markers,
                        Name: legend, ShowLegend: i == 0, UseDefaults: false)
                    .WithTraceProperties(("legendgroup", prefix),
                        ("line", Obj(("color", color), ("width", 6))), ("marker", Obj(("color", color), ("size", 11), ("symbol", "line-ns-open"), ("line", Obj(("width", 2), ("color", color))))),
                        ("text", new[] { Quantity.Text(lo[i]), Quantity.Text(hi[i]) }), ("textposition", new[] { "middle left", "middle right" }),
                        ("mode", "lines+markers+text"), ("textfont", Obj(("size", 11), ("color", color))),
                        ("hovertext", new[] { hover, hover }), ("hoverinfo", "text")));
            }
        }

        // The right-hand label reads the printed range as the verdict policy's interval-arithmetic reading does
        // (docs/verdict-policy.md): equal to it, inside it ('consistent': every printed value is one the columns allow),
        // or outside it. Saying "differs" for a printed range inside the columns' range would contradict the audit.
        bool Inside(int i) => ratios[i].Row.RatioPrinted.Lo >= ratios[i].RatioComputed.Lo && ratios[i].Row.RatioPrinted.Hi <= ratios[i].RatioComputed.Hi;
        var annotations = Enumerable.Range(0, n).Select(i => Obj(
            ("xref", "paper"), ("x", 1.01), ("xanchor", "left"), ("yref", "y"), ("y", n - 1 - i),
            ("text", matches[i] ? "printed = interval" : Inside(i) ? "printed inside interval" : "<b>printed outside</b>"), ("showarrow", false),
            ("font", Obj(("size", 12), ("color", matches[i] || Inside(i) ? "#2b7a2b" : "#b00020"))))).ToArray();

        var all = Methods.SelectMany(m => ratios.SelectMany(r => new[] { m.Range(r).Lo, m.Range(r).Hi })).ToList();
        var xMin = Math.Floor(Math.Log10(all.Min())) - 0.15;
        var xMax = Math.Ceiling(Math.Log10(all.Max())) + 0.15;
        return CSharpChart.Combine(charts).WithLayout(Layout(
            ("title", Title("Table 2: published improvement ratios vs recomputed from the printed columns",
                "Ratio = ASIC / H100 where higher is better, H100 / ASIC where lower is better. Log scale. Right: the printed range against the interval-arithmetic one (equal within 0.5, inside it, or outside).")),
            ("font", PlotKit.Font),
            ("width", 1150), ("height", 720),
            ("margin", Obj(("l", 300), ("r", 150), ("t", 110), ("b", 130))),
            ("paper_bgcolor", "#ffffff"), ("plot_bgcolor", "#ffffff"),
            ("legend", Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.12), ("yanchor", "top"))),
            ("annotations", annotations),
            ("xaxis", Obj(("title", Obj(("text", "Improvement ratio of ASIC over H100 (x, log scale)"))), ("type", "log"), ("range", new[] { xMin, xMax }),
                ("tickvals", LogTicks(xMin, xMax)), ("ticktext", LogTicks(xMin, xMax).Select(v => Quantity.Text(v)).ToArray()),
                ("gridcolor", "#e0e0e0"), ("linecolor", "#444444"), ("exponentformat", "none"))),
            ("yaxis", Obj(("tickvals", Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray()),
                ("ticktext", metrics.Select(m => Wrap(Escape(m), 38)).ToArray()), ("range", new[] { -0.6, n - 0.4 }),
                ("zeroline", false), ("gridcolor", "#f0f0f0"), ("linecolor", "#444444")))));
    }

    /// <summary>1-2-5 ticks between 10^<paramref name="lo"/> and 10^<paramref name="hi"/>.</summary>
    private static double[] LogTicks(double lo, double hi)
    {
        var ticks = new List<double>();
        // Integer decades clamped to -300..300 (a non-finite end gives one decade), so the loop ends whatever lo and hi are.
        int eLo = double.IsFinite(lo) ? (int)Math.Clamp(Math.Floor(lo), -300, 300) : 0, eHi = double.IsFinite(hi) ? (int)Math.Clamp(Math.Ceiling(hi), eLo, 300) : eLo;
        for (var e = eLo; e <= eHi; e++)
        {
            foreach (var m in new[] { 1.0, 2.0, 5.0 })
            {
                var t = m * Math.Pow(10, e);
                if (Math.Log10(t) >= lo && Math.Log10(t) <= hi) ticks.Add(t);
            }
        }
        return [.. ticks];
    }
}
