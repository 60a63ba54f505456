using PuppeteerSharp;
using ReproBundle.Browser;
using ReproBundle.Uncertainty;
using ReproBundle.Tests.Browser;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Script injection (issue 13, class 2): <c>&lt;/script&gt;&lt;script&gt;</c> payloads planted in text fields of a copy
/// of data/ (a registry type, a Table 1 platform name, a Table 2 metric name, a claim quote, a BibTeX title, a radar
/// rationale) reach the generated pages and figures as text, and no page or figure runs them in headless Chromium.
/// </summary>
[Collection(HeavyProcesses.Name)]
public class ScriptInjectionBrowserTests
{
    /// <summary>Closes a script element, opens one that marks the page, and tries an event handler too.</summary>
    private const string Payload = "</script><script>window.__pwned=1;document.title='PWNED'</script><img src=x onerror=\"window.__pwned=2\"><!--";

    private static string CsvQuoted(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    [Fact]
    public async Task Planted_script_payloads_reach_pages_and_figures_as_text_and_never_run()
    {
        var chromium = ChromiumLocator.Find();
        Assert.True(chromium is not null, $"Chromium not found: the browser test needs it. {ChromiumLocator.InstallHint}.");
        using var temp = TestPaths.CopyOfData();
        var env = new FaultEnv(temp.Path);
        FaultCorpus.Replace(env, "table1_baselines.csv", "h100,H100 SXM,", $"h100,{CsvQuoted("H100 SXM " + Payload)},");
        FaultCorpus.Replace(env, "table2_projections.csv", "decode_single,\"Decode throughput, single request\",", $"decode_single,{CsvQuoted("Decode throughput " + Payload)},");
        FaultCorpus.Replace(env, "claims.csv", ",a 70B-parameter dense model in BF16 … the ~140 GB weight footprint,", "," + CsvQuoted("a 70B model " + Payload) + ",");
        FaultCorpus.Replace(env, "references.bib", "title = {GQA: Training Generalized", $"title = {{{Payload} GQA: Training Generalized");
        // The registry's type reaches the registry charts; the lint warns of it but lets it through (it is shown as text).
        FaultCorpus.Replace(env, "registry/B02.md", "type: \"Arch\"", "type: \"</script><script>window.__pwned=3</script>\"");
        FaultCorpus.Replace(env, "figures/radar_assumptions.csv", "bundle-assumption,\"Table 2's H100", $"bundle-assumption,\"{Payload.Replace("\"", "\"\"")} Table 2's H100");

        // The payloads are text; the Monte Carlo's sample count changes numbers only, so a small one writes the same text into
        // every page and figure at a fraction of the default run's CPU.
        Reproduction.Run(new ReproduceOptions(env.Data, env.Output, Png: false, MonteCarlo: new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1)), TextWriter.Null);
        var pages = Directory.GetFiles(env.Output, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        // The payload must have reached the files (as escaped text), or the test would prove nothing.
        var carrying = pages.Where(p => File.ReadAllText(p).Contains("window.__pwned", StringComparison.Ordinal)).ToList();
        Assert.Contains(carrying, p => p.Contains("/figures/", StringComparison.Ordinal));
        Assert.Contains(carrying, p => p.Contains("/site/", StringComparison.Ordinal));

        await using var session = await TestChromium.LaunchAsync(chromium);
        var problems = new List<string>();
        // Two tabs at a time: this collection runs alone, so each tab (its own renderer process, plotly.js evaluated per
        // figure page) has a core; one tab at a time leaves the second core idle.
        await Parallel.ForEachAsync(carrying, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (file, _) =>
        {
            await using var page = await session.Browser.NewOfflineTabAsync();
            page.Dialog += (_, e) => { lock (problems) problems.Add($"{file}: a dialog opened: {e.Dialog.Message}"); };
            await page.GoToAsync(new Uri(file).AbsoluteUri, WaitUntilNavigation.Load);
            var pwned = await page.EvaluateExpressionAsync<string>("String(window.__pwned) + '|' + document.title");
            if (!pwned.StartsWith("undefined|", StringComparison.Ordinal) || pwned.EndsWith("|PWNED", StringComparison.Ordinal))
            {
                lock (problems) problems.Add($"{Path.GetRelativePath(env.Output, file)}: the payload ran ({pwned})");
            }
        });
        problems.Sort(StringComparer.Ordinal);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
