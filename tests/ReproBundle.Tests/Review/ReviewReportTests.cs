using System.Text.RegularExpressions;
using PuppeteerSharp;
using ReproBundle.Audit;
using ReproBundle.Browser;
using ReproBundle.Review;
using ReproBundle.Tests.Browser;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Review;

/// <summary>
/// Issue 25's reviewer: quantity names with a rationale (one holding Markdown and HTML), a place set alone beside its
/// quantity, and <c>table2.cost_per_mtok.asic: "0.3-2"</c> (issue 23, item 5); two in-process <c>reproduce</c> runs into
/// two folders (no PNG, a small Monte Carlo) to compare bytes.
/// </summary>
public sealed class ReviewRun : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();

    /// <summary>The assumptions file's text.</summary>
    public const string Yaml = "h100.decode_tok_s: {value: 40, why: \"MLPerf *v5.0* <b>shows</b> | [40](http://x) tok/s\"}\n"
        + "utilization: 0.5\nappc.asic.utilization: 0.8\ntable2.cost_per_mtok.asic: \"0.3-2\"\n";

    public ReviewRun()
    {
        var assumptions = Path.Combine(_temp.Path, "mine.yaml");
        File.WriteAllText(assumptions, Yaml);
        var settings = new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1);
        Output = Path.Combine(_temp.Path, "out");
        Second = Path.Combine(_temp.Path, "again");
        var log = new StringWriter();
        Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, Output, assumptions, Png: false, MonteCarlo: settings), log);
        Log = log.ToString();
        Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, Second, assumptions, Png: false, MonteCarlo: settings), new StringWriter());
    }

    /// <summary>The first run's output folder.</summary>
    public string Output { get; }

    /// <summary>The second run's output folder.</summary>
    public string Second { get; }

    /// <summary>What the first run printed.</summary>
    public string Log { get; }

    public void Dispose() => _temp.Dispose();
}

public class ReviewReportTests(ReviewRun run) : IClassFixture<ReviewRun>
{
    private string Read(string path) => File.ReadAllText(Path.Combine(run.Output, path));

    [Fact]
    public void Review_md_is_written_twice_to_the_same_bytes()
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(run.Output, "review.md")), File.ReadAllBytes(Path.Combine(run.Second, "review.md")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(run.Output, "site", "your-assumptions.html")), File.ReadAllBytes(Path.Combine(run.Second, "site", "your-assumptions.html")));
    }

    [Fact]
    public void Review_md_gives_each_name_its_rationale_escaped_and_its_fan_out()
    {
        var md = Read("review.md");
        Assert.Contains("- **`h100.decode_tok_s` = 40**, one value for 4 places of the paper: `s1.h100_decode_tok_s` 30 -> 40; `table1.h100.tok_s_deployment` 28-35 -> 40; "
            + "`table2.decode_single.h100` 15-25 -> 40; `appc.h100.tok_s` 25 -> 40 (mine.yaml, line 1).\n", md);
        Assert.Contains("  Why: MLPerf \\*v5.0\\* \\<b\\>shows\\</b\\> \\| \\[40\\](http://x) tok/s\n", md);
        Assert.Contains("`appc.asic.utilization` set by a more specific name", md);
        Assert.Contains("  Why: (no rationale given; add `why:` to the value in the file)\n", md);
        Assert.DoesNotContain("<b>", md);
    }

    [Fact]
    public void Review_md_lists_the_headline_changes_and_the_flipped_verdicts_with_their_quotes()
    {
        var md = Read("review.md");
        // Appendix C: D_H100 = 1e6 / 30000 * 40 / 5 * 0.5 = 133.3 (paper 116.7); D_ASIC unchanged at 6666.7: ratio 50 (paper 57.1).
        Assert.Contains("| Appendix C: D\\_ASIC / D\\_H100, worked examples | 57.1 | 50 | x |\n", md);
        Assert.Contains("| Appendix C: D\\_H100 at utilization, H100 worked example | 117 | 133 | streams per $1M |\n", md);
        // t = 40 makes Appendix C's streams per node 40 / 5 = 8 against the printed 5.
        Assert.Contains("- Appendix C, \"$\\\\text{streams\\_per\\_node} = 25 / 5 = 5$\": reproduces -> **differs** (recomputed 5 streams -> 8 streams; driven by `h100.decode_tok_s`; claim `appc.h100.streams_per_node`)\n", md);
        Assert.Contains("## Findings whose materiality changes\n", md);
    }

    [Fact]
    public void Headline_rows_keep_their_ids_when_a_table_2_cell_changes_so_no_reviewer_cell_is_empty()
    {
        var lines = Read("claims_diff_headlines.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var midpoint = lines.Where(l => l.StartsWith("s4_3.nodes_shipped.midpoint_vs_table2_", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, midpoint.Count);
        Assert.All(midpoint, l => Assert.Matches(@",\d+(\.\d+)?,yes$", l));
        Assert.All(lines.Skip(1), l => Assert.DoesNotMatch(@",,(yes|no)$", l));
        // The ids hold no input value: the same ids as a run with the paper's inputs would have, and no digits of a price.
        Assert.Contains("s4_3.nodes_shipped.midpoint_vs_table2_low.3x_printed_bound,", Read("claims_diff_headlines.csv"));
    }

    [Fact]
    public void Every_site_page_has_a_banner_of_three_lines_linking_to_the_comparison_page()
    {
        var site = Path.Combine(run.Output, "site");
        var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(site, f).StartsWith("figures", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 24);
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            var banner = Regex.Match(html, "<div class=\"warning reviewer-banner\" role=\"note\">(.*?)</div>", RegexOptions.Singleline);
            Assert.True(banner.Success, page);
            Assert.Equal(2, Regex.Matches(banner.Groups[1].Value, "<br>").Count);
            var up = string.Concat(Enumerable.Repeat("../", Path.GetRelativePath(site, page).Count(c => c == '/')));
            Assert.Contains($"<a href=\"{up}your-assumptions.html\">See what your assumptions change</a>", banner.Groups[1].Value);
            Assert.Contains("4 name(s) from <code>mine.yaml</code>", banner.Groups[1].Value);
            Assert.DoesNotContain("s4_3.", banner.Groups[1].Value);
        }
    }

    [Fact]
    public void The_comparison_page_shows_quotes_not_ids_and_encodes_the_rationale()
    {
        var html = Read(Path.Combine("site", "your-assumptions.html"));
        Assert.Contains("<td>Appendix C</td><td>$\\text{streams_per_node} = 25 / 5 = 5$ <span class=\"id\">appc.h100.streams_per_node</span></td>", html);
        Assert.Contains("MLPerf *v5.0* &lt;b&gt;shows&lt;/b&gt; | [40](http://x) tok/s", html);
        Assert.Contains("<li><code>appc.h100.tok_s</code> 25 → 40</li>", html);
        Assert.Contains("<code>appc.asic.utilization</code> keeps the value of a more specific name in your file", html);
        Assert.Contains("<a href=\"../review.md\">review.md</a>", html);
        // A machine id only ever appears inside <code> or the small id span, never as a cell's text.
        Assert.DoesNotMatch("<td>[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)+</td>", html);
    }

    [Fact]
    public void The_console_says_which_place_keeps_a_more_specific_value()
    {
        Assert.Contains("h100.decode_tok_s (quantity name) -> reviewer 40 (mine.yaml:1) sets s1.h100_decode_tok_s (30 -> 40), table1.h100.tok_s_deployment (28-35 -> 40)", run.Log);
        Assert.Contains("note: appc.asic.utilization takes the value of a more specific name in the file, not utilization's (the more specific name wins)", run.Log);
        Assert.Contains("review.md", run.Log);
    }
}

/// <summary>The comparison page and its banner in headless Chromium, offline: the banner fits in three lines and its link opens the page.</summary>
[Collection(HeavyProcesses.Name)]
public class ReviewPageBrowserTests(ReviewRun run) : IClassFixture<ReviewRun>
{
    [Fact]
    public async Task The_banner_is_at_most_three_lines_high_and_its_link_opens_the_comparison_offline()
    {
        var chromium = ChromiumLocator.Find();
        Assert.True(chromium is not null, $"Chromium not found: the browser test needs it. {ChromiumLocator.InstallHint}.");
        await using var session = await TestChromium.LaunchAsync(chromium);
        await using var page = await session.Browser.NewOfflineTabAsync();
        var problems = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) problems.Add(e.Message.Text); };
        page.Request += (_, e) => { if (!e.Request.Url.StartsWith("file:", StringComparison.Ordinal)) problems.Add(e.Request.Url); };
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        var entry = Directory.GetFiles(Path.Combine(run.Output, "site", "entries"), "*.html").Order(StringComparer.Ordinal).First();
        await page.GoToAsync(new Uri(entry).AbsoluteUri, WaitUntilNavigation.Load);
        var measured = await page.EvaluateFunctionAsync<double[]>(
            "() => { const b = document.querySelector('.reviewer-banner'); const s = getComputedStyle(b); return [b.getBoundingClientRect().height, parseFloat(s.lineHeight)]; }");
        var (height, lineHeight) = (measured[0], measured[1]);
        // Three lines of text (the subscripts of D_ASIC / D_H100 stretch one a little) plus the padding (0.4rem top and bottom at 16 px): under four lines.
        Assert.InRange(height, lineHeight * 2, lineHeight * 3.5 + 2 * 0.4 * 16);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync(".reviewer-banner a"));
        Assert.EndsWith("/site/your-assumptions.html", page.Url);
        var flipped = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#flipped tbody tr').length");
        Assert.True(flipped > 0);
        Assert.Empty(problems);
    }
}

/// <summary>Issue 23, item 5: the §4.3 rows (break_even.csv, the headline numbers) are keyed by ids that hold no input value.</summary>
public class StableIdTests
{
    [Fact]
    public void Break_even_ids_are_unique_and_the_same_whatever_the_inputs()
    {
        var paper = ReproBundle.Data.PaperData.Load(TestPaths.DataDir);
        using var temp = TestPaths.NewTempDir();
        var file = Path.Combine(temp.Path, "t.yaml");
        File.WriteAllText(file, "table2.cost_per_mtok.asic: \"0.3-2\"\nasic.capex_usd: 30000\nnre.tapeout_usd: 90e6\n");
        var mine = ReproBundle.Data.AssumptionOverrides.Load(file, paper).Apply(paper);
        var settings = new MonteCarloSettings(500, MonteCarloSettings.DefaultSeed, 1);
        var a = UncertaintyAnalysis.Run(paper, settings).BreakEven.Select(b => b.Id).ToList();
        var b = UncertaintyAnalysis.Run(mine, settings).BreakEven.Select(b => b.Id).ToList();
        Assert.Equal(a.Count, a.Distinct().Count());
        Assert.Equal(a, b);
        Assert.Contains("s4_3.nodes_shipped.midpoint_vs_table2_high.10x_printed_bound", a);
        // No id carries a price, volume or other input: only the 3x / 10x / 100k of the paper's own conditions.
        Assert.All(a, id => Assert.Matches(@"^s4_3\.[a-z_]+\.[a-z0-9_]+\.(3x|10x)?[a-z_0-9]*$", id));
    }
}
