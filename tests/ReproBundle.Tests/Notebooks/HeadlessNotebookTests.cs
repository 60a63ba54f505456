using ReproBundle.Tests.Browser;
using Xunit;
using ReproBundle.Data;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// Runs every notebooks/*.ipynb once, in this process, with the CLI's Microsoft.DotNet.Interactive.CSharp
/// runner: the runner `reproduce --notebooks` uses, faster than one dotnet-repl per notebook
/// (notebooks/README.md). <see cref="DotnetReplNotebookTests"/> keeps one notebook on the pinned dotnet-repl.
/// </summary>
public sealed class HeadlessNotebookRuns
{
    public IReadOnlyDictionary<string, NotebookRun> Runs { get; }

    public HeadlessNotebookRuns()
    {
        // Build the library the notebooks load first (a no-op when `dotnet test -c Release` just built it), so
        // no two notebooks running side by side try to build it at once from their setup cell.
        NotebookPaths.EnsureLibraryBuilt();
        var runs = ReproBundle.Cli.InProcessNotebookRunner.RunAllAsync(NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory), null, null)
            .GetAwaiter().GetResult();
        Runs = runs.ToDictionary(r => r.Name);
    }
}

[Collection(NotebookKernels.Name)]
public partial class HeadlessNotebookTests(HeadlessNotebookRuns fixture) : IClassFixture<HeadlessNotebookRuns>
{
    public static TheoryData<string> Notebooks => NotebookPaths.NotebookNames();

    private static readonly PaperData Data = PaperData.Load(NotebookPaths.DataDirectory);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_runs_top_to_bottom_headless_without_a_cell_error(string name)
    {
        var run = fixture.Runs[name];
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures));
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_shows_the_key_numbers_the_library_computes(string name)
    {
        Assert.True(NotebookKeyNumbers.ByNotebook.TryGetValue(name, out var expected), $"{name} has no key numbers in NotebookKeyNumbers.cs");
        var executed = fixture.Runs[name].Executed;
        Assert.NotNull(executed);
        var shown = string.Join("\n", executed.Cells.Select(c => c.OutputText));
        var missing = expected(Data).Where(k => !shown.Contains(k.Shown, StringComparison.Ordinal)).Select(k => $"{k.What}: {k.Shown}").ToList();
        Assert.True(missing.Count == 0, $"{name} does not show: {string.Join("; ", missing)}");
    }

    [Fact]
    public async Task The_eight_executed_notebooks_become_site_pages_that_draw_every_chart_offline_without_a_kernel()
    {
        // Issue 12: what `reproduce --notebooks` does with the executed notebooks, on this fixture's real runs.
        var chromium = ReproBundle.Browser.ChromiumLocator.Find();
        Assert.True(chromium is not null, $"Chromium not found: the browser test needs it. {ReproBundle.Browser.ChromiumLocator.InstallHint}.");
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-notebook-pages-" + Guid.NewGuid().ToString("N"));
        try
        {
            var notebooks = fixture.Runs.Values.OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => ReproBundle.Site.SiteNotebook.Parse(r.Name, NotebookScrubber.Scrub(r.ExecutedJson))).ToList();
            using (var stage = new ReproBundle.Output.OutputStage(Path.Combine(root, "output")))
            {
                ReproBundle.Site.StaticSite.Write(stage, ReproBundle.Tests.Registry.RegistryTestData.Seed(), [], ReproBundle.Site.StaticSite.PaperFigures, [],
                    BibReference.Load(Path.Combine(NotebookPaths.DataDirectory, "references.bib")), new ReproBundle.Site.SiteOptions(Notebooks: notebooks));
                stage.Commit();
            }
            var pages = Directory.GetFiles(Path.Combine(root, "output", "site", "notebooks"), "*.html").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(8, pages.Count);

            await using var session = await TestChromium.LaunchAsync(chromium);
            var problems = new List<string>();
            var chartsSeen = 0;
            foreach (var page in pages)
            {
                var name = Path.GetFileName(page);
                var html = File.ReadAllText(page);
                Assert.DoesNotContain("cdn.plot.ly", html);
                // Each chart output is one Plotly.newPlot call; every one must draw.
                var expected = System.Text.RegularExpressions.Regex.Matches(html, @"Plotly\.newPlot\(").Count;
                await using var tab = await session.Browser.NewOfflineTabAsync();
                tab.Console += (_, e) => { if (e.Message.Type == PuppeteerSharp.ConsoleType.Error) problems.Add($"{name}: console error: {e.Message.Text}"); };
                tab.PageError += (_, e) => problems.Add($"{name}: page error: {e.Message}");
                tab.RequestFailed += (_, e) => problems.Add($"{name}: request failed: {e.Request.Url}");
                tab.Request += (_, e) =>
                {
                    if (!e.Request.Url.StartsWith("file:", StringComparison.Ordinal) && !e.Request.Url.StartsWith("data:", StringComparison.Ordinal)) problems.Add($"{name}: network request to {e.Request.Url}");
                };
                await tab.GoToAsync(new Uri(page).AbsoluteUri, PuppeteerSharp.WaitUntilNavigation.Load);
                var drawn = 0;
                for (var i = 0; i < 180 && drawn < expected && problems.Count == 0; i++)
                {
                    drawn = await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('.js-plotly-plot').length");
                    if (drawn < expected) await Task.Delay(1000);
                }
                Assert.True(drawn == expected, $"{name}: {drawn} of {expected} charts drawn");
                chartsSeen += expected;
                // Code and markdown are on the page, as text.
                Assert.True(await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('pre.nb-source').length") > 0, $"{name}: no code shown");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(chartsSeen >= 12, $"only {chartsSeen} charts in the eight notebooks");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Notebook_04_shows_the_appendix_C_densities_116_67_and_6666_67_each_in_its_own_step_and_their_ratio_57_1()
    {
        var cells = fixture.Runs["04-agent-density.ipynb"].Executed!.Cells;
        // Hand calculation of Appendix C with the paper's inputs: D = (1e6 / C) · (t / r), then D · u.
        const double h100D = 1e6 / 30_000 * (25.0 / 5), asicD = 1e6 / 12_000 * (500.0 / 5);
        Assert.Contains(cells, c => c.Source.Contains("AgentDensity.DensityAtUtilization(D, u)") && c.OutputText.Contains(Shown(h100D * 0.7)));
        Assert.Contains(cells, c => c.Source.Contains("AgentDensity.DensityPerMillionUsd(C, t, r)") && c.OutputText.Contains(Shown(h100D)));
        Assert.Contains(cells, c => c.OutputText.Contains($"<td>{Shown(asicD * 0.8)}</td>"));
        Assert.Contains(cells, c => c.Source.Contains("DensityRatio =") && c.OutputText.Contains(Shown(asicD * 0.8 / (h100D * 0.7))));
    }

    private static string Shown(double value) => NotebookDisplay.FormatNumber(value);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_number_a_markdown_cell_states_is_printed_by_the_paper_or_shown_by_the_notebooks_own_cells(string name)
    {
        // A markdown cell may quote the paper; a result the notebook computes must be one its cells show (run here on the
        // paper's inputs), formatted as shown, so prose that restates an output is checked against it. Section, figure,
        // table, axis, notebook, step and entry numbers, ordinals and whole numbers up to 10 are labels or counts in words.
        var executed = fixture.Runs[name].Executed!;
        var shown = NumbersIn(string.Join("\n", executed.Cells.Where(c => c.CellType == "code").Select(c => c.Source + "\n" + c.OutputText)));
        var committed = NotebookDocument.Load(Path.Combine(NotebookPaths.NotebooksDirectory, name));
        var unverified = committed.Cells.Where(c => c.CellType == "markdown")
            .SelectMany(c => StatedNumbers(c.Source).Where(n => !shown.Contains(n.Value) && !PaperNumbers.Value.Contains(n.Value)).Select(n => $"cell {c.Number} ({c.Id}): {n.Text}"))
            .ToList();
        Assert.True(unverified.Count == 0,
            $"{name}: markdown states numbers that neither data/ (the paper's printed values) holds nor any cell shows: {string.Join("; ", unverified)}");
    }

    [Theory]
    [InlineData("the bound is about 23.9 tok/s", "23.9")]
    [InlineData("Groq is 21-27 times an H100, \\$88.08-140.93 per million", "21 27 88.08 140.93")]
    [InlineData("§3.2, Fig. 1, Table 2, axes 1-4, notebook 08, B16, O10, the 95th percentile, 2 of 18", "18")]
    [InlineData("14,000-18,000x", "14000 18000")]
    public void The_markdown_number_check_reads_stated_numbers_and_skips_labels(string markdown, string expected) =>
        Assert.Equal(expected, string.Join(" ", StatedNumbers(markdown).Select(n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w.§])\d[\d,_]*(?:\.\d+)?(?!\d|st\b|nd\b|rd\b|th\b)")]
    private static partial System.Text.RegularExpressions.Regex NumberToken();

    [System.Text.RegularExpressions.GeneratedRegex(@"(§|Fig\. |Table |[Aa]x(?:is|es) |notebooks? |cell |[Ss]tep |item |schema v|\bv|\b[BOF]|#)$")]
    private static partial System.Text.RegularExpressions.Regex LabelBefore();

    private static double? Parse(string token) =>
        double.TryParse(token.Replace(",", "").Replace("_", ""), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    private static HashSet<double> NumbersIn(string text) =>
        NumberToken().Matches(text).Select(m => Parse(m.Value)).OfType<double>().ToHashSet();

    private static IEnumerable<(string Text, double Value)> StatedNumbers(string markdown)
    {
        foreach (System.Text.RegularExpressions.Match m in NumberToken().Matches(markdown))
        {
            if (LabelBefore().IsMatch(markdown[Math.Max(0, m.Index - 12)..m.Index])) continue;
            if (Parse(m.Value) is not { } value || (value == Math.Floor(value) && value <= 10)) continue;
            yield return (m.Value, value);
        }
    }

    /// <summary>Every number data/ records as the paper prints it: claims (quote and printed value), inputs, Tables 1 and 2, and the statements that are not claims.</summary>
    private static readonly Lazy<HashSet<double>> PaperNumbers = new(() =>
    {
        var text = new System.Text.StringBuilder();
        void Add(string file, params string[] columns)
        {
            foreach (var row in CsvTable.Load(Path.Combine(NotebookPaths.DataDirectory, file)).Rows)
                foreach (var column in columns) text.Append(row[column]).Append('\n');
        }
        Add("claims.csv", "quote", "published", "published_value");
        Add("inputs.csv", "value", "source");
        Add("table1_baselines.csv", "chips_per_deployment", "capex_usd", "tok_s_deployment", "tok_s_per_chip_printed", "power_w", "energy_j_per_token_printed", "source");
        Add("table2_projections.csv", "metric", "h100", "asic", "ratio_printed", "source");
        Add("not_claims.csv", "statement");
        return NumbersIn(text.ToString());
    });

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void An_executed_notebook_scrubs_to_bytes_free_of_run_timestamps_and_random_ids(string name)
    {
        var scrubbed = NotebookScrubber.Scrub(fixture.Runs[name].ExecutedJson);
        Assert.DoesNotContain("dotnet_repl_cellExecution", scrubbed);
        Assert.DoesNotContain("Installing Packages", scrubbed);
        Assert.Equal(scrubbed, NotebookScrubber.Scrub(scrubbed));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void An_executed_notebook_keeps_the_cell_ids_and_passes_nbformats_validator_without_a_warning(string name)
    {
        var scrubbed = NotebookScrubber.Scrub(fixture.Runs[name].ExecutedJson);
        var committed = NotebookDocument.Load(Path.Combine(NotebookPaths.NotebooksDirectory, name)).Cells.Select(c => c.Id);
        Assert.Equal(committed, NotebookDocument.Parse(scrubbed, name).Cells.Select(c => c.Id));
        var path = Path.Combine(Path.GetTempPath(), $"reprobundle-executed-{Environment.ProcessId}-{name}");
        try
        {
            File.WriteAllText(path, scrubbed);
            var problems = Nbformat.Problems(path);
            Assert.True(problems.Length == 0, $"executed {name}: {problems}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// One notebook on the pinned dotnet-repl (`dotnet tool restore` first; test.sh does it), the runner closest to
/// how VS Code's kernel runs them: it must run clean, show its key numbers, and its executed copy must get the
/// cell ids back (dotnet-repl drops them) and pass nbformat's validator.
/// </summary>
[Collection(NotebookKernels.Name)]
public class DotnetReplNotebookTests
{
    [Fact]
    public async Task Notebook_04_runs_on_the_pinned_dotnet_repl_and_shows_its_key_numbers_with_valid_cell_ids()
    {
        NotebookPaths.EnsureLibraryBuilt();
        var path = Path.Combine(NotebookPaths.NotebooksDirectory, "04-agent-density.ipynb");
        var run = await NotebookRunner.RunAsync(path);
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures));
        var shown = string.Join("\n", run.Executed!.Cells.Select(c => c.OutputText));
        var missing = NotebookKeyNumbers.ByNotebook[run.Name](PaperData.Load(NotebookPaths.DataDirectory))
            .Where(k => !shown.Contains(k.Shown, StringComparison.Ordinal)).Select(k => k.What).ToList();
        Assert.True(missing.Count == 0, $"dotnet-repl run of {run.Name} does not show: {string.Join("; ", missing)}");
        Assert.Equal(NotebookDocument.Load(path).Cells.Select(c => c.Id), run.Executed.Cells.Select(c => c.Id));
        var copy = Path.Combine(Path.GetTempPath(), $"reprobundle-repl-{Environment.ProcessId}.ipynb");
        try
        {
            File.WriteAllText(copy, NotebookScrubber.Scrub(run.ExecutedJson));
            Assert.Equal("", Nbformat.Problems(copy));
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
