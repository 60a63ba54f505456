using Deedle;
using Plotly.NET;
using static ReproBundle.Figures.PlotKit;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReproBundle.Figures;

/// <summary>
/// Fig. 1 of §5: the six-axis platform capability radar. Log radial scale; H100 = 1 on the five ratio axes;
/// software maturity absolute (0-10, the bundle's rubric). Each platform is a band from the low ends to the high
/// ends of its ranges; the projected ASIC is dashed; Etched Sohu is excluded, as §5 says.
/// </summary>
public static class Fig1RadarInference
{
    /// <summary>The figure's file name.</summary>
    public const string Name = "fig1_radar_inference";

    /// <summary>Line colours by platform id (colour-blind-safe Okabe-Ito palette).</summary>
    public static readonly IReadOnlyDictionary<string, string> Colors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["h100"] = "#0072B2", ["b200"] = "#56B4E9", ["groq"] = "#E69F00", ["cerebras"] = "#009E73", ["custom_asic"] = "#D55E00",
    };

    private static readonly string[] AxisLabels =
    [
        "1. Decode tok/s,<br>single request", "2. Decode tok/s,<br>batch 64", "3. Energy efficiency,<br>1/(J per token)",
        "4. CapEx cost efficiency,<br>1/($ per M tokens)", "5. Context length<br>supported (K tokens)", "6. Software maturity<br>(0-10, absolute)",
    ];

    /// <summary>
    /// Draws the radar from a frame of <see cref="RadarPoint"/> rows (<see cref="FigureFrames.Radar"/>). A value of 0 on
    /// the log scale (a maturity score of 0) is drawn at the centre of the chart; its hover text gives the true value.
    /// </summary>
    public static GenericChart Draw(Frame<int, string> radar)
    {
        var ids = radar.Column<string>("PlatformId");
        var names = radar.Column<string>("Platform");
        var projection = radar.Column<bool>("IsProjection");
        var order = radar.Column<int>("AxisOrder");
        var axes = radar.Column<string>("Axis");
        var units = radar.Column<string>("Unit");
        var valueLo = radar.Column<double>("ValueLo");
        var valueHi = radar.Column<double>("ValueHi");
        var lo = radar.Column<double>("PlottedLo");
        var hi = radar.Column<double>("PlottedHi");
        var isRatio = radar.Column<bool>("IsRatio");
        var reference = radar.Column<string>("Reference");
        var source = radar.Column<string>("Source");

        var positive = lo.Concat(hi).Where(v => v > 0).ToList();
        // Whole decades, clamped to 10^-300..10^300 so that a subnormal or huge value cannot make a decade 0 or infinite.
        var eMin = (int)Math.Clamp(Math.Floor(Math.Log10(positive.Min())), -300, 300);
        var eMax = (int)Math.Clamp(Math.Ceiling(Math.Log10(positive.Max())), eMin, 300);
        var rMin = Math.Pow(10, eMin);
        var rMax = Math.Pow(10, eMax);
        double Clamp(double v) => v > 0 ? v : rMin;

        var charts = new List<GenericChart>();
        foreach (var id in ids.Distinct())
        {
            var rows = Enumerable.Range(0, ids.Length).Where(i => ids[i] == id).OrderBy(i => order[i]).ToList();
            rows.Add(rows[0]); // close the polygon
            var theta = rows.Select(i => AxisLabels[order[i] - 1]).ToArray();
            var name = names[rows[0]];
            var color = Colors.TryGetValue(id, out var c) ? c : "#444444";
            var dash = projection[rows[0]] ? "dash" : "solid";
            string Hover(int i, string end)
            {
                var plotted = isRatio[i] ? $"{Quantity.Text(new Interval(lo[i], hi[i]))}x H100 (against {Escape(reference[i])})" : $"{Quantity.Text(new Interval(lo[i], hi[i]))} of 10 (absolute)";
                var atCentre = (end == "low" ? lo[i] : hi[i]) <= 0 ? "<br>(0 cannot sit on a log scale: drawn at the centre)" : "";
                return $"<b>{Escape(name)}</b>, {end} end<br>{Escape(axes[i])}: {Quantity.Text(new Interval(valueLo[i], valueHi[i]))} {Escape(units[i])}<br>plotted: {plotted}{atCentre}<br>source: {Wrap(Escape(source[i]))}";
            }

            var low = CSharpChart.ScatterPolar<double, string, string>(rows.Select(i => Clamp(lo[i])).ToArray(), theta, StyleParam.Mode.Lines,
                    Name: $"{name} (low end)", ShowLegend: false, UseDefaults: false)
                .WithTraceProperties(("legendgroup", id), ("line", Obj(("color", color), ("width", 1), ("dash", dash))),
                    ("hovertext", rows.Select(i => Hover(i, "low")).ToArray()), ("hoverinfo", "text"));
            var high = CSharpChart.ScatterPolar<double, string, string>(rows.Select(i => Clamp(hi[i])).ToArray(), theta, StyleParam.Mode.Lines_Markers,
                    Name: projection[rows[0]] ? $"{name}, dashed" : name, ShowLegend: true, UseDefaults: false)
                .WithTraceProperties(("legendgroup", id), ("line", Obj(("color", color), ("width", 2.5), ("dash", dash))),
                    ("marker", Obj(("color", color), ("size", 6))), ("fill", "tonext"), ("fillcolor", Translucent(color, 0.10)),
                    ("hovertext", rows.Select(i => Hover(i, "high")).ToArray()), ("hoverinfo", "text"));
            charts.Add(low);
            charts.Add(high);
        }

        var ticks = new List<double>();
        for (var e = eMin; e <= eMax; e++) ticks.Add(Math.Pow(10, e)); // at most 601 ticks: the loop counts integers
        return CSharpChart.Combine(charts).WithLayout(Layout(
            ("title", Title("Fig. 1: Six-axis platform capability radar (inference)",
                "Log radial scale. Axes 1-5: ratio to H100 on the same basis (H100 = 1). Axis 6: software-maturity score 0-10 by the bundle's rubric (data/figures).<br>" +
                "Band = low to high end of each platform's range. Custom ASIC (dashed) is a 2027-feasibility envelope, not a measurement. Etched Sohu excluded (§5).")),
            ("font", PlotKit.Font),
            ("width", 1150), ("height", 860),
            ("margin", Obj(("l", 90), ("r", 40), ("t", 120), ("b", 90))),
            ("paper_bgcolor", "#ffffff"),
            ("showlegend", true),
            ("legend", Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.02), ("yanchor", "top"),
                ("title", Obj(("text", "Platform (shaded band = range)"))))),
            ("polar", Obj(
                ("domain", Obj(("x", new[] { 0.1, 0.9 }), ("y", new[] { 0.07, 0.95 }))),
                ("bgcolor", "#fafafa"),
                ("radialaxis", Obj(("type", "log"), ("range", new[] { Math.Log10(rMin), Math.Log10(rMax) }), ("angle", 60), ("tickangle", 60),
                    ("tickvals", ticks.ToArray()), ("ticktext", ticks.Select(t => Quantity.Text(t)).ToArray()), ("gridcolor", "#d0d0d0"))),
                ("angularaxis", Obj(("direction", "clockwise"), ("rotation", 90), ("gridcolor", "#d0d0d0"),
                    ("categoryorder", "array"), ("categoryarray", AxisLabels)))))));
    }

    /// <summary>An <c>rgba()</c> colour from a <c>#rrggbb</c> one and an opacity.</summary>
    public static string Translucent(string hex, double alpha) =>
        $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
