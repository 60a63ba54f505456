using PuppeteerSharp;
using PuppeteerSharp.Mobile;
using ReproBundle.Figures;
using ReproBundle.Tests.Figures;

using Xunit;

namespace ReproBundle.Tests.Browser;

[Collection(HeavyProcesses.Name)]
public class FigureHtmlInBrowserTests(FigureBrowserFixture browser) : IClassFixture<FigureBrowserFixture>
{
    public static TheoryData<string> Names => FigureTestData.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_figure_html_draws_offline_from_disk_with_no_console_errors(string name)
    {
        var html = browser.Stage.PathFor($"figures/{name}.html");
        await using var page = await browser.Session.Browser.NewPageAsync();
        var offPage = new List<string>();
        var errors = new List<string>();
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            var url = e.Request.Url;
            if (url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) ||
                url.StartsWith("blob:", StringComparison.Ordinal) || url.StartsWith("about:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                lock (offPage) offPage.Add(url);
                await e.Request.AbortAsync();
            }
        };
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) lock (errors) errors.Add(e.Message.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e.Message); };

        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(browser.Stage.PathFor($"figures/{name}.json")))!;
        var width = json["layout"]?["width"]?.GetValue<int>() ?? FigureWriter.DefaultWidth;
        var height = json["layout"]?["height"]?.GetValue<int>() ?? FigureWriter.DefaultHeight;
        await page.SetViewportAsync(new ViewPortOptions { Width = width + 40, Height = height + 40 });
        await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);
        await page.WaitForSelectorAsync($"#{FigureWriter.DivId(name)} .main-svg", new WaitForSelectorOptions { Timeout = 60_000 });
        var traces = await page.EvaluateExpressionAsync<int>($"document.getElementById('{FigureWriter.DivId(name)}').data.length");
        var expectedTraces = json["data"]!.AsArray().Count;

        var screenshots = Path.Combine(FigureTestData.RepoRoot, "output", "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(Path.Combine(screenshots, $"{name}.png"), new ScreenshotOptions { FullPage = true });

        Assert.True(offPage.Count == 0, $"{name}.html asked the network for: {string.Join(", ", offPage)}");
        Assert.True(errors.Count == 0, $"{name}.html logged errors: {string.Join(" | ", errors)}");
        Assert.Equal(expectedTraces, traces);
    }
}
