using System.Text.Json;
using ReproBundle.Figures;

using Xunit;

namespace ReproBundle.Tests.Figures;

/// <summary>
/// Fig. 1 marks the points that rest on the bundle's assumptions rather than on the paper: axes 2 and 5 for B200, Groq
/// and Cerebras (Table 2 prints them only for the H100 and the ASIC) and the whole of axis 6 (the paper publishes no
/// maturity scores). Which points those are comes from the source column of data/figures/.
/// </summary>
public class Fig1AssumptionMarkingTests
{
    private static JsonElement Figure(IReadOnlyList<RadarPoint> points) =>
        JsonDocument.Parse(Plotly.NET.GenericChart.toFigureJson(Fig1RadarInference.Draw(points))).RootElement;

    private static List<JsonElement> Rings(JsonElement figure) =>
        figure.GetProperty("data").EnumerateArray().Where(t => t.GetProperty("name").GetString() == Fig1RadarInference.AssumptionLegend).ToList();

    [Fact]
    public void The_assumed_points_are_axes_2_and_5_of_B200_Groq_and_Cerebras_and_axis_6_of_every_platform()
    {
        var points = FigureFrames.RadarPoints(FigureTestData.Data, FigureTestData.Inputs);

        var assumed = points.Where(p => p.IsBundleAssumption).Select(p => $"{p.PlatformId}:{p.AxisOrder}").Order().ToList();

        string[] expected =
        [
            "b200:2", "b200:5", "b200:6", "cerebras:2", "cerebras:5", "cerebras:6", "custom_asic:6", "groq:2", "groq:5", "groq:6", "h100:6",
        ];
        Assert.Equal(expected.Order(), assumed);
    }

    [Fact]
    public void A_value_whose_source_column_names_the_paper_is_not_marked()
    {
        var copy = FigureTestData.CopyOfData();
        try
        {
            var path = Path.Combine(copy, "figures", "radar_assumptions.csv");
            File.WriteAllText(path, File.ReadAllText(path).Replace("cerebras,decode_batch64,33600-134400,tok/s aggregate,bundle-assumption,",
                "cerebras,decode_batch64,33600-134400,tok/s aggregate,§2.1 (for this test),"));

            var points = FigureFrames.RadarPoints(FigureTestData.Data, FigureInputs.Load(copy));

            Assert.False(points.Single(p => p.PlatformId == "cerebras" && p.AxisOrder == 2).IsBundleAssumption);
            Assert.True(points.Single(p => p.PlatformId == "groq" && p.AxisOrder == 2).IsBundleAssumption);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Each_end_of_an_assumed_value_is_ringed_once_and_the_legend_names_the_rings()
    {
        var figure = Figure(FigureFrames.RadarPoints(FigureTestData.Data, FigureTestData.Inputs));

        var rings = Assert.Single(Rings(figure));
        Assert.True(rings.GetProperty("showlegend").GetBoolean());
        Assert.Equal("circle-open", rings.GetProperty("marker").GetProperty("symbol").GetString());
        // Six ranged values on axes 2 and 5 (two rings each) = 12; axis 6: H100's single 10 (one ring) and the ranges of
        // B200 8-10, Groq 3-5, Cerebras 4-5 and the ASIC 0-1 (two each) = 9.
        Assert.Equal(21, rings.GetProperty("r").GetArrayLength());
        // Cerebras at batch 64: 134,400 tok/s (64 x 2,100, data/figures) over Table 2's H100 400 tok/s = 336x, the largest
        // value on axis 2, is ringed.
        var r = rings.GetProperty("r").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var theta = rings.GetProperty("theta").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains(Enumerable.Range(0, r.Count), i => Math.Abs(r[i] - 336) < 1e-9 && theta[i]!.StartsWith("2.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_hover_text_of_an_assumed_point_says_so_and_a_paper_point_does_not()
    {
        var figure = Figure(FigureFrames.RadarPoints(FigureTestData.Data, FigureTestData.Inputs));

        var cerebras = figure.GetProperty("data").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Cerebras WSE-3");
        var hover = cerebras.GetProperty("hovertext").EnumerateArray().Select(h => h.GetString()!).ToList();
        // Order of the closed polygon: axes 1-6, then axis 1 again.
        Assert.DoesNotContain("bundle assumption", hover[0]);
        Assert.Contains("<b>bundle assumption</b>", hover[1]);
        Assert.Contains("<b>bundle assumption</b>", hover[4]);
        Assert.Contains("<b>bundle assumption</b>", hover[5]);
        Assert.DoesNotContain("bundle assumption", hover[2]);
    }

    [Fact]
    public void The_subtitle_names_the_assumed_axes_and_the_largest_assumed_value()
    {
        var sentence = Fig1RadarInference.AssumptionSentence(FigureFrames.RadarPoints(FigureTestData.Data, FigureTestData.Inputs));

        Assert.Equal("Ringed points rest on bundle assumptions (data/figures), not on the paper: axis 6 for every platform; " +
            "axes 2 and 5 for B200, Groq LPU (cluster), Cerebras WSE-3; the highest point of axis 2 (Cerebras WSE-3, 336x) is one.", sentence);
    }

    [Fact]
    public void Without_assumed_points_the_chart_draws_no_rings_and_says_so()
    {
        var points = FigureFrames.RadarPoints(FigureTestData.Data, FigureTestData.Inputs).Select(p => p with { IsBundleAssumption = false }).ToList();

        Assert.Empty(Rings(Figure(points)));
        Assert.Equal("Every point rests on the paper's values.", Fig1RadarInference.AssumptionSentence(points));
    }
}
