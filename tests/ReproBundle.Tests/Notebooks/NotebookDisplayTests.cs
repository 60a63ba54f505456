using Xunit;
using System.Globalization;
using Deedle;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

public class NotebookDisplayTests
{
    // The notebooks hold no number formatter of their own: they show what the bundle's sentences show
    // (Quantity.Text, tested with the model). These values are exact in every formatting the bundle has used.
    [Theory]
    [InlineData(30000, "30000")]
    [InlineData(0.7, "0.7")]
    [InlineData(0.0375, "0.0375")]
    [InlineData(0, "0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(116.66666666666667, null)]
    [InlineData(3.35e12, null)]
    public void A_number_shows_as_the_bundles_sentences_show_it(double value, string? exact)
    {
        Assert.Equal(Quantity.Text(value), NotebookDisplay.FormatNumber(value));
        if (exact is not null) Assert.Equal(exact, NotebookDisplay.FormatNumber(value));
    }

    [Fact]
    public void Numbers_and_ranges_look_the_same_under_a_German_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        var range = new Interval(750.0 / 576, 750.0 / 568);
        var invariant = (NotebookDisplay.FormatNumber(116.66666666666667), NotebookDisplay.FormatInterval(range));
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, (NotebookDisplay.FormatNumber(116.66666666666667), NotebookDisplay.FormatInterval(range)));
            Assert.StartsWith("11", NotebookDisplay.FormatNumber(116.66666666666667));
            Assert.StartsWith("1.3", NotebookDisplay.FormatInterval(range));
            Assert.DoesNotContain(",", NotebookDisplay.FormatInterval(range));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void A_point_range_shows_as_one_number() => Assert.Equal("5", NotebookDisplay.FormatInterval(Interval.Point(5)));

    private sealed record Row(string Platform, double Value, Interval Range);

    [Fact]
    public void A_frame_becomes_an_html_table_with_one_row_per_record_and_encoded_text()
    {
        var frame = Frame.FromRecords(new[] { new Row("H100 <SXM>", 116.66666666666667, new Interval(20, 25)), new Row("B200", 0.5, Interval.Point(7)) });
        var html = NotebookDisplay.FrameToHtml((object)frame);
        Assert.StartsWith("<table class=\"reprobundle-frame\"><thead><tr><th></th><th>Platform</th><th>Value</th><th>Range</th></tr></thead>", html);
        Assert.Contains($"<tr><th>0</th><td>H100 &lt;SXM&gt;</td><td>{Quantity.Text(116.66666666666667)}</td><td>20-25</td></tr>", html);
        Assert.Contains("<tr><th>1</th><td>B200</td><td>0.5</td><td>7</td></tr>", html);
    }

    [Fact]
    public void Something_other_than_a_frame_is_refused() =>
        Assert.Throws<ArgumentException>(() => NotebookDisplay.FrameToHtml(new List<int>()));

    private const string Chart =
        "<div id=\"8d8a8a67-b232-4797-ad8a-66f84467786f\"></div><script>var renderPlotly_8d8a8a67b2324797ad8a66f84467786f = 1; " +
        "document.getElementById('8d8a8a67-b232-4797-ad8a-66f84467786f')</script>";

    [Fact]
    public void A_chart_keeps_its_ids_consistent_but_loses_the_random_guid()
    {
        var stable = NotebookDisplay.StableChartHtml(Chart, 1);
        Assert.DoesNotContain("8d8a8a67", stable);
        var id = NotebookDisplay.GuidPattern().Match(stable).Value;
        Assert.Equal(2, stable.Split(id).Length - 1);
        Assert.Contains($"renderPlotly_{id.Replace("-", "")}", stable);
    }

    [Fact]
    public void The_same_chart_in_the_same_place_gives_the_same_html_whatever_guid_plotly_drew()
    {
        var other = Chart.Replace("8d8a8a67-b232-4797-ad8a-66f84467786f", "0f0f0f0f-1111-2222-3333-444444444444")
                         .Replace("8d8a8a67b2324797ad8a66f84467786f", "0f0f0f0f111122223333444444444444");
        Assert.Equal(NotebookDisplay.StableChartHtml(Chart, 3), NotebookDisplay.StableChartHtml(other, 3));
        Assert.NotEqual(NotebookDisplay.StableChartHtml(Chart, 3), NotebookDisplay.StableChartHtml(Chart, 4));
    }
}
