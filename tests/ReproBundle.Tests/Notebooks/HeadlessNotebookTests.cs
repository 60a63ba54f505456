using Xunit;
using ReproBundle.Data;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// Runs every notebooks/*.ipynb once with the pinned dotnet-repl (two at a time: these machines have two
/// cores). Needs `dotnet tool restore` first (test.sh does it).
/// </summary>
public sealed class HeadlessNotebookRuns
{
    public IReadOnlyDictionary<string, NotebookRun> Runs { get; }

    public HeadlessNotebookRuns()
    {
        // Build the library the notebooks load first (a no-op when `dotnet test -c Release` just built it), so
        // no two notebooks running side by side try to build it at once from their setup cell.
        NotebookExecution.EnsureLibraryBuilt(NotebookPaths.Root);
        var runs = NotebookRunner.RunAllAsync(NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory), maxParallel: 2)
            .GetAwaiter().GetResult();
        Runs = runs.ToDictionary(r => r.Name);
    }
}

[Collection(HeavyProcesses.Name)]
public class HeadlessNotebookTests(HeadlessNotebookRuns fixture) : IClassFixture<HeadlessNotebookRuns>
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
    public void Notebook_04_shows_the_appendix_C_densities_116_67_and_6666_67_each_in_its_own_step()
    {
        var cells = fixture.Runs["04-agent-density.ipynb"].Executed!.Cells;
        Assert.Contains(cells, c => c.Source.Contains("AgentDensity.DensityAtUtilization(D, u)") && c.OutputText.Contains("116.67"));
        Assert.Contains(cells, c => c.Source.Contains("AgentDensity.DensityPerMillionUsd(C, t, r)") && c.OutputText.Contains("166.67"));
        Assert.Contains(cells, c => c.OutputText.Contains("<td>6666.67</td>"));
    }

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
