using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Xunit;
using ReproBundle.Cli.Commands;
using ReproBundle.Data;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>Checks on the file-based twins (notebooks/NN-name.cs) without running them.</summary>
public class NotebookTwinFileTests
{
    public static TheoryData<string> Notebooks => NotebookPaths.NotebookNames();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_has_a_twin_generated_from_its_current_cells(string name)
    {
        var notebook = Path.Combine(NotebookPaths.NotebooksDirectory, name);
        var (twin, text) = NotebooksCommand.TwinFor(notebook);
        Assert.True(File.Exists(twin), $"{Path.GetFileName(twin)} is missing: run `dotnet run --project lib/ReproBundle.Cli -- notebooks twins`");
        Assert.True(text == File.ReadAllText(twin),
            $"{Path.GetFileName(twin)} is out of date with {name}: run `dotnet run --project lib/ReproBundle.Cli -- notebooks twins`");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_twin_references_the_projects_its_notebook_loads_and_keeps_every_code_cell_in_order(string name)
    {
        var notebook = Path.Combine(NotebookPaths.NotebooksDirectory, name);
        var twin = File.ReadAllText(Path.ChangeExtension(notebook, ".cs"));
        Assert.Contains("#:project ../lib/ReproBundle.Display/ReproBundle.Display.csproj\n", twin);
        // lib/ReproBundle only where the notebook loads it (setup-library.csx, notebooks 05-08): a twin of 01-04 builds and loads no more than its notebook.
        Assert.Equal(CommittedNotebookTests.LoadsTheLibrary(name), twin.Contains("#:project ../lib/ReproBundle/ReproBundle.csproj\n", StringComparison.Ordinal));
        int at = 0;
        foreach (var cell in NotebookDocument.Load(notebook).CodeCells)
        {
            var marker = $"// ---- cell {cell.Id} ----\n";
            var next = twin.IndexOf(marker, at, StringComparison.Ordinal);
            Assert.True(next >= at, $"{name}: cell {cell.Number} ({cell.Id}) is missing or out of order in the twin");
            at = next + marker.Length;
        }
    }

    [Theory]
    [InlineData("<td>6666.67</td>", "| 6666.67 |")]
    [InlineData("<th>B1</th><td>HBM &amp; SRAM</td><td>5</td>", "| B1 | HBM & SRAM | 5 |")]
    [InlineData("116.67", "116.67")]
    public void A_key_number_shown_in_an_html_table_reads_as_a_twin_table_row(string html, string text) =>
        Assert.Equal(text, NotebookTwinRuns.AsTwinText(html));
}

/// <summary>
/// Runs every twin once with `dotnet run -c Release NN-name.cs` from notebooks/, two at a time (the machine's two cores).
/// The library is built once beforehand (<see cref="NotebookExecution.EnsureLibraryBuilt"/>, Release), so each twin's run
/// compiles only its own file: <c>-c Release</c> reuses that build instead of compiling the library a second time in Debug,
/// and <c>BuildProjectReferences=false</c> keeps two twins building side by side from both writing the library's obj/ folder.
/// </summary>
public sealed class NotebookTwinRuns
{
    /// <summary>How many twins run at once.</summary>
    private const int AtOnce = 2;

    public IReadOnlyDictionary<string, (int ExitCode, string Output, TimeSpan Elapsed)> Runs { get; }

    public NotebookTwinRuns()
    {
        NotebookExecution.EnsureLibraryBuilt(NotebookPaths.Root);
        var notebooks = NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory).Select(Path.GetFileName).ToList();
        var runs = new (int, string, TimeSpan)[notebooks.Count];
        Parallel.For(0, notebooks.Count, new ParallelOptions { MaxDegreeOfParallelism = AtOnce },
            i => runs[i] = Run(Path.ChangeExtension(notebooks[i]!, ".cs")));
        Runs = notebooks.Select((n, i) => (n!, runs[i])).ToDictionary(p => p.Item1, p => p.Item2);
    }

    private static (int, string, TimeSpan) Run(string twin)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = NotebookPaths.NotebooksDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "-c", "Release", "--property:BuildProjectReferences=false", twin }) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The twins read the notebooks' data and assumptions variables; the in-process notebook runner sets them in this
        // process while it runs, so a twin gets neither, whatever ran before.
        start.Environment.Remove(NotebookBundle.DataRootVariable);
        start.Environment.Remove(NotebookBundle.AssumptionsVariable);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, "stopped after 5 minutes\n" + stdout.Result + stderr.Result, clock.Elapsed);
        }
        return (process.ExitCode, stdout.Result + stderr.Result, clock.Elapsed);
    }

    /// <summary>
    /// A key number as the notebook's HTML shows it, as the twin prints it: a run of table cells
    /// (<c>&lt;td&gt;a&lt;/td&gt;&lt;td&gt;b&lt;/td&gt;</c>) becomes the twin's row text <c>| a | b |</c>.
    /// </summary>
    public static string AsTwinText(string shown)
    {
        if (!shown.Contains("<t", StringComparison.Ordinal)) return shown;
        var text = Regex.Replace(shown, "</t[dh]>\\s*<t[dh]>", " | ");
        text = Regex.Replace(text, "^<t[dh]>", "| ");
        text = Regex.Replace(text, "</t[dh]>$", " |");
        return WebUtility.HtmlDecode(text);
    }
}

[Collection(NotebookKernels.Name)]
public class NotebookTwinRunTests(NotebookTwinRuns fixture) : IClassFixture<NotebookTwinRuns>
{
    public static TheoryData<string> Notebooks => NotebookPaths.NotebookNames();

    private static readonly PaperData Data = PaperData.Load(NotebookPaths.DataDirectory);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_twin_runs_with_dotnet_run_and_prints_the_notebooks_key_numbers(string name)
    {
        var (exitCode, output, _) = fixture.Runs[name];
        Assert.True(exitCode == 0, $"{Path.ChangeExtension(name, ".cs")} exited with {exitCode}:\n{string.Join("\n", output.Split('\n').TakeLast(30))}");
        // A chart's numbers and titles are in the HTML file the twin wrote (it prints "chart of NAME, cell ID: PATH"),
        // as they are in the chart HTML the notebook shows inline.
        var charts = Regex.Matches(output, "^chart of [^:]+: (.+\\.html)$", RegexOptions.Multiline).Select(m => File.ReadAllText(m.Groups[1].Value.Trim()));
        var shown = string.Join("\n", charts.Prepend(output));
        var missing = NotebookKeyNumbers.ByNotebook[name](Data).Select(k => (k.What, Text: NotebookTwinRuns.AsTwinText(k.Shown)))
            .Where(k => !shown.Contains(k.Text, StringComparison.Ordinal)).Select(k => $"{k.What}: {k.Text}").ToList();
        Assert.True(missing.Count == 0, $"{Path.ChangeExtension(name, ".cs")} does not print: {string.Join("; ", missing)}");
    }

    [Fact]
    public void The_agent_density_twin_prints_the_appendix_C_densities_under_their_cells()
    {
        var output = fixture.Runs["04-agent-density.ipynb"].Output;
        // Appendix C by hand: (1e6 / 30000) · 5 = 166.67, · 0.7 = 116.67; the ASIC's (1e6 / 12000) · 100 = 8333.33 and · 0.8 = 6666.67,
        // shown as the notebooks show numbers.
        static string Shown(double v) => NotebookDisplay.FormatNumber(v);
        Assert.Contains($"\n{Shown(1e6 / 30_000 * 5)}\n", output);
        Assert.Contains($"\n{Shown(1e6 / 30_000 * 5 * 0.7)}\n", output);
        Assert.Contains($"| {Shown(1e6 / 12_000 * 100)} | {Shown(1e6 / 12_000 * 100 * 0.8)} |", output);
    }
}
