using ReproBundle.Exports;
using Plotly.NET;
using static ReproBundle.Figures.PlotKit;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReproBundle.Figures;

/// <summary>
/// Fig. 2 (cost per million decoded tokens) and Fig. 3 (energy per decoded token) of §5: log-scale bars with
/// low-high error bars for all six platforms of the Appendix D table, in the paper's legend classes.
/// </summary>
public static class PlatformBarFigures
{
    /// <summary>File name of Fig. 2.</summary>
    public const string CostName = "fig2_cost_per_mtokens";

    /// <summary>File name of Fig. 3.</summary>
    public const string EnergyName = "fig3_energy_per_token";

    /// <summary>
    /// The legend classes (§5, Fig. 2 caption: "Hatched red = vendor claim, unaudited. Dotted = projection. Solid =
    /// published vendor benchmarks"), keyed by the Appendix D <c>status</c>. plotly.js cannot dash or dot a bar's
    /// outline, so "dotted" is drawn as a dotted fill pattern on a lighter bar; the legend shows the swatch and names
    /// the class only, as the caption does.
    /// </summary>
    public static readonly IReadOnlyList<(string Status, string Legend, string Color, string Pattern, double Opacity)> Classes =
    [
        ("published", "Published vendor benchmark (solid)", "#0072B2", "", 1.0),
        ("vendor-claim", "Vendor claim, unaudited (hatched red)", "#D62728", "/", 1.0),
        ("projection", "Projection (dotted)", "#7F7F7F", ".", 0.75),
    ];

    /// <summary>
    /// Fig. 2 from the rows of <see cref="FigureFrames.PlatformRows"/>: CapEx-amortized USD per million decoded tokens;
    /// the subtitle states the amortization basis of <paramref name="inputs"/> (Table 2's 3 years at 80%).
    /// </summary>
    public static GenericChart CostPerMillionTokens(IReadOnlyList<PlatformProjection> platforms, PaperInputs inputs) => Draw(platforms,
        nameof(PlatformProjection.CostUsdPerMillionTokens), p => p.CostUsdPerMillionTokens, p => p.CostBasis,
        "Fig. 2: Amortized cost per million decoded tokens",
        $"CapEx over {Quantity.Text(inputs.Table2LifetimeYears)} years at {Quantity.Percent(inputs.Table2Utilization)} utilization and each platform's single-stream throughput (Table 1, Table 2 basis); OpEx excluded. Bar = midpoint, whiskers = low and high end.",
        "USD per million decoded tokens (log scale)", "USD per million tokens", "$", "");

    /// <summary>Fig. 3 from the rows of <see cref="FigureFrames.PlatformRows"/>: energy per decoded token.</summary>
    public static GenericChart EnergyPerToken(IReadOnlyList<PlatformProjection> platforms) => Draw(platforms,
        nameof(PlatformProjection.EnergyJoulesPerToken), p => p.EnergyJoulesPerToken, p => p.EnergyBasis,
        "Fig. 3: Energy per decoded token",
        "System power / single-stream deployment throughput (Table 1); the custom ASIC is Table 2's projection. Bar = midpoint, whiskers = low and high end.",
        "Energy per decoded token, J/token (log scale)", "J/token", "", " J");

    private static GenericChart Draw(IReadOnlyList<PlatformProjection> platforms, string valueName, Func<PlatformProjection, Interval?> value,
        Func<PlatformProjection, string> basisOf, string title, string subtitle, string yTitle, string unit, string prefix, string suffix)
    {
        var names = platforms.Select(p => p.Platform).ToArray();
        var status = platforms.Select(p => p.Status).ToArray();
        var values = platforms.Select(value).ToArray();
        var basis = platforms.Select(basisOf).ToArray();
        var source = platforms.Select(p => p.Source).ToArray();
        var labels = names.Select(n => Escape(n).Replace(" (", "<br>(")).ToArray();

        var unknown = Enumerable.Range(0, names.Length).Where(i => values[i] is null).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{valueName} is missing for {string.Join(", ", unknown.Select(i => names[i]))}; the figure would hide a platform");
        }

        var charts = new List<GenericChart>();
        foreach (var (cls, legend, color, pattern, opacity) in Classes)
        {
            var rows = Enumerable.Range(0, names.Length).Where(i => status[i] == cls).ToList();
            if (rows.Count == 0) continue;
            var mid = rows.Select(i => values[i]!.Value.Midpoint).ToArray();
            var bar = CSharpChart.Column<double, string, string>(mid, Keys: rows.Select(i => labels[i]).ToArray(), Name: legend, ShowLegend: true, UseDefaults: false)
                .WithTraceProperties(
                    ("marker", Obj(("color", color), ("opacity", opacity), ("line", Obj(("color", "#222222"), ("width", 1.2))),
                        ("pattern", pattern.Length == 0 ? Obj(("shape", "")) : Obj(("shape", pattern), ("fillmode", "overlay"), ("bgcolor", color), ("fgcolor", "#ffffff"), ("size", 9), ("solidity", 0.3))))),
                    ("error_y", Obj(("type", "data"), ("symmetric", false),
                        ("array", rows.Select((i, k) => values[i]!.Value.Hi - mid[k]).ToArray()),
                        ("arrayminus", rows.Select((i, k) => mid[k] - values[i]!.Value.Lo).ToArray()),
                        ("color", "#000000"), ("thickness", 1.6), ("width", 8))),
                    ("hovertext", rows.Select(i => $"<b>{Escape(names[i])}</b> ({status[i]})<br>{prefix}{Quantity.Text(new Interval(values[i]!.Value.Lo, values[i]!.Value.Hi))} {unit}" +
                        $"<br>basis: {Wrap(Escape(basis[i]))}<br>source: {Wrap(Escape(source[i]))}").ToArray()),
                    ("hoverinfo", "text"));
            charts.Add(bar);
        }

        // Range labels sit just above each high whisker (annotation y on a log axis is log10 of the value).
        var annotations = Enumerable.Range(0, names.Length).Select(i => Obj(
            ("x", labels[i]), ("y", Math.Log10(values[i]!.Value.Hi) + 0.06), ("yanchor", "bottom"), ("showarrow", false),
            ("text", prefix + Quantity.Text(new Interval(values[i]!.Value.Lo, values[i]!.Value.Hi)) + suffix
                // A value that rests on a bundle assumption (Etched's CapEx in Fig. 2) says so on the chart, not only in the hover text.
                + (basis[i].Contains("bundle assumption", StringComparison.Ordinal) ? "<br><i>on an assumed CapEx</i>" : "")), ("font", Obj(("size", 12))))).ToArray();
        var yMin = Math.Floor(Math.Log10(values.Min(v => v!.Value.Lo)));
        var yMax = Math.Ceiling(Math.Log10(values.Max(v => v!.Value.Hi)) + 0.3);

        return CSharpChart.Combine(charts).WithLayout(Layout(
            ("title", Title(title, Wrap(subtitle, 150))),
            ("font", PlotKit.Font),
            ("width", 1100), ("height", 680),
            ("margin", Obj(("l", 90), ("r", 30), ("t", 110), ("b", 90))),
            ("paper_bgcolor", "#ffffff"), ("plot_bgcolor", "#ffffff"),
            ("barmode", "overlay"), ("bargap", 0.35),
            ("showlegend", true),
            ("legend", Obj(("orientation", "v"), ("x", 0.99), ("xanchor", "right"), ("y", 0.99), ("yanchor", "top"),
                ("bgcolor", "rgba(255,255,255,0.9)"), ("bordercolor", "#999999"), ("borderwidth", 1))),
            ("xaxis", Obj(("title", Obj(("text", "Platform (Appendix D: all six, with ranges)"))), ("type", "category"),
                ("categoryorder", "array"), ("categoryarray", labels), ("linecolor", "#444444"))),
            ("annotations", annotations),
            ("yaxis", Obj(("title", Obj(("text", yTitle))), ("type", "log"), ("range", new[] { yMin, yMax }), ("gridcolor", "#e0e0e0"), ("linecolor", "#444444"),
                ("exponentformat", "none"), ("dtick", 1)))));
    }
}
