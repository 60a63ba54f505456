using Xunit;
using ReproBundle.Notebooks;
using static ReproBundle.Notebooks.NotebookDisplay;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// The reviewer's journey of issue 14 in notebook 04: the same assumptions file as `reproduce --assumptions`, passed
/// to the notebooks through REPROBUNDLE_ASSUMPTIONS (the in-process runner sets it as `reproduce --notebooks
/// --assumptions F` does), must move every cell that reads the parameter cell, the density ratio first.
/// </summary>
[Collection(NotebookKernels.Name)]
public class ReviewerAssumptionsNotebookTests
{
    [Fact]
    public async Task Notebook_04_with_the_reviewers_assumptions_shows_the_density_ratio_17_1_and_the_pessimistic_ratio_8_57()
    {
        var (run, _) = await RunNotebook04With("# the reviewer: a better batch strategy on the H100, a dearer ASIC node\nappc.h100.tok_s: 40\nappc.asic.capex_usd: 25000\n");
        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures));
        var cells = run.Executed!.Cells;

        // Hand calculation, Appendix C steps 4 and 5 with the two overrides: D·u = (1e6 / C) · (t / r) · u.
        const double h100 = 1e6 / 30_000 * (40.0 / 5) * 0.7;      // 186.67 streams per $1M
        const double asic = 1e6 / 25_000 * (500.0 / 5) * 0.8;     // 3200
        const double asicPessimistic = 1e6 / 25_000 * (250.0 / 5) * 0.8; // t halved: 1600
        var ratioCell = Assert.Single(cells, c => c.Source.Contains("DensityRatio =", StringComparison.Ordinal));
        Assert.Contains(FormatNumber(asic / h100), ratioCell.OutputText);          // 17.14: the "17.1x"
        Assert.Contains(FormatNumber(500.0 / 40), ratioCell.OutputText);           // throughput ratio 12.5
        Assert.Contains(FormatNumber(30_000.0 / 25_000), ratioCell.OutputText);    // CapEx ratio 1.2
        var pessimisticCell = Assert.Single(cells, c => c.Source.Contains("WorkedExampleRatioToH100 =", StringComparison.Ordinal));
        Assert.Contains(FormatNumber(asicPessimistic / h100), pessimisticCell.OutputText); // 8.57: below the paper's 10x
        Assert.Contains(cells, c => c.Source.Contains("AgentDensity.DensityAtUtilization(D, u)") && c.OutputText.Contains(FormatNumber(h100)));
        Assert.Contains(cells, c => c.OutputText.Contains("appc.h100.tok_s", StringComparison.Ordinal)); // the setup says what it applied
    }

    [Fact]
    public async Task A_bad_line_in_the_assumptions_file_stops_the_notebook_with_the_file_and_line()
    {
        var (run, fileName) = await RunNotebook04With("appc.h100.tok_s: 40\nappc.no_such_name: 3\n");
        var failures = string.Join("\n", run.Failures);
        Assert.Contains($"{fileName}:2", failures);
    }

    /// <summary>Runs notebook 04 in process with an assumptions file holding <paramref name="yaml"/>; returns the run and the file's name.</summary>
    private static async Task<(ReproBundle.Notebooks.NotebookRun Run, string FileName)> RunNotebook04With(string yaml)
    {
        NotebookPaths.EnsureLibraryBuilt();
        var assumptions = Path.Combine(Path.GetTempPath(), $"reprobundle-nb-assumptions-{Environment.ProcessId}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(assumptions, yaml);
        try
        {
            var runs = await ReproBundle.Cli.InProcessNotebookRunner.RunAllAsync(
                [Path.Combine(NotebookPaths.NotebooksDirectory, "04-agent-density.ipynb")], null, assumptions);
            return (Assert.Single(runs), Path.GetFileName(assumptions));
        }
        finally
        {
            File.Delete(assumptions);
        }
    }
}
