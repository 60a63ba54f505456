using Plotly.NET;
using static ReproBundle.Figures.PlotKit;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReproBundle.Figures;

/// <summary>
/// The bundle's own chart of Appendix C: every step of the agent-density derivation for the H100 and the
/// reference-ASIC worked examples (and the FP4-pessimistic case of the Sensitivity paragraph), side by side.
/// </summary>
public static class AgentDensityFigure
{
    /// <summary>The figure's file name.</summary>
    public const string Name = "agent_density_steps";

    /// <summary>The scenarios drawn (rows of <c>agent_density.csv</c>), their legend names and colours.</summary>
    public static readonly IReadOnlyList<(string Scenario, string Legend, string Color)> Scenarios =
    [
        ("h100", "H100 worked example (Appendix C)", "#0072B2"),
        ("asic", "Reference custom ASIC worked example (Appendix C)", "#D55E00"),
        ("asic_fp4_pessimistic", "ASIC, FP4 QAT only 2x over FP8: t halved (Appendix C, Sensitivity)", "#E69F00"),
    ];

    /// <summary>The steps in derivation order: the step's value, axis label, unit.</summary>
    public static readonly IReadOnlyList<(Func<AgentDensitySteps, double> Value, string Label, string Unit)> Steps =
    [
        (s => s.HourlyCapexUsd, "Hourly amortized CapEx,<br>USD/hour: C / (L x 8760)", "USD/hour"),
        (s => s.CostUsdPerMillionTokens, $"Cost, USD per M tokens:<br>C / (L x {Quantity.Text(ProjectionModel.HoursPerYear)} x 3600 x u x t) x 1e6", "USD per M tokens"),
        (s => s.StreamsPerNode, "Streams per node:<br>t / r", "streams"),
        (s => s.DensityPerMillionUsd, "Streams per $1M CapEx:<br>D = (1e6 / C) x (t / r)", "streams per $1M"),
        (s => s.DensityPerMillionUsdAtUtilization, "Streams per $1M at utilization:<br>D x u", "streams per $1M"),
    ];

    /// <summary>Draws the steps of <see cref="FigureFrames.AgentDensityRows"/>; the subtitle states the r and L of <paramref name="inputs"/>.</summary>
    /// <param name="density">The rows of <see cref="FigureFrames.AgentDensityRows"/>.</param>
    /// <param name="inputs">The inputs the rows were computed from.</param>
    public static GenericChart Draw(IReadOnlyList<AgentDensityRow> density, PaperInputs inputs)
    {
        var charts = new List<GenericChart>();
        foreach (var (id, legend, color) in Scenarios)
        {
            var row = density.FirstOrDefault(r => r.Scenario == id) ?? throw new InvalidOperationException($"agent-density rows have no scenario '{id}'");
            var values = Steps.Select(s => s.Value(row.Steps)).ToArray();
            charts.Add(CSharpChart.Column<double, string, string>(values, Keys: Steps.Select(s => s.Label).ToArray(), Name: legend, ShowLegend: true, UseDefaults: false)
                .WithTraceProperties(
                    ("marker", Obj(("color", color), ("line", Obj(("color", "#222222"), ("width", 1))))),
                    ("text", values.Select(v => Quantity.Text(v)).ToArray()), ("textposition", "outside"), ("cliponaxis", false),
                    ("textfont", Obj(("size", 11))),
                    ("hovertext", Steps.Select((s, k) => $"<b>{Escape(legend)}</b><br>{s.Label.Replace("<br>", " ")} = {Quantity.Text(values[k])} {s.Unit}<br>source: {Wrap(Escape(row.Source))}").ToArray()),
                    ("hoverinfo", "text")));
        }

        return CSharpChart.Combine(charts).WithLayout(Layout(
            ("title", Title("Appendix C: agent density, step by step (H100 vs reference custom ASIC)",
                $"Each group is one step of the derivation; each bar is that step's value in its own unit (see the label). Log scale; {Held(inputs)}.")),
            ("font", PlotKit.Font),
            ("width", 1150), ("height", 700),
            ("margin", Obj(("l", 90), ("r", 30), ("t", 110), ("b", 120))),
            ("paper_bgcolor", "#ffffff"), ("plot_bgcolor", "#ffffff"),
            ("barmode", "group"), ("bargap", 0.25),
            ("legend", Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.2), ("yanchor", "top"))),
            ("xaxis", Obj(("type", "category"), ("linecolor", "#444444"), ("tickfont", Obj(("size", 11))))),
            ("yaxis", Obj(("title", Obj(("text", "Value of each step in its own unit (log scale)"), ("font", Obj(("size", 12))))),
                ("type", "log"), ("gridcolor", "#e0e0e0"), ("linecolor", "#444444"), ("exponentformat", "none"), ("dtick", 1)))));
    }

    /// <summary>The inputs both worked examples hold (r and L), in words, formatted from <paramref name="x"/>.</summary>
    private static string Held(PaperInputs x)
    {
        AgentDensityInputs h = x.AppendixCH100, a = x.AppendixCAsic;
        static string Both(double h100, double asic, string unit) =>
            h100 == asic ? $"{Quantity.Text(h100)} {unit}" : $"{Quantity.Text(h100)} {unit} (H100) and {Quantity.Text(asic)} {unit} (ASIC)";
        return $"r = {Both(h.StreamTokensPerSecond, a.StreamTokensPerSecond, "tok/s")}, L = {Both(h.LifetimeYears, a.LifetimeYears, "years")}";
    }
}
