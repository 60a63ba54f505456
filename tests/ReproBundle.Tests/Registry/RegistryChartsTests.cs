using System.Text.Json;
using Plotly.NET;
using ReproBundle.Registry;
using Xunit;

namespace ReproBundle.Tests.Registry;

public class RegistryChartsTests
{
    private static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    [Fact]
    public void All_returns_the_three_registry_charts_by_stable_name()
    {
        Assert.Equal(["registry_types", "registry_priority_difficulty", "registry_dependencies"], RegistryCharts.All(RegistryTestData.Seed()).Select(c => c.Name));
    }

    [Fact]
    public void The_type_breakdown_stacks_one_bar_trace_per_group_and_counts_18_entries()
    {
        var fig = Figure(RegistryCharts.TypeBreakdown(RegistryTestData.Seed()));

        var traces = fig.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["algorithmic", "coordination-or-engineering", "heavy-capital"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.All(traces, t => Assert.Equal("bar", t.GetProperty("type").GetString()));
        Assert.Equal(18, traces.Sum(t => t.GetProperty("y").EnumerateArray().Sum(v => v.GetInt32())));
        Assert.Equal("stack", fig.GetProperty("layout").GetProperty("barmode").GetString());
    }

    [Fact]
    public void The_heatmap_has_a_5_by_5_grid_whose_cells_sum_to_18()
    {
        var fig = Figure(RegistryCharts.PriorityDifficultyHeatmap(RegistryTestData.Seed()));

        var trace = Assert.Single(fig.GetProperty("data").EnumerateArray().ToList());
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var z = trace.GetProperty("z").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToList()).ToList();
        Assert.Equal(5, z.Count);
        Assert.All(z, r => Assert.Equal(5, r.Count));
        Assert.Equal(18, z.Sum(r => r.Sum()));
        // Rows are priority - 1, columns difficulty - 1: (5, 5) holds B8 and B16; (4, 3) holds B4, B11, B12, B17.
        Assert.Equal(2, z[4][4]);
        Assert.Equal(4, z[3][2]);
    }

    [Fact]
    public void The_dependency_graph_names_every_entry_by_id_and_short_title()
    {
        var fig = Figure(RegistryCharts.DependencyGraphChart(RegistryTestData.Seed()));

        var nodes = fig.GetProperty("data").EnumerateArray().ToList();
        Assert.All(nodes, t => Assert.Equal("markers+text", t.GetProperty("mode").GetString()));
        var labels = nodes.SelectMany(t => t.GetProperty("text").EnumerateArray().Select(v => v.GetString()!)).ToList();
        Assert.Equal(18, labels.Count);
        // data/registry/B17.md: name "Training/inference HW bifurcation"; B15's 50-character name is cut at a word (45 at most).
        Assert.Contains("<b>B17</b> Training/inference HW bifurcation", labels);
        Assert.Contains("<b>B15</b> Coordination across vendors on interchange\u2026", labels);
    }

    [Fact]
    public void The_dependency_graph_draws_one_arrow_per_edge_from_the_entry_to_what_it_depends_on()
    {
        var registry = RegistryTestData.Seed();
        var fig = Figure(RegistryCharts.DependencyGraphChart(registry));
        var layout = DependencyGraph.Layout(registry).ToDictionary(n => n.Id);

        var arrows = fig.GetProperty("layout").GetProperty("annotations").EnumerateArray().Where(a => a.GetProperty("showarrow").GetBoolean()).ToList();

        // The seed's four edges: B16 -> B6, B17 -> B11, B17 -> B8, B18 -> B4 (tail at the dependent entry, head at its dependency).
        var drawn = arrows.Select(a => (TailX: a.GetProperty("ax").GetDouble(), TailY: a.GetProperty("ay").GetDouble(), HeadX: a.GetProperty("x").GetDouble(), HeadY: a.GetProperty("y").GetDouble())).ToList();
        var expected = new[] { ("B16", "B6"), ("B17", "B11"), ("B17", "B8"), ("B18", "B4") }
            .Select(e => (layout[e.Item1].X, layout[e.Item1].Y, layout[e.Item2].X, layout[e.Item2].Y)).ToList();
        Assert.Equal(expected, drawn);
        Assert.All(arrows, a => Assert.Equal("x", a.GetProperty("axref").GetString()));
        Assert.Equal(["B16 depends on B6", "B17 depends on B11", "B17 depends on B8", "B18 depends on B4"], arrows.Select(a => a.GetProperty("name").GetString()));
        Assert.Contains("4 edges, every one a bundle inference", fig.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void The_dependency_graph_has_no_numeric_axes_and_lists_entries_top_down()
    {
        var fig = Figure(RegistryCharts.DependencyGraphChart(RegistryTestData.Seed()));

        var layout = fig.GetProperty("layout");
        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            Assert.False(layout.GetProperty(axis).GetProperty("visible").GetBoolean());
            Assert.False(layout.GetProperty(axis).TryGetProperty("title", out _));
        }
        // The y range runs from high to low, so B1 (the most negative y of its layer) is at the top.
        var range = layout.GetProperty("yaxis").GetProperty("range").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(range[0] > range[1]);
    }
}

public class RegistryChartsDeterminismTests
{
    [Fact]
    public void Building_the_charts_twice_gives_identical_figure_json()
    {
        var a = RegistryCharts.All(RegistryTestData.Seed()).Select(c => Plotly.NET.GenericChart.toFigureJson(c.Chart)).ToList();
        var b = RegistryCharts.All(RegistryTestData.Seed()).Select(c => Plotly.NET.GenericChart.toFigureJson(c.Chart)).ToList();

        Assert.Equal(a, b);
    }
}
