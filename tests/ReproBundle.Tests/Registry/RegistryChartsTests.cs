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
    public void The_dependency_graph_draws_one_line_per_edge_and_every_entry_as_a_node()
    {
        var fig = Figure(RegistryCharts.DependencyGraphChart(RegistryTestData.Seed()));

        var traces = fig.GetProperty("data").EnumerateArray().ToList();
        var lines = traces.Where(t => t.GetProperty("mode").GetString() == "lines").ToList();
        var nodes = traces.Where(t => t.GetProperty("mode").GetString() == "markers+text").ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(18, nodes.Sum(t => t.GetProperty("text").GetArrayLength()));
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
