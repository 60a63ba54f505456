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

    /// <summary>Legend name of the rings drawn around the points that rest on bundle assumptions.</summary>
    public const string AssumptionLegend = "Bundle assumption, not printed in the paper (ringed)";

    /// <summary>
    /// Draws the radar from the <see cref="RadarPoint"/> rows of <see cref="FigureFrames.RadarPoints"/>. A value of 0 on the
    /// log scale (a maturity score of 0) is drawn at the centre of the chart; its hover text gives the true value. Every
    /// point whose <see cref="RadarPoint.IsBundleAssumption"/> is set (from the <c>source</c> column of <c>data/figures/</c>)
    /// is ringed, named in the legend, stated in its hover text and summed up in the subtitle.
    /// </summary>
    public static GenericChart Draw(IReadOnlyList<RadarPoint> points)
    {
        var positive = points.SelectMany(p => new[] { p.PlottedLo, p.PlottedHi }).Where(v => v > 0).ToList();
        // Whole decades, clamped to 10^-300..10^300 so that a subnormal or huge value cannot make a decade 0 or infinite.
        var eMin = (int)Math.Clamp(Math.Floor(Math.Log10(positive.Min())), -300, 300);
        var eMax = (int)Math.Clamp(Math.Ceiling(Math.Log10(positive.Max())), eMin, 300);
        var rMin = Math.Pow(10, eMin);
        var rMax = Math.Pow(10, eMax);
        double Clamp(double v) => v > 0 ? v : rMin;
        static string Theta(RadarPoint p) => AxisLabels[p.AxisOrder - 1];

        var charts = new List<GenericChart>();
        foreach (var platform in points.GroupBy(p => p.PlatformId))
        {
            var rows = platform.OrderBy(p => p.AxisOrder).ToList();
            rows.Add(rows[0]); // close the polygon
            var theta = rows.Select(Theta).ToArray();
            var first = rows[0];
            var color = Colors.TryGetValue(first.PlatformId, out var c) ? c : "#444444";
            var dash = first.IsProjection ? "dash" : "solid";
            string Hover(RadarPoint p, string end)
            {
                var plotted = p.IsRatio ? $"{Quantity.Text(new Interval(p.PlottedLo, p.PlottedHi))}x H100 (against {Escape(p.Reference)})" : $"{Quantity.Text(new Interval(p.PlottedLo, p.PlottedHi))} of 10 (absolute)";
                var atCentre = (end == "low" ? p.PlottedLo : p.PlottedHi) <= 0 ? "<br>(0 cannot sit on a log scale: drawn at the centre)" : "";
                var assumed = p.IsBundleAssumption ? "<br><b>bundle assumption</b>: the paper does not print this value" : "";
                return $"<b>{Escape(p.Platform)}</b>, {end} end<br>{Escape(p.Axis)}: {Quantity.Text(new Interval(p.ValueLo, p.ValueHi))} {Escape(p.Unit)}<br>plotted: {plotted}{atCentre}{assumed}<br>source: {Wrap(Escape(p.Source))}";
            }

            var low = CSharpChart.ScatterPolar<double, string, string>(rows.Select(p => Clamp(p.PlottedLo)).ToArray(), theta, StyleParam.Mode.Lines,
                    Name: $"{Escape(first.Platform)} (low end)", ShowLegend: false, UseDefaults: false)
                .WithTraceProperties(("legendgroup", first.PlatformId), ("line", Obj(("color", color), ("width", 1), ("dash", dash))),
                    ("hovertext", rows.Select(p => Hover(p, "low")).ToArray()), ("hoverinfo", "text"));
            var high = CSharpChart.ScatterPolar<double, string, string>(rows.Select(p => Clamp(p.PlottedHi)).ToArray(), theta, StyleParam.Mode.Lines_Markers,
                    Name: first.IsProjection ? $"{Escape(first.Platform)}, dashed" : Escape(first.Platform), ShowLegend: true, UseDefaults: false)
                .WithTraceProperties(("legendgroup", first.PlatformId), ("line", Obj(("color", color), ("width", 2.5), ("dash", dash))),
                    ("marker", Obj(("color", color), ("size", 6))), ("fill", "tonext"), ("fillcolor", Translucent(color, 0.10)),
                    ("hovertext", rows.Select(p => Hover(p, "high")).ToArray()), ("hoverinfo", "text"));
            charts.Add(low);
            charts.Add(high);
        }

        // One ring at each end of every assumed value (one ring where both ends coincide), drawn above the bands; the
        // platform traces underneath keep the hover text, which says "bundle assumption" too.
        var rings = points.Where(p => p.IsBundleAssumption)
            .SelectMany(p => (p.PlottedLo == p.PlottedHi ? new[] { p.PlottedLo } : new[] { p.PlottedLo, p.PlottedHi }).Select(r => (R: Clamp(r), Theta: Theta(p))))
            .ToList();
        if (rings.Count > 0)
        {
            charts.Add(CSharpChart.ScatterPolar<double, string, string>(rings.Select(x => x.R).ToArray(), rings.Select(x => x.Theta).ToArray(), StyleParam.Mode.Markers,
                    Name: AssumptionLegend, ShowLegend: true, UseDefaults: false)
                .WithTraceProperties(("legendgroup", "bundle-assumption"),
                    ("marker", Obj(("symbol", "circle-open"), ("size", 15), ("color", AssumptionRingColor), ("line", Obj(("color", AssumptionRingColor), ("width", 2))))),
                    ("hoverinfo", "skip")));
        }

        var ticks = new List<double>();
        for (var e = eMin; e <= eMax; e++) ticks.Add(Math.Pow(10, e)); // at most 601 ticks: the loop counts integers
        return CSharpChart.Combine(charts).WithLayout(Layout(
            ("title", Title("Fig. 1: Six-axis platform capability radar (inference)",
                "Log radial scale. Axes 1-5: ratio to H100 on the same basis (H100 = 1). Axis 6: software-maturity score 0-10 by the bundle's rubric (data/figures).<br>" +
                "Band = low to high end of each platform's range. Custom ASIC (dashed) is a 2027-feasibility envelope, not a measurement. Etched Sohu excluded (§5).<br>" +
                Wrap(Escape(AssumptionSentence(points)), 150))),
            ("font", PlotKit.Font),
            ("width", 1150), ("height", 920),
            ("margin", Obj(("l", 90), ("r", 40), ("t", 160), ("b", 110))),
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

    /// <summary>Colour of the rings around assumed points: near-black, so a ring stands out on every platform's colour.</summary>
    public const string AssumptionRingColor = "#222222";

    /// <summary>
    /// The subtitle line that says which points are ringed, computed from <paramref name="points"/>: the axes assumed for
    /// every platform, then each set of axes with the platforms assumed on it, then each axis whose highest point is an
    /// assumption (e.g. "Ringed: bundle assumptions, not the paper: axis 6 for every platform; axes 2 and 5 for B200, ...").
    /// </summary>
    public static string AssumptionSentence(IReadOnlyList<RadarPoint> points)
    {
        var assumed = points.Where(p => p.IsBundleAssumption).ToList();
        if (assumed.Count == 0) return "Every point rests on the paper's values.";
        var platforms = points.Select(p => p.PlatformId).Distinct().ToList();
        var axesOf = platforms.ToDictionary(id => id, id => assumed.Where(p => p.PlatformId == id).Select(p => p.AxisOrder).Distinct().Order().ToList());
        var everywhere = axesOf.Values.Aggregate((a, b) => a.Intersect(b).ToList());
        static string Axes(IReadOnlyList<int> axes) => (axes.Count == 1 ? "axis " : "axes ") +
            (axes.Count == 1 ? $"{axes[0]}" : $"{string.Join(", ", axes.Take(axes.Count - 1))} and {axes[^1]}");
        string Name(string id) => points.First(p => p.PlatformId == id).Platform;

        var parts = new List<string>();
        if (everywhere.Count > 0) parts.Add($"{Axes(everywhere)} for every platform");
        foreach (var group in platforms.Select(id => (id, rest: axesOf[id].Except(everywhere).ToList())).Where(x => x.rest.Count > 0)
                     .GroupBy(x => string.Join(",", x.rest)))
        {
            parts.Add($"{Axes(group.First().rest)} for {string.Join(", ", group.Select(x => Name(x.id)))}");
        }
        var highest = points.GroupBy(p => p.AxisOrder).OrderBy(g => g.Key)
            .Select(g => g.MaxBy(p => p.PlottedHi)!)
            .Where(p => p.IsBundleAssumption && !everywhere.Contains(p.AxisOrder))
            .Select(p => $"the highest point of axis {p.AxisOrder} ({Name(p.PlatformId)}, {Quantity.Text(p.PlottedHi)}{(p.IsRatio ? "x" : "")}) is one")
            .ToList();
        return $"Ringed points rest on bundle assumptions (data/figures), not on the paper: {string.Join("; ", parts)}" +
            (highest.Count > 0 ? $"; {string.Join("; ", highest)}." : ".");
    }

    /// <summary>An <c>rgba()</c> colour from a <c>#rrggbb</c> one and an opacity.</summary>
    public static string Translucent(string hex, double alpha) =>
        $"rgba({Convert.ToInt32(hex[1..3], 16)},{Convert.ToInt32(hex[3..5], 16)},{Convert.ToInt32(hex[5..7], 16)},{alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
}
