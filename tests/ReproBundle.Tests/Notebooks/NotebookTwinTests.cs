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
/// Builds and runs every twin once, from notebooks/ as a reader would. A reader types <c>dotnet run NN-name.cs</c>; that is
/// one whole MSBuild run (restore and build of the twin's virtual project) per twin, seconds of CPU each even when nothing
/// changed. So the fixture runs the reader's command for ONE twin (<see cref="ReaderTwin"/>) and turns the eight into
/// projects with the SDK's own <c>dotnet project convert</c> (the project <c>dotnet run</c> would build, written out),
/// builds all of them in one <c>dotnet build</c> and runs each built program, two at a time; a test checks that the reader's
/// command prints the same bytes as the built project of its twin. Both builds are <c>-c Release</c> with
/// <c>BuildProjectReferences=false</c>: they reuse the library that <see cref="NotebookPaths.EnsureLibraryBuilt"/> built
/// instead of compiling it again, and never write the library's obj/ folder while another build reads it.
/// </summary>
public sealed class NotebookTwinRuns
{
    /// <summary>How many twins run at once (the machine's two cores).</summary>
    private const int AtOnce = 2;

    /// <summary>The twin that is also run with the reader's own command, <c>dotnet run -c Release NN-name.cs</c>.</summary>
    public const string ReaderTwin = "04-agent-density.ipynb";

    /// <summary>
    /// Where the converted projects are built: beside the test assembly, so a second test run finds their restore and build
    /// up to date (a file is rewritten only when its text changed) instead of restoring and compiling all eight again.
    /// </summary>
    private static string ProjectsDirectory => Path.Combine(AppContext.BaseDirectory, "notebook-twins");

    /// <summary>Each twin's built program run from notebooks/, by notebook name: exit code and stdout then stderr.</summary>
    public IReadOnlyDictionary<string, (int ExitCode, string Output, TimeSpan Elapsed)> Runs { get; }

    /// <summary><c>dotnet run -c Release --property:BuildProjectReferences=false</c> of <see cref="ReaderTwin"/>'s .cs file.</summary>
    public (int ExitCode, string Output, TimeSpan Elapsed) ReaderRun { get; }

    public NotebookTwinRuns()
    {
        NotebookPaths.EnsureLibraryBuilt();
        var notebooks = NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory).Select(p => Path.GetFileName(p)!).ToList();
        var twins = notebooks.Select(n => Path.ChangeExtension(n, ".cs")).ToList();

        // The reader's command for one twin, beside the conversions (which only write project files; neither runs a twin, so
        // no two runs of one twin write its chart files at once).
        var reader = Task.Run(() => Dotnet("run", "-c", "Release", "--property:BuildProjectReferences=false", Path.ChangeExtension(ReaderTwin, ".cs")));
        // Converted into a sibling folder first (the same depth, so the relative paths convert writes to the library's projects
        // hold in both), then copied where a file's text changed.
        var staging = ProjectsDirectory + "-converting";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        // A twin converted by an earlier run from the same text (kept in a stamp file beside its project) is not converted again.
        var stale = twins.Where(t => !File.Exists(StampOf(t)) || !File.Exists(ProjectOf(t))
            || File.ReadAllText(StampOf(t)) != File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, t))).ToList();
        var converted = stale.Select(t => Dotnet("project", "convert", t, "--output", Path.Combine(staging, Path.GetFileNameWithoutExtension(t)))).ToList();
        ReaderRun = reader.GetAwaiter().GetResult();
        if (Directory.Exists(staging))
        {
            foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories))
            {
                WriteIfChanged(Path.Combine(ProjectsDirectory, Path.GetRelativePath(staging, file)), File.ReadAllText(file));
            }
            Directory.Delete(staging, recursive: true);
        }
        foreach (var (twin, conversion) in stale.Zip(converted).Where(p => p.Second.ExitCode == 0))
        {
            File.WriteAllText(StampOf(twin), File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, twin)));
        }

        // `dotnet run NN.cs` in notebooks/ takes the repository's Directory.Build.props and Directory.Packages.props (build
        // rules, central package versions); the converted projects live beside the test assembly, so they import the same two files.
        foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            WriteIfChanged(Path.Combine(ProjectsDirectory, props), $"<Project>\n  <Import Project=\"{Path.Combine(NotebookPaths.Root, props)}\" />\n</Project>\n");
        }
        var solution = Path.Combine(ProjectsDirectory, "twins.slnx");
        WriteIfChanged(solution, "<Solution>\n" + string.Concat(twins.Select(t => Path.GetFileNameWithoutExtension(t)).Select(n => $"  <Project Path=\"{n}/{n}.csproj\" />\n")) + "</Solution>\n");
        // ShouldUnsetParentConfigurationAndPlatform=false: the library is not in this solution, so without it MSBuild would
        // look for the library's Debug output instead of the Release build it references.
        var build = converted.All(c => c.ExitCode == 0)
            ? Dotnet("build", solution, "-c", "Release", "--property:BuildProjectReferences=false", "--property:ShouldUnsetParentConfigurationAndPlatform=false", "--nologo", "-v", "quiet")
            : converted.First(c => c.ExitCode != 0);

        var runs = new (int, string, TimeSpan)[twins.Count];
        Parallel.For(0, twins.Count, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, i =>
        {
            var name = Path.GetFileNameWithoutExtension(twins[i]);
            runs[i] = build.ExitCode == 0
                ? Dotnet(Path.Combine(ProjectsDirectory, name, "bin", "Release", "net10.0", name + ".dll"))
                : (-1, $"converting or building the twins failed (exit {build.ExitCode}):\n{build.Output}", TimeSpan.Zero);
        });
        Runs = notebooks.Select((n, i) => (n, runs[i])).ToDictionary(p => p.n, p => p.Item2);
    }

    /// <summary>The converted project of <paramref name="twin"/>.</summary>
    private static string ProjectOf(string twin) => Path.Combine(ProjectsDirectory, Path.GetFileNameWithoutExtension(twin), Path.GetFileNameWithoutExtension(twin) + ".csproj");

    /// <summary>The text of <paramref name="twin"/> its converted project was made from.</summary>
    private static string StampOf(string twin) => Path.Combine(ProjectsDirectory, Path.GetFileNameWithoutExtension(twin) + ".converted-from.txt");

    private static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/> in notebooks/ (a reader's folder for the twins); stdout then stderr.</summary>
    private static (int ExitCode, string Output, TimeSpan Elapsed) Dotnet(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = NotebookPaths.NotebooksDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
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
            return (-1, $"dotnet {string.Join(' ', args)}: stopped after 5 minutes\n" + stdout.Result + stderr.Result, clock.Elapsed);
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
public partial class NotebookTwinRunTests(NotebookTwinRuns fixture) : IClassFixture<NotebookTwinRuns>
{
    public static TheoryData<string> Notebooks => NotebookPaths.NotebookNames();

    private static readonly PaperData Data = PaperData.Load(NotebookPaths.DataDirectory);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_twin_builds_runs_and_prints_the_notebooks_key_numbers(string name)
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
    public void The_readers_dotnet_run_of_a_twin_prints_the_same_bytes_as_its_built_project()
    {
        var (exitCode, output, _) = fixture.ReaderRun;
        Assert.True(exitCode == 0, $"dotnet run {Path.ChangeExtension(NotebookTwinRuns.ReaderTwin, ".cs")} exited with {exitCode}:\n{string.Join("\n", output.Split('\n').TakeLast(30))}");
        // A first `dotnet run` restores the twin's project and may print NuGet's warnings (NU1603, README) before the program runs.
        var program = string.Join("", output.Split('\n').SkipWhile(l => BuildWarning().IsMatch(l)).Select(l => l + "\n"))[..^1];
        Assert.Equal(fixture.Runs[NotebookTwinRuns.ReaderTwin].Output, program);
    }

    [GeneratedRegex(@"^\S.* : warning [A-Z]+[0-9]+: ")]
    private static partial Regex BuildWarning();

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
