using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Figures;

using Xunit;

namespace ReproBundle.Tests.Figures;

public class FigureFramesTests
{
    private static IReadOnlyList<RadarPoint> Points => FigureFrames.RadarPoints(FigureTestData.Data, FigureTestData.Inputs);

    [Fact]
    public void Radar_has_five_platforms_on_six_axes_and_excludes_Etched_Sohu()
    {
        Assert.Equal(30, Points.Count);
        Assert.Equal(["h100", "b200", "groq", "cerebras", "custom_asic"], Points.Select(p => p.PlatformId).Distinct());
        Assert.DoesNotContain(Points, p => p.PlatformId == "etched");
        Assert.All(Points.GroupBy(p => p.PlatformId), g => Assert.Equal([1, 2, 3, 4, 5, 6], g.Select(p => p.AxisOrder)));
    }

    [Fact]
    public void H100_is_one_on_every_ratio_axis_and_maturity_is_plotted_as_the_score_itself()
    {
        Assert.All(Points.Where(p => p.PlatformId == "h100" && p.IsRatio), p => Assert.Equal((1.0, 1.0), (p.PlottedLo, p.PlottedHi)));
        Assert.All(Points.Where(p => !p.IsRatio), p => Assert.Equal((p.ValueLo, p.ValueHi), (p.PlottedLo, p.PlottedHi)));
        Assert.All(Points.Where(p => !p.IsRatio), p => Assert.Equal("software_maturity", p.AxisId));
    }

    [Theory]
    // Table 2 (§4.1) by interval arithmetic, by hand: "higher is better" rows ASIC / H100 = [asic.lo / h100.hi, asic.hi / h100.lo],
    // "lower is better" rows H100 / ASIC = [h100.lo / asic.hi, h100.hi / asic.lo].
    [InlineData("decode_single", 300.0 / 25, 800.0 / 15)]          // 300-800 over 15-25 tok/s: 12-53.3
    [InlineData("decode_batch64", 12_000.0 / 900, 40_000.0 / 400)] // 12,000-40,000 over 400-900 tok/s: 13.3-100
    [InlineData("energy_efficiency", 30 / 1.5, 60 / 0.3)]         // 30-60 over 0.3-1.5 J/token: 20-200
    [InlineData("cost_efficiency", 15 / 1.5, 40 / 0.2)]           // $15-40 over $0.20-1.50 per M tokens: 10-200
    [InlineData("max_context", 200.0 / 200, 500.0 / 100)]         // 200-500 over 100-200 K tokens: 1-5
    public void The_projected_ASIC_ratios_are_Table_2_interval_arithmetic_ratios(string axis, double lo, double hi)
    {
        var point = Points.Single(p => p.PlatformId == "custom_asic" && p.AxisId == axis);
        Assert.Equal(lo, point.PlottedLo, 1e-9);
        Assert.Equal(hi, point.PlottedHi, 1e-9);
    }

    [Fact]
    public void Groq_energy_efficiency_is_below_H100_because_its_cluster_spends_more_joules_per_token()
    {
        // Table 1: Groq ~200-240 J/token against H100's 20-25 J: the radar must show Groq inside H100's ring on axis 3.
        var groq = Points.Single(p => p.PlatformId == "groq" && p.AxisId == "energy_efficiency");
        Assert.True(groq.PlottedHi < 1, $"Groq energy-efficiency ratio {groq.PlottedLo}-{groq.PlottedHi} should be below 1");
    }

    [Fact]
    public void Every_radar_point_names_its_source_and_assumed_values_say_bundle_assumption()
    {
        Assert.All(Points, p => Assert.False(string.IsNullOrWhiteSpace(p.Source)));
        foreach (var a in FigureTestData.Inputs.Assumptions)
        {
            var point = Points.Single(p => p.PlatformId == a.PlatformId && p.AxisId == a.AxisId);
            Assert.StartsWith("bundle-assumption", point.Source);
            Assert.Equal((a.Value.Lo, a.Value.Hi), (point.ValueLo, point.ValueHi));
        }
    }

    [Fact]
    public void Platform_rows_are_all_six_Appendix_D_rows_with_their_legend_class_and_the_frame_shows_the_same_rows()
    {
        var rows = FigureFrames.PlatformRows(FigureTestData.Data);
        Assert.Equal(["published", "published", "published", "published", "vendor-claim", "projection"], rows.Select(r => r.Status));
        var frame = FigureFrames.Platforms(FigureTestData.Data);
        Assert.Equal(6, frame.RowCount);
        Assert.Equal(rows.Select(r => r.Status), frame.GetColumn<string>(nameof(PlatformProjection.Status)).Values);
    }

    [Fact]
    public void Every_frame_has_one_column_per_property_of_the_record_it_shows()
    {
        // The notebooks display these frames; the figures draw the records. Both must hold the same fields.
        Assert.Equal(typeof(RadarPoint).GetProperties().Select(p => p.Name).Order(),
            FigureFrames.Radar(FigureTestData.Data, FigureTestData.Inputs).ColumnKeys.Order());
        Assert.Equal(typeof(Table2RatioPoint).GetProperties().Select(p => p.Name).Order(),
            FigureFrames.Table2Ratios(FigureTestData.Data).ColumnKeys.Order());
        Assert.Equal(30, FigureFrames.Radar(FigureTestData.Data, FigureTestData.Inputs).RowCount);
    }
}
