using System.Text.Json;
using ReproBundle.Figures;
using ReproBundle.Registry;
using ReproBundle.Uncertainty;

using Xunit;

namespace ReproBundle.Tests.Figures;

/// <summary>What a reader sees on a chart (title, subtitle, legend, axis titles, annotations) speaks about the data, not about the drawing library.</summary>
public class FigureTextsTests
{
    /// <summary>Words of implementation notes ("plotly cannot dot a bar outline") that a reader's text must not hold.</summary>
    private static readonly string[] ImplementationWords = ["plotly", "cannot dot", "cannot dash", "workaround", "trace", "json"];

    public static TheoryData<string> AllCharts => [.. Built.Value.Select(c => c.Name)];

    /// <summary>Every chart <c>reproduce</c> writes (the Monte Carlo with few draws: only its texts matter here), built once.</summary>
    private static readonly Lazy<List<(string Name, Plotly.NET.GenericChart Chart)>> Built = new(() => Charts().ToList());

    private static IEnumerable<(string Name, Plotly.NET.GenericChart Chart)> Charts()
    {
        var data = FigureTestData.Data;
        var uncertainty = UncertaintyAnalysis.Run(data, new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1));
        return PaperFigures.Charts(data, FigureTestData.Inputs)
            .Concat(RegistryCharts.All(BottleneckRegistry.Load(FigureTestData.DataDirectory)))
            .Concat(UncertaintyCharts.All(uncertainty));
    }

    /// <summary>Every text of a figure a reader sees without hovering.</summary>
    private static IEnumerable<string> ReaderTexts(JsonElement figure)
    {
        var layout = figure.GetProperty("layout");
        foreach (var trace in figure.GetProperty("data").EnumerateArray())
        {
            if (trace.TryGetProperty("name", out var name)) yield return name.GetString()!;
        }
        if (layout.TryGetProperty("title", out var title) && title.TryGetProperty("text", out var t)) yield return t.GetString()!;
        foreach (var axis in new[] { "xaxis", "yaxis" })
        {
            if (layout.TryGetProperty(axis, out var a) && a.TryGetProperty("title", out var at) && at.ValueKind == JsonValueKind.Object && at.TryGetProperty("text", out var text))
            {
                yield return text.GetString()!;
            }
        }
        if (layout.TryGetProperty("legend", out var legend) && legend.TryGetProperty("title", out var lt)) yield return lt.GetProperty("text").GetString()!;
        if (layout.TryGetProperty("annotations", out var annotations))
        {
            foreach (var a in annotations.EnumerateArray())
            {
                if (a.TryGetProperty("text", out var text)) yield return text.GetString()!;
            }
        }
    }

    [Theory]
    [MemberData(nameof(AllCharts))]
    public void No_title_legend_axis_title_or_annotation_carries_an_implementation_note(string name)
    {
        var chart = Built.Value.Single(c => c.Name == name).Chart;
        var figure = JsonDocument.Parse(Plotly.NET.GenericChart.toFigureJson(chart)).RootElement;

        var texts = ReaderTexts(figure).ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.DoesNotContain(ImplementationWords, w => text.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Fig_2_names_its_legend_classes_as_the_caption_does()
    {
        var chart = PaperFigures.Charts(FigureTestData.Data, FigureTestData.Inputs).Single(c => c.Name == PlatformBarFigures.CostName).Chart;
        var figure = JsonDocument.Parse(Plotly.NET.GenericChart.toFigureJson(chart)).RootElement;

        // §5, Fig. 2 caption: "Hatched red = vendor claim, unaudited. Dotted = projection. Solid = published vendor benchmarks".
        Assert.Equal(["Published vendor benchmark (solid)", "Vendor claim, unaudited (hatched red)", "Projection (dotted)"],
            figure.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }
}
