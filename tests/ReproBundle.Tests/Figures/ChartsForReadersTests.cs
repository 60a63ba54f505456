using System.Text.Json;
using ReproBundle.Figures;
using ReproBundle.Registry;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Figures;

/// <summary>Issue 25, item 7: the uncertainty and registry charts read as Fig. 1-3 do (subtitle, words, whole-number counts).</summary>
public class ChartsForReadersTests
{
    private static readonly UncertaintyResult Result =
        UncertaintyAnalysis.Run(ReproBundle.Data.PaperData.Load(TestPaths.DataDir), new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1));

    private static JsonElement Json(Plotly.NET.GenericChart chart) => JsonDocument.Parse(FigureWriter.FigureJson(chart)).RootElement;

    [Fact]
    public void The_uncertainty_charts_carry_a_subtitle_with_source_and_unit_and_name_scenarios_in_words()
    {
        foreach (var (name, chart) in UncertaintyCharts.All(Result))
        {
            var json = Json(chart);
            var title = json.GetProperty("layout").GetProperty("title").GetProperty("text").GetString()!;
            Assert.Contains("<span style=\"font-size:12px\">", title);
            Assert.Contains("Unit: x", title);
            Assert.Equal(95, json.GetProperty("layout").GetProperty("margin").GetProperty("t").GetInt32());
            var legend = string.Join("\n", json.GetProperty("data").EnumerateArray().Select(t => t.TryGetProperty("name", out var n) ? n.GetString() : ""));
            foreach (var id in new[] { "paper_ranges", "asic_t_halved", "h100_t_table1" }) Assert.DoesNotContain(id, legend);
            if (name == "uncertainty_density_ratio") Assert.Contains("ASIC speed halved (FP4 only 2x): P(>10x)", legend);
        }
    }

    [Fact]
    public void The_break_even_chart_draws_its_3x_and_10x_lines_apart()
    {
        var traces = Json(UncertaintyCharts.BreakEvenVolume(Result)).GetProperty("data").EnumerateArray()
            .Where(t => t.GetProperty("name").GetString()!.EndsWith("x the steady-state cost", StringComparison.Ordinal))
            .Select(t => (Dash: t.GetProperty("line").GetProperty("dash").GetString(), Color: t.GetProperty("line").GetProperty("color").GetString())).ToList();
        Assert.Equal(2, traces.Count);
        Assert.NotEqual(traces[0].Dash, traces[1].Dash);
        Assert.NotEqual(traces[0].Color, traces[1].Color);
    }

    [Fact]
    public void Registry_counts_sit_on_whole_number_ticks_and_the_colour_bar_is_labelled()
    {
        var registry = BottleneckRegistry.Load(TestPaths.DataDir);
        var types = Json(RegistryCharts.TypeBreakdown(registry)).GetProperty("layout");
        Assert.Equal(1, types.GetProperty("yaxis").GetProperty("dtick").GetInt32());
        Assert.Equal("entries", types.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        var heat = Json(RegistryCharts.PriorityDifficultyHeatmap(registry));
        foreach (var axis in new[] { "xaxis", "yaxis" }) Assert.Equal(1, heat.GetProperty("layout").GetProperty(axis).GetProperty("dtick").GetInt32());
        var colorbar = heat.GetProperty("data")[0].GetProperty("colorbar");
        Assert.Equal("entries in the cell", colorbar.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(1, colorbar.GetProperty("dtick").GetInt32());
    }
}
