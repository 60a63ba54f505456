using Deedle;
using Plotly.NET.CSharp;
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
    /// <summary>The entries as a Deedle frame (columns named after <see cref="RegistryRow"/>), indexed by id.</summary>
    public static Frame<string, string> EntryFrame(BottleneckRegistry registry) =>
        Deedle.Frame.FromRecords(registry.Entries.Select(e => new RegistryRow(e.Id, e.Name, e.Type, e.Group.ToText(), e.Difficulty, e.Priority,
            e.Status == EntryStatus.Open ? "open" : "resolved", e.SchemaVersion))).IndexRows<string>("Id");

    /// <summary>Every registry chart with its figure name: the per-type breakdown, the heat-map and the dependency graph.</summary>
    public static IReadOnlyList<(string Name, GenericChart Chart)> All(BottleneckRegistry registry) =>
    [
        ("registry_types", TypeBreakdown(registry)),
        ("registry_priority_difficulty", PriorityDifficultyHeatmap(registry)),
        ("registry_dependencies", DependencyGraphChart(registry)),
    ];

    private static readonly string[] GroupColors = ["#1b9e77", "#7570b3", "#d95f02"];

    /// <summary>
    /// Per-type breakdown: one bar per printed type, stacked by §6 taxonomy group, so the chart shows both
    /// the printed types and that a type does not fix the group.
    /// </summary>
    public static GenericChart TypeBreakdown(BottleneckRegistry registry)
    {
        var frame = EntryFrame(registry);
        var types = frame.GetColumn<string>("Type").Values.Distinct().ToList();
        var groups = frame.GetColumn<string>("Group");
        var typeColumn = frame.GetColumn<string>("Type");
        var traces = TaxonomyGroupText.All.Select((g, i) =>
        {
            var counts = types.Select(t => typeColumn.Keys.Count(k => typeColumn[k] == t && groups[k] == g.ToText())).ToList();
            return CSharpChart.Column<int, string, string>(
                values: counts, Keys: types, Name: g.ToText(), MarkerColor: Color.fromString(GroupColors[i]), UseDefaults: false);
        }).ToList();
        var chart = CSharpChart.Combine(traces);
        return Style(chart, "Bottleneck Registry: entries by printed type and taxonomy group (§6)", "type as printed", "entries", barStack: true);
    }

    /// <summary>Priority x difficulty heat-map: the number of entries in each cell, the ids as the cell text.</summary>
    public static GenericChart PriorityDifficultyHeatmap(BottleneckRegistry registry)
    {
        var frame = EntryFrame(registry);
        var pr = frame.GetColumn<int>("Priority");
        var df = frame.GetColumn<int>("Difficulty");
        var levels = Enumerable.Range(1, 5).ToList();
        var z = levels.Select(p => levels.Select(d => pr.Keys.Count(k => pr[k] == p && df[k] == d)).ToList()).ToList();
        var text = levels.Select(p => levels.Select(d => string.Join(" ", pr.Keys.Where(k => pr[k] == p && df[k] == d))).ToList()).ToList();
        var chart = CSharpChart.Heatmap<int, int, int, string>(
            zData: z, X: levels, Y: levels, Name: "entries", ShowScale: true, UseDefaults: false,
            // White for an empty cell to a light blue for the fullest, so the black entry ids stay readable.
            ColorScale: StyleParam.Colorscale.NewCustom([Tuple.Create(0.0, Color.fromHex("#ffffff")), Tuple.Create(1.0, Color.fromHex("#6baed6"))]));
        var annotations = levels.SelectMany(p => levels.Select(d => (p, d))).Where(c => text[c.p - 1][c.d - 1].Length > 0)
            .Select(c => (object)new Dictionary<string, object> { ["x"] = c.d, ["y"] = c.p, ["text"] = text[c.p - 1][c.d - 1], ["showarrow"] = false })
            .ToList();
        return Style(chart, "Bottleneck Registry: priority x difficulty (§6 ratings)", "difficulty (1-5)", "priority (1-5)", annotations: annotations);
    }

    /// <summary>
    /// The dependency graph in the bundle's layered layout (<see cref="DependencyGraph.Layout"/>): an entry
    /// sits one column right of what it depends on; edges are the <c>depends_on</c> fields (all bundle
    /// inferences in the seed, see each entry's rationale).
    /// </summary>
    public static GenericChart DependencyGraphChart(BottleneckRegistry registry)
    {
        var layout = DependencyGraph.Layout(registry).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var traces = new List<GenericChart>();
        foreach (var (from, to) in DependencyGraph.Edges(registry))
        {
            var a = layout[from];
            var b = layout[to];
            traces.Add(CSharpChart.Line<double, double, string>(x: [b.X, a.X], y: [b.Y, a.Y], Name: $"{from} depends on {to}",
                ShowLegend: false, LineColor: Color.fromString("#888888"), LineWidth: 1.5, UseDefaults: false));
        }
        foreach (var (g, i) in TaxonomyGroupText.All.Select((g, i) => (g, i)))
        {
            var nodes = registry.Entries.Where(e => e.Group == g).Select(e => layout[e.Id]).ToList();
            if (nodes.Count == 0) continue;
            traces.Add(CSharpChart.Scatter<double, double, string>(x: nodes.Select(n => n.X), y: nodes.Select(n => n.Y),
                mode: StyleParam.Mode.Markers_Text, Name: g.ToText(), MultiText: Some(nodes.Select(n => n.Id)),
                TextPosition: StyleParam.TextPosition.MiddleRight, MarkerColor: Color.fromString(GroupColors[i]), UseDefaults: false));
        }
        var chart = CSharpChart.Combine(traces);
        return Style(chart, "Bottleneck Registry: dependency graph (depends_on; layered layout)", "layer (0 = depends on nothing)", "position in layer");
    }

    private static Optional<T> Some<T>(T value) => value;

    /// <summary>Title, axis titles, bar mode and annotations, through a plain layout object (no F# optional arguments).</summary>
    private static GenericChart Style(GenericChart chart, string title, string xTitle, string yTitle, bool barStack = false, IReadOnlyList<object>? annotations = null)
    {
        var layout = new Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = title });
        if (barStack) layout.SetProperty("barmode", "stack");
        if (annotations is { Count: > 0 }) layout.SetProperty("annotations", annotations);
        chart = Plotly.NET.Chart.withLayout(layout).Invoke(chart);
        return chart.WithXAxisStyle<double, double, double>(TitleText: xTitle).WithYAxisStyle<double, double, double>(TitleText: yTitle);
    }
}
