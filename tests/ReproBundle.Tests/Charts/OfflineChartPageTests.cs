using Plotly.NET.CSharp;
using Plotly.NET;
using ReproBundle.Charts;
using Xunit;

namespace ReproBundle.Tests.Charts;

/// <summary>The escaping every offline chart page goes through: the figures of <c>reproduce</c> and the twins' charts.</summary>
public class OfflineChartPageTests
{
    private const string Payload = "</script><script>window.__pwned=1</script><!--";

    [Fact]
    public void Text_that_would_close_the_render_script_stays_a_json_string_on_a_plotly_net_page()
    {
        var chart = Plotly.NET.CSharp.Chart.Column<double, string, string>(new[] { 1.0 }, Keys: new[] { Payload }, Name: Payload);
        var page = GenericChart.toEmbeddedHTML(chart).Replace("\r\n", "\n");
        Assert.Contains(Payload, page); // Plotly.NET writes the text as it is

        var safe = OfflineChartPage.EscapeEmbeddedJson(page, "test chart");

        Assert.DoesNotContain(Payload, safe);
        Assert.Contains("\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e\\u003c!--", safe);
        // Only the three JSON lines changed: the page around them is Plotly.NET's.
        Assert.Equal(page.Split('\n').Length, safe.Split('\n').Length);
    }

    [Fact]
    public void A_page_without_the_three_json_lines_is_refused_with_the_charts_name() =>
        Assert.Contains("twin 04, cell x", Assert.Throws<InvalidOperationException>(() => OfflineChartPage.EscapeEmbeddedJson("<html></html>", "twin 04, cell x")).Message);
}
