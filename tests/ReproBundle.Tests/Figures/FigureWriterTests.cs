using System.Globalization;
using System.Text.RegularExpressions;
using ReproBundle.Figures;
using ReproBundle.Output;

using Xunit;

namespace ReproBundle.Tests.Figures;

public class FigureWriterTests
{
    private static Dictionary<string, byte[]> WriteAll(string outputRoot)
    {
        using var stage = new OutputStage(outputRoot);
        PaperFigures.Write(stage, FigureTestData.Data, FigureTestData.Inputs);
        return stage.WrittenFiles.Keys.ToDictionary(k => k, k => File.ReadAllBytes(stage.PathFor(k)));
    }

    [Fact]
    public void Two_writes_give_byte_identical_html_and_json_even_under_de_DE_culture()
    {
        var root = Directory.CreateTempSubdirectory("reprobundle-fig-").FullName;
        var first = WriteAll(Path.Combine(root, "a"));
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        Dictionary<string, byte[]> second;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            second = WriteAll(Path.Combine(root, "b"));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
        Assert.Equal(first.Keys.Order(), second.Keys.Order());
        // An HTML and a JSON file per figure, and the one plotly.min.js they all load.
        Assert.Equal(FigureTestData.NameList.Count * 2 + 1, first.Count);
        Assert.Contains("figures/plotly.min.js", first.Keys);
        foreach (var (path, bytes) in first) Assert.True(bytes.AsSpan().SequenceEqual(second[path]), $"{path} differs between runs");
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [MemberData(nameof(FigureTestData.Names), MemberType = typeof(FigureTestData))]
    public void Html_loads_the_one_local_plotly_js_and_uses_a_div_id_derived_from_the_name_instead_of_a_guid(string name)
    {
        var chart = PaperFigures.Charts(FigureTestData.Data, FigureTestData.Inputs).Single(c => c.Name == name).Chart;
        var html = FigureWriter.Html(name, chart);
        Assert.Contains($"<div id=\"fig-{name}\">", html);
        Assert.Contains($"Plotly.newPlot('fig-{name}'", html);
        // Exactly one script reference, to plotly.min.js in the same folder: no CDN, no embedded 3.6 MB copy.
        var sources = Regex.Matches(html, "<script[^>]*\\ssrc\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["plotly.min.js"], sources);
        Assert.DoesNotContain("plotly.js v2.", html);
        Assert.True(html.Length < 100_000, $"{name}.html is {html.Length} characters: plotly.js must not be embedded");
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), html);
        Assert.Equal(html, OutputStage.Utf8.GetString(FigureWriter.HtmlBytes(name, chart)));
    }

    [Fact]
    public void The_figures_folder_holds_plotly_js_once_as_plotly_net_ships_it()
    {
        var root = Directory.CreateTempSubdirectory("reprobundle-fig-").FullName;
        var files = WriteAll(Path.Combine(root, "out"));
        var js = OutputStage.Utf8.GetString(files["figures/plotly.min.js"]);
        Assert.StartsWith("/**", js);
        Assert.Contains("plotly.js v2.", js[..200]);
        Assert.True(js.Length > 3_000_000, $"plotly.min.js is {js.Length} characters, expected the full 3.6 MB build");
        Assert.Single(files.Keys, k => k.EndsWith(".js", StringComparison.Ordinal));
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Without_chromium_pngs_are_skipped_with_one_line_saying_how_to_get_them()
    {
        var root = Directory.CreateTempSubdirectory("reprobundle-fig-").FullName;
        using var stage = new OutputStage(Path.Combine(root, "out"));
        PaperFigures.Write(stage, FigureTestData.Data, FigureTestData.Inputs);
        var log = new StringWriter();
        var outcome = FigureWriter.RenderPngsWith(stage, log, renderer: null, chromiumPath: null);
        Assert.Equal(0, outcome.Written);
        Assert.Empty(outcome.Missing);
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("apt-get install -y chromium-headless-shell", lines[0]);
        Assert.DoesNotContain(stage.WrittenFiles.Keys, k => k.EndsWith(".png", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Fig1")]
    [InlineData("fig 1")]
    [InlineData("../fig1")]
    [InlineData("")]
    public void A_figure_name_that_is_not_a_safe_file_name_is_refused(string name)
    {
        var root = Directory.CreateTempSubdirectory("reprobundle-fig-").FullName;
        using var stage = new OutputStage(Path.Combine(root, "out"));
        var chart = PaperFigures.Charts(FigureTestData.Data, FigureTestData.Inputs)[0].Chart;
        Assert.Throws<ArgumentException>(() => FigureWriter.Write(stage, name, chart));
    }
}
