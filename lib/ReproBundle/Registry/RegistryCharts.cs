using Deedle;
using Plotly.NET.CSharp;
using ReproBundle.Figures;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReproBundle.Registry;

/// <summary>One registry entry as a flat record, the row type of <see cref="RegistryCharts.EntryFrame"/>.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Name">Name as printed.</param>
/// <param name="Type">Type as printed.</param>
/// <param name="Group">Taxonomy group text.</param>
/// <param name="Difficulty">Difficulty 1-5.</param>
/// <param name="Priority">Priority 1-5.</param>
/// <param name="Status">open or resolved.</param>
/// <param name="SchemaVersion">v0.1 or v0.2.</param>
public sealed record RegistryRow(string Id, string Name, string Type, string Group, int Difficulty, int Priority, string Status, string SchemaVersion);

/// <summary>
/// The registry's dashboards (§7: "per-type breakdown; per-priority heat-map"; "dependency graph") as
/// Plotly.NET charts. Only the chart objects are built here; the bundle's figure exporter turns them into
/// HTML, JSON and PNG with stable div ids.
/// </summary>
public static class RegistryCharts
{
    /// <summary>The entries as typed rows, in entry order: what the charts draw and what <see cref="EntryFrame"/> shows.</summary>
    public static IReadOnlyList<RegistryRow> Rows(BottleneckRegistry registry) =>
        registry.Entries.Select(e => new RegistryRow(e.Id, e.Name, e.Type, e.Group.ToText(), e.Difficulty, e.Priority,
            e.Status == EntryStatus.Open ? "open" : "resolved", e.SchemaVersion)).ToList();

    /// <summary>The entries as a Deedle frame (columns named after <see cref="RegistryRow"/>), indexed by id, for display.</summary>
    public static Frame<string, string> EntryFrame(BottleneckRegistry registry) =>
        Deedle.Frame.FromRecords(Rows(registry)).IndexRows<string>(nameof(RegistryRow.Id));

    /// <summary>Every registry chart with its figure name: the per-type breakdown, the heat-map and the dependency graph.</summary>
    public static IReadOnlyList<(string Name, GenericChart Chart)> All(BottleneckRegistry registry) =>
    [
        (Names[0], TypeBreakdown(registry)),
        (Names[1], PriorityDifficultyHeatmap(registry)),
        (Names[2], DependencyGraphChart(registry)),
    ];

    /// <summary>The figure names of <see cref="All"/>, in its order, without building the charts.</summary>
    public static readonly IReadOnlyList<string> Names = ["registry_types", "registry_priority_difficulty", "registry_dependencies"];

    private static readonly string[] GroupColors = ["#1b9e77", "#7570b3", "#d95f02"];

    /// <summary>
    /// Per-type breakdown: one bar per printed type, stacked by §6 taxonomy group, so the chart shows both
    /// the printed types and that a type does not fix the group.
    /// </summary>
    public static GenericChart TypeBreakdown(BottleneckRegistry registry)
    {
        var rows = Rows(registry);
        var types = rows.Select(r => r.Type).Distinct().ToList();
        var traces = TaxonomyGroupText.All.Select((g, i) =>
        {
            var counts = types.Select(t => rows.Count(r => r.Type == t && r.Group == g.ToText())).ToList();
            return CSharpChart.Column<int, string, string>(
                values: counts, Keys: types.Select(Escaping.PlotlyText.Data).ToList(), Name: g.ToText(), MarkerColor: Color.fromString(GroupColors[i]), UseDefaults: false);
        }).ToList();
        var chart = CSharpChart.Combine(traces);
        return Style(chart, "Bottleneck Registry: entries by printed type and taxonomy group (§6)", "type as printed", "entries", barStack: true, countY: true);
    }

    /// <summary>Priority x difficulty heat-map: the number of entries in each cell, the ids as the cell text.</summary>
    public static GenericChart PriorityDifficultyHeatmap(BottleneckRegistry registry)
    {
        var rows = Rows(registry);
        var levels = Enumerable.Range(1, 5).ToList();
        var z = levels.Select(p => levels.Select(d => rows.Count(r => r.Priority == p && r.Difficulty == d)).ToList()).ToList();
        var text = levels.Select(p => levels.Select(d => string.Join(" ", rows.Where(r => r.Priority == p && r.Difficulty == d).Select(r => r.Id))).ToList()).ToList();
        var chart = CSharpChart.Heatmap<int, int, int, string>(
            zData: z, X: levels, Y: levels, Name: "entries", ShowScale: true, UseDefaults: false,
            // White for an empty cell to a light blue for the fullest, so the black entry ids stay readable.
            ColorScale: StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromHex("#ffffff")), Tuple.Create(1.0, Color.fromHex("#6baed6"))]));
        var annotations = levels.SelectMany(p => levels.Select(d => (p, d))).Where(c => text[c.p - 1][c.d - 1].Length > 0)
            .Select(c => (object)new Dictionary<string, object> { ["x"] = c.d, ["y"] = c.p, ["text"] = text[c.p - 1][c.d - 1], ["showarrow"] = false })
            .ToList();
        // The colour bar counts entries: labelled, with whole-number ticks.
        chart = chart.WithTraceProperties(("colorbar", PlotKit.Obj(("title", PlotKit.Obj(("text", "entries in the cell"), ("side", "right"))), ("dtick", 1))));
        return Style(chart, "Bottleneck Registry: priority x difficulty (§6 ratings)", "difficulty (1-5)", "priority (1-5)", annotations: annotations, countX: true, countY: true);
    }

    /// <summary>Longest short title on a graph node [characters]; longer names are cut at a word and end in an ellipsis.</summary>
    public const int ShortTitleLength = 45;

    /// <summary>An entry's name cut to at most <see cref="ShortTitleLength"/> characters at a word boundary, with "…" when cut.</summary>
    public static string ShortTitle(string name)
    {
        if (name.Length <= ShortTitleLength) return name;
        var cut = name.LastIndexOf(' ', ShortTitleLength - 1);
        return name[..(cut > 0 ? cut : ShortTitleLength - 1)].TrimEnd(' ', '/', ',', '(', '-') + "\u2026";
    }

    /// <summary>
    /// The dependency graph drawn as a graph, in the bundle's layered layout (<see cref="DependencyGraph.Layout"/>): one
    /// column per layer from left to right (an entry sits one column right of what it depends on), entries in number order
    /// from the top, each node named by its id and short title (left of the first column, right of the others) and coloured by §6 group, one arrow per <c>depends_on</c>
    /// edge pointing from the entry to what it depends on (as on the site's graph). No axes: position carries no quantity.
    /// The subtitle counts the edges and says how many are bundle inferences, from each edge's <c>basis</c>.
    /// </summary>
    public static GenericChart DependencyGraphChart(BottleneckRegistry registry)
    {
        var layout = DependencyGraph.Layout(registry).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var byId = registry.Entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var edges = registry.Entries.SelectMany(e => e.DependsOn.Where(d => layout.ContainsKey(d.Id)).Select(d => (From: e, Edge: d))).ToList();
        var layers = layout.Values.Select(n => n.Layer).DefaultIfEmpty(0).Max() + 1;
        var rowsShown = layout.Values.GroupBy(n => n.Layer).Select(g => g.Count()).DefaultIfEmpty(1).Max();
        var traces = new List<GenericChart>();
        foreach (var (g, i) in TaxonomyGroupText.All.Select((g, i) => (g, i)))
        {
            var entries = registry.Entries.Where(e => e.Group == g).ToList();
            if (entries.Count == 0) continue;
            string Hover(RegistryEntry e)
            {
                var deps = e.DependsOn.Count == 0 ? "depends on no entry" : "depends on " + string.Join(", ", e.DependsOn.Select(d => $"{d.Id} ({d.Basis})"));
                var users = edges.Where(x => x.Edge.Id == e.Id).Select(x => x.From.Id).ToList();
                var usedBy = users.Count == 0 ? "" : $"<br>{string.Join(", ", users)} depend(s) on it";
                return $"<b>{Escape(e.Id)}: {Escape(e.Name)}</b><br>{Escape(e.Type)} ({g.ToText()}), priority {e.Priority}, difficulty {e.Difficulty}<br>{Escape(deps)}{Escape(usedBy)}";
            }
            traces.Add(CSharpChart.Scatter<double, double, string>(x: entries.Select(e => layout[e.Id].X), y: entries.Select(e => layout[e.Id].Y),
                    mode: StyleParam.Mode.Markers_Text, Name: g.ToText(), MultiText: Some(entries.Select(e => $"<b>{Escape(e.Id)}</b> {Escape(ShortTitle(e.Name))}")),
                    UseDefaults: false)
                // First column labelled on the left, the others on the right, so no arrow crosses a label.
                .WithTraceProperties(("textposition", entries.Select(e => layout[e.Id].Layer == 0 ? "middle left" : "middle right").ToArray()),("marker", PlotObj(("color", GroupColors[i]), ("size", 13), ("line", PlotObj(("color", "#333333"), ("width", 1))))),
                    ("textfont", PlotObj(("size", 12))), ("cliponaxis", false),
                    ("hovertext", entries.Select(Hover).ToArray()), ("hoverinfo", "text")));
        }

        // One arrow per edge, from the dependent entry (tail) to the entry it depends on (head), kept clear of both markers;
        // each annotation is named after the edge it draws ("B16 depends on B6").
        var arrows = edges.Select(x => (object)PlotObj(
            ("name", $"{x.From.Id} depends on {x.Edge.Id}"), ("x", layout[x.Edge.Id].X), ("y", layout[x.Edge.Id].Y), ("ax", layout[x.From.Id].X), ("ay", layout[x.From.Id].Y),
            ("xref", "x"), ("yref", "y"), ("axref", "x"), ("ayref", "y"), ("text", ""),
            ("showarrow", true), ("arrowhead", 2), ("arrowsize", 1.3), ("arrowwidth", 1.6), ("arrowcolor", "#555555"),
            ("standoff", 9), ("startstandoff", 9))).ToList();
        // A heading over each column saying what the layer means.
        var headings = Enumerable.Range(0, layers).Select(l => (object)PlotObj(
            ("x", (double)l), ("xref", "x"), ("xanchor", l == 0 ? "right" : "left"), ("y", 1.0), ("yref", "paper"), ("yanchor", "bottom"), ("showarrow", false),
            ("text", l == 0 ? "<b>Depends on no entry</b>" : $"<b>Depends on an entry {(l == 1 ? "to the left" : $"up to {l} columns to the left")}</b>"),
            ("font", PlotObj(("size", 12), ("color", "#444444"))))).ToList();

        var inferred = edges.Count(x => x.Edge.Basis == "bundle-inference");
        var basis = edges.Count == 0 ? "no entry lists a dependency"
            : inferred == edges.Count ? $"{edges.Count} edges, every one a bundle inference (the paper prints none; rationale in each entry file)"
            : $"{edges.Count} edges, {inferred} of them bundle inferences (basis and rationale in each entry file)";
        var chart = CSharpChart.Combine(traces);
        var plotLayout = PlotKit.Layout(
            ("title", PlotKit.Title("Bottleneck Registry: dependency graph (§7)",
                $"Arrow A \u2192 B: entry A depends on entry B (depends_on). {basis}. Colour: §6 taxonomy group.")),
            ("font", PlotKit.Font),
            ("width", 1100), ("height", Math.Max(420, 150 + 36 * rowsShown)),
            ("margin", PlotObj(("l", 30), ("r", 30), ("t", 120), ("b", 40))),
            ("paper_bgcolor", "#ffffff"), ("plot_bgcolor", "#ffffff"),
            ("showlegend", true),
            ("legend", PlotObj(("title", PlotObj(("text", "§6 taxonomy group"))), ("x", 1.0), ("xanchor", "right"), ("y", 1.0), ("yanchor", "top"),
                ("bgcolor", "rgba(255,255,255,0.9)"), ("bordercolor", "#999999"), ("borderwidth", 1))),
            ("annotations", arrows.Concat(headings).ToArray()),
            // One unit per layer; room for the first column's labels on the left and the last column's on the right.
            // Top to bottom in entry order.
            ("xaxis", HiddenAxis(-0.95, layers - 1 + 0.85)),
            ("yaxis", HiddenAxis(layout.Values.Select(n => n.Y).DefaultIfEmpty(0).Max() + 0.6, layout.Values.Select(n => n.Y).DefaultIfEmpty(0).Min() - 0.6)));
        return chart.WithLayout(plotLayout);
    }

    private static DynamicObj.DynamicObj PlotObj(params (string Key, object? Value)[] properties) => PlotKit.Obj(properties);

    private static string Escape(string text) => PlotKit.Escape(text);

    /// <summary>An axis with no line, grid, ticks or title, showing <paramref name="from"/> to <paramref name="to"/> (reversed when from &gt; to).</summary>
    private static DynamicObj.DynamicObj HiddenAxis(double from, double to) =>
        PlotObj(("visible", false), ("showgrid", false), ("zeroline", false), ("showticklabels", false), ("range", new[] { from, to }));

    private static Optional<T> Some<T>(T value) => value;

    /// <summary>Title, axis titles, bar mode and annotations, through a plain layout object (no F# optional arguments).</summary>
    // countX / countY: the axis counts or rates in whole numbers (ticks 1 apart, no half units).
    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool barStack = false, IReadOnlyList<object>? annotations = null,
        bool countX = false, bool countY = false)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        if (barStack) layout.SetProperty("barmode", "stack");
        if (annotations is { Count: > 0 }) layout.SetProperty("annotations", annotations);
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);
        chart = chart.WithXAxisStyle<double, double, double>(TitleText: xTitle).WithYAxisStyle<double, double, double>(TitleText: yTitle);
        static DynamicObj.DynamicObj Axis(string text, bool count) => count
            ? PlotKit.Obj(("title", PlotKit.Obj(("text", text))), ("dtick", 1), ("tickformat", "d"))
            : PlotKit.Obj(("title", PlotKit.Obj(("text", text))));
        return GenericChart.addLayout(PlotKit.Layout(("xaxis", Axis(xTitle, countX)), ("yaxis", Axis(yTitle, countY))), chart);
    }
}
