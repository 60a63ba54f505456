using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using PuppeteerSharp;
using ReproBundle.Audit;
using ReproBundle.Browser;
using ReproBundle.Data;
using ReproBundle.Figures;
using ReproBundle.Notebooks;
using ReproBundle.Output;
using ReproBundle.Registry;
using ReproBundle.Site;
using ReproBundle.Tests.Registry;
using ReproBundle.Tests.Browser;
using Xunit;

namespace ReproBundle.Tests.Site;

/// <summary>
/// Opens every page of the generated site in headless Chromium from disk with the network off: no console
/// errors, no failed or non-file requests, every internal link and anchor resolves, and 18 entries are
/// listed. Keeps a screenshot of the home page at output/screenshots/site_home.png.
/// </summary>
[Collection(HeavyProcesses.Name)]
public class SiteBrowserTests(ReproducePngRun run)
{
    [Fact]
    public async Task Every_site_page_loads_offline_without_console_errors_and_every_internal_link_resolves()
    {
        var chromium = ChromiumLocator.Find();
        Assert.True(chromium is not null, $"Chromium not found: the browser test needs it. {ChromiumLocator.InstallHint}.");

        // The site of the one shared reproduce run with PNGs (so each figure's <img> link is followed too).
        var output = run.SucceededOutput();
        var site = Path.Combine(output, "site");
        // The site's own pages; exported figure files (site/figures/*.html, from the figures step) are only link targets here.
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(site, f).StartsWith("figures", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(5 + 18, pages.Count);

        await using var session = await TestChromium.LaunchAsync(chromium);
        var browser = session.Browser;
        var problems = new List<string>();
        void Problem(string text)
        {
            lock (problems) problems.Add(text);
        }
        var checkedLinks = 0;
        // Two tabs at a time: this collection runs alone, so each tab's renderer has a core of its own.
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (file, _) =>
        {
            var name = Path.GetRelativePath(site, file);
            await using var page = await browser.NewOfflineTabAsync();
            page.Console += (_, e) =>
            {
                if (e.Message.Type == ConsoleType.Error) Problem($"{name}: console error: {e.Message.Text}");
            };
            page.PageError += (_, e) => Problem($"{name}: page error: {e.Message}");
            page.RequestFailed += (_, e) => Problem($"{name}: request failed: {e.Request.Url} ({e.Request.FailureText})");
            page.Request += (_, e) =>
            {
                if (!e.Request.Url.StartsWith("file:", StringComparison.Ordinal)) Problem($"{name}: network request to {e.Request.Url}");
            };
            var response = await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
            Assert.True(response is null || response.Ok, $"{name}: did not load");

            var links = await page.EvaluateExpressionAsync<string[]>(
                "Array.from(document.querySelectorAll('a[href], link[href], img[src]')).map(e => e.getAttribute('href') ?? e.getAttribute('src'))");
            foreach (var link in links)
            {
                if (Regex.IsMatch(link, "^(https?|mailto):", RegexOptions.IgnoreCase)) continue; // external: not followed offline
                Interlocked.Increment(ref checkedLinks);
                var hash = link.IndexOf('#');
                var pathPart = hash >= 0 ? link[..hash] : link;
                var fragment = hash >= 0 ? link[(hash + 1)..] : "";
                var target = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(pathPart)));
                if (!File.Exists(target))
                {
                    Problem($"{name}: link '{link}' points to a missing file");
                    continue;
                }
                if (fragment.Length > 0 && !File.ReadAllText(target).Contains($"id=\"{fragment}\"", StringComparison.Ordinal))
                {
                    Problem($"{name}: link '{link}' points to a missing anchor");
                }
            }

            if (name == "registry.html")
            {
                Assert.Equal(18, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('tr.entry').length"));
            }
        });
        problems.Sort(StringComparer.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedLinks > 200, $"only {checkedLinks} internal links checked");

        // The screenshots one tab at a time, after the checks (a screenshot brings its tab to the front).
        var shots = Path.Combine(RegistryTestData.RepoRoot, "output", "screenshots");
        Directory.CreateDirectory(shots);
        foreach (var (name, shot) in new[] { ("index.html", "site_home.png"), ("dashboards.html", "site_dashboards.png"), ("entries/b16.html", "site_entry_b16.png") })
        {
            await using var page = await browser.NewOfflineTabAsync();
            await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
            await page.GoToAsync(new Uri(Path.Combine(site, name)).AbsoluteUri, WaitUntilNavigation.Load);
            await page.ScreenshotAsync(Path.Combine(shots, shot), new ScreenshotOptions { FullPage = name == "dashboards.html" });
        }
    }

    [Fact]
    public async Task A_notebook_page_shows_markdown_code_and_outputs_draws_its_chart_offline_and_links_both_ways()
    {
        var chromium = ChromiumLocator.Find();
        Assert.True(chromium is not null, $"Chromium not found: the browser test needs it. {ChromiumLocator.InstallHint}.");
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-notebook-" + Guid.NewGuid().ToString("N"));
        try
        {
            // An executed notebook without a kernel: notebook 05's source, with the outputs the notebooks' own formatters
            // (notebooks/setup.csx) give for Fig. 2, a frame and a stream.
            var document = NotebookFile.Read(Path.Combine(RegistryTestData.RepoRoot, "notebooks", "05-figures.ipynb"));
            var data = PaperData.Load(RegistryTestData.DataDirectory);
            var fig2Cell = document.Elements.Single(e => e.Contents.Contains("PlatformBarFigures.CostPerMillionTokens(", StringComparison.Ordinal));
            var chart = PlatformBarFigures.CostPerMillionTokens(FigureFrames.PlatformRows(data), data.Values);
            fig2Cell.Outputs.Add(new DisplayElement(new Dictionary<string, object>
            {
                ["text/html"] = NotebookDisplay.StableChartHtml(Plotly.NET.GenericChart.toChartHTML(chart), 1),
            }));
            var frameCell = document.Elements.First(e => !NotebookFile.IsMarkdown(e) && e.Contents.Contains("FigureFrames.Platforms(data)", StringComparison.Ordinal));
            frameCell.Outputs.Add(new DisplayElement(new Dictionary<string, object> { ["text/html"] = "<table class=\"reprobundle-frame\"><tr><td>B200</td></tr></table>" }));
            frameCell.Outputs.Add(new TextElement("streams <per> $1M\n", "stdout"));

            using (var stage = new OutputStage(Path.Combine(root, "output")))
            {
                StaticSite.Write(stage, RegistryTestData.Seed(), [], StaticSite.PaperFigures, [], BibReference.Load(Path.Combine(RegistryTestData.DataDirectory, "references.bib")),
                    new SiteOptions(Notebooks: [new SiteNotebook("05-figures", document)]));
                stage.Commit();
            }
            var site = Path.Combine(root, "output", "site");
            var page = Path.Combine(site, "notebooks", "05-figures.html");
            var html = File.ReadAllText(page);
            Assert.Contains("<h1>05 · Figures (§5)</h1>", html);
            Assert.Contains($"<section class=\"nb-code\" id=\"{fig2Cell.Id}\">", html);
            Assert.Contains("<pre class=\"nb-source\"><code>PlatformBarFigures.CostPerMillionTokens(FigureFrames.PlatformRows(data), data.Values)</code></pre>", html);
            Assert.Contains("<pre class=\"nb-output\">streams &lt;per&gt; $1M&#xA;</pre>", html); // the standard encoder writes a newline as &#xA;
            Assert.Contains("<a href=\"../index.html#figure-fig2_cost_per_mtokens\">figure-fig2_cost_per_mtokens</a>", html);
            Assert.DoesNotContain("cdn.plot.ly", html);
            var index = File.ReadAllText(Path.Combine(site, "index.html"));
            Assert.Contains($"<a class=\"nb-link\" href=\"notebooks/05-figures.html#{fig2Cell.Id}\">Drawn in notebook 05 · Figures (§5), cell {fig2Cell.Id}</a>", index);
            Assert.Contains("<li><a href=\"notebooks/05-figures.html\">05 · Figures (§5)</a></li>", index);

            await using var session = await TestChromium.LaunchAsync(chromium);
            await using var tab = await session.Browser.NewOfflineTabAsync();
            var problems = new List<string>();
            tab.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) problems.Add($"console error: {e.Message.Text}"); };
            tab.PageError += (_, e) => problems.Add($"page error: {e.Message}");
            tab.RequestFailed += (_, e) => problems.Add($"request failed: {e.Request.Url}");
            // data: URLs are plotly.js probing image support in memory, not network requests.
            tab.Request += (_, e) =>
            {
                if (!e.Request.Url.StartsWith("file:", StringComparison.Ordinal) && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal)) problems.Add($"network request to {e.Request.Url}");
            };
            await tab.GoToAsync(new Uri(page).AbsoluteUri, WaitUntilNavigation.Load);
            // plotly.js (3.6 MB) is evaluated from disk; on a loaded machine that can take a while, so poll rather than hold one long call.
            var drawn = 0;
            for (var i = 0; i < 180 && drawn == 0 && problems.Count == 0; i++)
            {
                drawn = await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('.js-plotly-plot .main-svg').length");
                if (drawn == 0) await Task.Delay(1000);
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(drawn > 0, "the chart was not drawn");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }
}
