using System.Text.RegularExpressions;
using PuppeteerSharp;
using ReproBundle.Browser;
using ReproBundle.Tests.Registry;
using Xunit;

namespace ReproBundle.Tests.Site;

/// <summary>
/// Opens every page of the generated site in headless Chromium from disk with the network off: no console
/// errors, no failed or non-file requests, every internal link and anchor resolves, and 18 entries are
/// listed. Keeps a screenshot of the home page at output/screenshots/site_home.png.
/// </summary>
[Collection(HeavyProcesses.Name)]
public class SiteBrowserTests
{
    [Fact]
    public async Task Every_site_page_loads_offline_without_console_errors_and_every_internal_link_resolves()
    {
        var chromium = ChromiumLocator.Find();
        Assert.True(chromium is not null, $"Chromium not found: the browser test needs it. {ChromiumLocator.InstallHint}.");

        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-browser-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(root, "output");
        var profile = Path.Combine(root, "profile");
        try
        {
            Reproduction.Run(new ReproduceOptions(RegistryTestData.DataDirectory, output), TextWriter.Null);
            var site = Path.Combine(output, "site");
            // The site's own pages; exported figure files (site/figures/*.html, from the figures step) are only link targets here.
            var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(site, f).StartsWith("figures", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(5 + 18, pages.Count);

            await using var session = await ChromiumLocator.LaunchAsync(chromium);
            var browser = session.Browser;
            var problems = new List<string>();
            var checkedLinks = 0;
            foreach (var file in pages)
            {
                var name = Path.GetRelativePath(site, file);
                await using var page = await browser.NewPageAsync();
                page.DefaultTimeout = 180_000;
                page.DefaultNavigationTimeout = 180_000;
                await page.SetOfflineModeAsync(true);
                page.Console += (_, e) =>
                {
                    if (e.Message.Type == ConsoleType.Error) problems.Add($"{name}: console error: {e.Message.Text}");
                };
                page.PageError += (_, e) => problems.Add($"{name}: page error: {e.Message}");
                page.RequestFailed += (_, e) => problems.Add($"{name}: request failed: {e.Request.Url} ({e.Request.FailureText})");
                page.Request += (_, e) =>
                {
                    if (!e.Request.Url.StartsWith("file:", StringComparison.Ordinal)) problems.Add($"{name}: network request to {e.Request.Url}");
                };
                var response = await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
                Assert.True(response is null || response.Ok, $"{name}: did not load");

                var links = await page.EvaluateExpressionAsync<string[]>(
                    "Array.from(document.querySelectorAll('a[href], link[href], img[src]')).map(e => e.getAttribute('href') ?? e.getAttribute('src'))");
                foreach (var link in links)
                {
                    if (Regex.IsMatch(link, "^(https?|mailto):", RegexOptions.IgnoreCase)) continue; // external: not followed offline
                    checkedLinks++;
                    var hash = link.IndexOf('#');
                    var pathPart = hash >= 0 ? link[..hash] : link;
                    var fragment = hash >= 0 ? link[(hash + 1)..] : "";
                    var target = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(pathPart)));
                    if (!File.Exists(target))
                    {
                        problems.Add($"{name}: link '{link}' points to a missing file");
                        continue;
                    }
                    if (fragment.Length > 0 && !File.ReadAllText(target).Contains($"id=\"{fragment}\"", StringComparison.Ordinal))
                    {
                        problems.Add($"{name}: link '{link}' points to a missing anchor");
                    }
                }

                if (name == "registry.html")
                {
                    Assert.Equal(18, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('tr.entry').length"));
                }
                if (name is "index.html" or "dashboards.html" or "entries/b16.html")
                {
                    var shots = Path.Combine(RegistryTestData.RepoRoot, "output", "screenshots");
                    Directory.CreateDirectory(shots);
                    await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
                    var shot = name switch { "index.html" => "site_home.png", "dashboards.html" => "site_dashboards.png", _ => "site_entry_b16.png" };
                    await page.ScreenshotAsync(Path.Combine(shots, shot), new ScreenshotOptions { FullPage = name == "dashboards.html" });
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(checkedLinks > 200, $"only {checkedLinks} internal links checked");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }
}
