using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
/// one whole MSBuild run (restore and build of the twin's virtual project) per twin, seconds of CPU each. So
/// the fixture runs the reader's command for one twin (<see cref="ReaderTwins"/>: one of 05-08, whose <c>#:project</c> lines
/// include every project 01-04 reference), and compiles all eight in this process with
/// Roslyn, as that build would: the same source, the <c>#:project</c> assemblies and what they reference, the
/// <c>#:property</c> settings, the SDK's implicit usings. Each compiled program runs as its own process, two at a time; a test
/// checks that the reader's command prints the same bytes as the compiled twin (bench/RESULTS.md compares this with
/// building every twin). The reader's runs are <c>-c Release</c> with
/// <c>BuildProjectReferences=false</c>: they reuse the library that <see cref="NotebookPaths.EnsureLibraryBuilt"/> built
/// instead of compiling it again, and never write the library's obj/ folder while another build reads it.
/// </summary>
public sealed partial class NotebookTwinRuns
{
    /// <summary>How many twins run at once (the machine's two cores).</summary>
    private const int AtOnce = 2;

    /// <summary>
    /// Where the compiled twins run from: a folder beside the test assembly holding each twin's program and runtimeconfig and
    /// a copy of the assemblies it references (with no deps.json, the host loads what is beside the program).
    /// </summary>
    private static string ProgramsDirectory => Path.Combine(AppContext.BaseDirectory, "compiled-twins");

    /// <summary>The SDK's implicit usings of a console program (<c>ImplicitUsings</c>, which a file-based program turns on).</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Each twin's compiled program run from notebooks/, by notebook name: exit code and stdout then stderr.</summary>
    public IReadOnlyDictionary<string, (int ExitCode, string Output, TimeSpan Elapsed)> Runs { get; }

    /// <summary>
    /// <c>dotnet run -c Release --property:BuildProjectReferences=false NN-name.cs</c>, by notebook name, of the one twin in
    /// <see cref="ReaderTwins"/>.
    /// </summary>
    public IReadOnlyDictionary<string, (int ExitCode, string Output, TimeSpan Elapsed)> ReaderRuns { get; }

    /// <summary>The notebooks whose twins are also run with the reader's own command.</summary>
    public IReadOnlyList<string> ReaderTwins { get; }

    public NotebookTwinRuns()
    {
        NotebookPaths.EnsureLibraryBuilt();
        var notebooks = NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory).Select(p => Path.GetFileName(p)!).ToList();
        var texts = notebooks.ToDictionary(n => n, n => File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, Path.ChangeExtension(n, ".cs"))));
        // One reader's command: the first twin with the most #: directives (05-08 reference the model's, the loader's, the
        // display's and the library's projects, a superset of what 01-04 reference), proof that the path a reader takes
        // restores, builds and runs; every twin is compiled and run below.
        ReaderTwins = [notebooks.OrderByDescending(n => Directives(texts[n]).Count()).ThenBy(n => n, StringComparer.Ordinal).First()];

        // The reader's commands run one after the other (each restores its virtual project, whose graph holds the library's
        // projects) while the twins compile; a twin's program runs only after them, so no two runs of one twin write its
        // chart files at once.
        var readers = Task.Run(() => ReaderTwins.ToDictionary(n => n, n => Dotnet("run", "-c", "Release", "--property:BuildProjectReferences=false", Path.ChangeExtension(n, ".cs"))));
        var compiled = notebooks.ToDictionary(n => n, n => Compile(Path.ChangeExtension(n, ".cs"), texts[n]));
        ReaderRuns = readers.GetAwaiter().GetResult();

        var runs = new (int, string, TimeSpan)[notebooks.Count];
        Parallel.For(0, notebooks.Count, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, i =>
        {
            var (program, errors) = compiled[notebooks[i]];
            runs[i] = program is null ? (-1, errors, TimeSpan.Zero) : Dotnet(program);
        });
        Runs = notebooks.Select((n, i) => (n, runs[i])).ToDictionary(p => p.n, p => p.Item2);
    }

    /// <summary>The <c>#:</c> directive lines of a twin, in order.</summary>
    private static IEnumerable<string> Directives(string twin) => twin.Split('\n').Where(l => l.StartsWith("#:", StringComparison.Ordinal));

    /// <summary>
    /// Compiles <paramref name="twin"/> (its file name in notebooks/) as <c>dotnet run</c>'s build would and writes the program
    /// and its runtimeconfig to <see cref="ProgramsDirectory"/>: the program's path, or null and the compiler's errors.
    /// </summary>
    private static (string? Program, string Errors) Compile(string twin, string text)
    {
        var name = Path.GetFileNameWithoutExtension(twin);
        var projects = new List<string>();
        var nullable = NullableContextOptions.Enable;
        var warningsAreErrors = false;
        foreach (var directive in Directives(text))
        {
            var project = ProjectDirective().Match(directive);
            var property = PropertyDirective().Match(directive);
            if (project.Success) projects.Add(Path.GetFullPath(Path.Combine(NotebookPaths.NotebooksDirectory, project.Groups[1].Value)));
            else if (property.Success && property.Groups[1].Value == "Nullable") nullable = Enum.Parse<NullableContextOptions>(property.Groups[2].Value, ignoreCase: true);
            else if (property.Success && property.Groups[1].Value == "TreatWarningsAsErrors") warningsAreErrors = bool.Parse(property.Groups[2].Value);
            else if (!property.Success) return (null, $"{twin}: the test's compile does not know the directive '{directive}'");
        }
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithFeatures([new("FileBasedProgram", "true")]);
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(text, parse, path: twin), CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.cs")],
            FrameworkReferences.Value.Concat(ReferencesByProjects.GetOrAdd(string.Join("\n", projects), _ => ProjectReferences(projects))),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: nullable, deterministic: true,
                generalDiagnosticOption: warningsAreErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            return (null, $"{twin} does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        }
        Directory.CreateDirectory(ProgramsDirectory);
        var program = Path.Combine(ProgramsDirectory, name + ".dll");
        File.WriteAllBytes(program, image.ToArray());
        File.WriteAllText(Path.ChangeExtension(program, ".runtimeconfig.json"),
            "{\"runtimeOptions\": {\"tfm\": \"net10.0\", \"framework\": {\"name\": \"Microsoft.NETCore.App\", \"version\": \"" + Environment.Version.ToString(2) + ".0\"}}}");
        return (program, "");
    }

    /// <summary>The shared framework this test host runs on, as compile references.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(() =>
        Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll")
            .Where(IsAssembly).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList());

    /// <summary>The <see cref="ProjectReferences"/> of each set of <c>#:project</c> lines, made once (the twins share two sets).</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyList<MetadataReference>> ReferencesByProjects = new(StringComparer.Ordinal);

    /// <summary>
    /// What a reference to <paramref name="projects"/> (their .csproj paths) compiles against: every assembly their Release
    /// build lists in its deps.json (the project's own, its project references', its packages'), read from that build's
    /// output folder as <c>BuildProjectReferences=false</c> would; each is copied beside the compiled programs when it changed.
    /// </summary>
    private static IReadOnlyList<MetadataReference> ProjectReferences(IEnumerable<string> projects)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var output = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0");
            using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(project) + ".deps.json")));
            foreach (var library in deps.RootElement.GetProperty("targets").EnumerateObject().SelectMany(t => t.Value.EnumerateObject()))
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime)) continue;
                foreach (var asset in runtime.EnumerateObject()) found.TryAdd(Path.GetFileName(asset.Name), Path.Combine(output, Path.GetFileName(asset.Name)));
            }
        }
        Directory.CreateDirectory(ProgramsDirectory);
        foreach (var path in found.Values)
        {
            var source = new FileInfo(path);
            var copy = new FileInfo(Path.Combine(ProgramsDirectory, source.Name));
            if (!copy.Exists || copy.Length != source.Length || copy.LastWriteTimeUtc != source.LastWriteTimeUtc) source.CopyTo(copy.FullName, overwrite: true);
        }
        return [.. found.Values.Select(p => MetadataReference.CreateFromFile(p))];
    }

    private static bool IsAssembly(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        return pe.HasMetadata;
    }

    [GeneratedRegex(@"^#:project\s+(\S+\.csproj)\s*$")]
    private static partial Regex ProjectDirective();

    [GeneratedRegex(@"^#:property\s+(\w+)=(\S*)\s*$")]
    private static partial Regex PropertyDirective();

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
    public void The_readers_dotnet_run_of_one_twin_prints_the_same_bytes_as_the_compiled_twin()
    {
        // One reader's command, for a twin that loads the library (05-08 reference every project 01-04 reference, and more).
        Assert.Contains("#:project ../lib/ReproBundle/ReproBundle.csproj", File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, Path.ChangeExtension(Assert.Single(fixture.ReaderTwins), ".cs"))));
        Assert.Single(fixture.ReaderRuns);
        foreach (var (name, (exitCode, output, _)) in fixture.ReaderRuns)
        {
            Assert.True(exitCode == 0, $"dotnet run {Path.ChangeExtension(name, ".cs")} exited with {exitCode}:\n{string.Join("\n", output.Split('\n').TakeLast(30))}");
            // A first `dotnet run` restores the twin's project and may print NuGet's warnings (NU1603, README) before the program runs.
            var program = string.Join("", output.Split('\n').SkipWhile(l => BuildWarning().IsMatch(l)).Select(l => l + "\n"))[..^1];
            Assert.True(fixture.Runs[name].Output == program, $"dotnet run {Path.ChangeExtension(name, ".cs")} printed other bytes than the compiled twin");
        }
    }

    [GeneratedRegex(@"^\S.* : warning [A-Z]+[0-9]+: ")]
    private static partial Regex BuildWarning();

    [Fact]
    public void The_agent_density_twin_prints_the_appendix_C_densities_with_their_steps_and_units()
    {
        var output = fixture.Runs["04-agent-density.ipynb"].Output;
        // Appendix C by hand: (1e6 / 30000) · 5 = 166.67, · 0.7 = 116.67; the ASIC's (1e6 / 12000) · 100 = 8333.33 and · 0.8 = 6666.67,
        // shown as the notebooks show numbers.
        static string Shown(double v) => NotebookDisplay.FormatNumber(v);
        // Issue 25: each value carries its step (the notebook's heading) and its unit (the cell's comment), no bare cell id.
        Assert.Contains($"\nStep 4 · Streams per $1 M of CapEx: {Shown(1e6 / 30_000 * 5)} streams per $1M\n", output);
        Assert.Contains($"\nStep 5 · Adjusted for utilization: {Shown(1e6 / 30_000 * 5 * 0.7)} streams per $1M, at utilization u\n", output);
        Assert.Contains("\nStep 3 · Streams per node: 5 streams per node\n", output);
        Assert.DoesNotMatch(@"(?m)^\[cell-", output);
        Assert.Contains($"| {Shown(1e6 / 12_000 * 100)} | {Shown(1e6 / 12_000 * 100 * 0.8)} |", output);
    }
}
