using Xunit;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>Checks on the notebooks as committed, without running a kernel.</summary>
public partial class CommittedNotebookTests
{
    private static NotebookDocument Load(string name) => NotebookDocument.Load(Path.Combine(NotebookPaths.NotebooksDirectory, name));

    public static TheoryData<string> Notebooks => NotebookPaths.NotebookNames();

    [Fact]
    public void The_notebooks_folder_holds_notebooks() => Assert.NotEmpty(Notebooks);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_is_committed_without_outputs_execution_counts_or_run_timestamps(string name)
    {
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, name)));
        foreach (var (cell, number) in json.RootElement.GetProperty("cells").EnumerateArray().Select((c, i) => (c, i + 1)))
        {
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            Assert.True(cell.GetProperty("outputs").GetArrayLength() == 0, $"{name} cell {number} has outputs: clear them before committing");
            Assert.True(cell.GetProperty("execution_count").ValueKind == JsonValueKind.Null, $"{name} cell {number} has an execution count");
            Assert.DoesNotContain("dotnet_repl_", cell.GetProperty("metadata").GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_opens_with_a_markdown_title_then_the_two_shared_setup_cells(string name)
    {
        var cells = Load(name).Cells;
        Assert.True(cells.Count >= 4, $"{name} has too few cells");
        Assert.Equal("markdown", cells[0].CellType);
        Assert.Matches(@"^# \d\d · ", cells[0].Source);
        Assert.Equal(SetupCells[0], cells[1].Source);
        Assert.Equal(SetupCells[1], cells[2].Source);
        Assert.Equal(".net-csharp", Load(name).KernelName);
    }

    /// <summary>The two setup cells, as notebook 01 has them; every other notebook must have the same text.</summary>
    private static readonly string[] SetupCells = Load(NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory).Select(Path.GetFileName).First()!)
        .CodeCells.Take(2).Select(c => c.Source).ToArray();

    [Fact]
    public void The_setup_cells_load_the_shared_setup_files()
    {
        Assert.Contains("#load \"setup-build.csx\"", SetupCells[0]);
        Assert.Contains("#load \"setup.csx\"", SetupCells[1]);
    }

    /// <summary>
    /// Whether a notebook loads lib/ReproBundle (the figures, registry, audit and Monte Carlo it shows): notebooks 05-08
    /// do; 01-04 (the paper's equations and inputs) need only the model, the loader and the display project.
    /// </summary>
    public static bool LoadsTheLibrary(string name) => string.CompareOrdinal(name, "05") >= 0;

    private const string LibrarySetupCell =
        "// Shared setup 3 (notebooks 05-08 only, the same in each): reference lib/ReproBundle, whose figures, registry, audit and Monte Carlo this notebook shows.\n" +
        "#load \"setup-library.csx\"";

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebooks_05_to_08_load_the_library_in_a_third_shared_setup_cell_and_01_to_04_never_reference_it(string name)
    {
        var cells = Load(name).CodeCells.ToList();
        if (LoadsTheLibrary(name))
        {
            Assert.Equal(LibrarySetupCell, cells[2].Source);
        }
        foreach (var cell in cells.Skip(LoadsTheLibrary(name) ? 3 : 0))
        {
            Assert.True(!cell.Source.Contains("setup-library.csx", StringComparison.Ordinal) && !DllReference().IsMatch(cell.Source),
                $"{name} cell {cell.Number} ({cell.Id}) references an assembly of its own: {(LoadsTheLibrary(name) ? "the third setup cell does that" : "notebooks 01-04 load only what setup.csx references")}");
        }
    }

    [Fact]
    public void The_library_setup_file_references_lib_ReproBundle_and_nothing_else()
    {
        var references = DllReference().Matches(File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, "setup-library.csx"))).Select(m => m.Groups[1].Value);
        Assert.Equal(["../lib/ReproBundle/bin/Release/net10.0/ReproBundle.dll"], references);
    }

    [Fact]
    public void What_notebooks_01_to_04_load_never_reaches_lib_ReproBundle_or_its_heavy_packages()
    {
        // The assemblies the two shared setup files reference, and everything they reference in turn (read from the
        // DLLs' metadata, as the runtime would load them): none may be lib/ReproBundle or a package only it needs.
        var setupFiles = new[] { "setup-build.csx", "setup.csx" }.Select(f => File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, f)));
        var referenced = setupFiles.SelectMany(text => DllReference().Matches(text).Select(m => m.Groups[1].Value)).ToList();
        Assert.All(referenced, path => Assert.StartsWith("../lib/ReproBundle.Display/bin/Release/net10.0/", path));
        var names = referenced.Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Contains("ReproBundle.Display", names);

        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(names!);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly)) continue;
            // The test's output folder holds every assembly of the solution and its packages; the runtime's own are not there.
            var file = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
            if (!File.Exists(file)) continue;
            using var stream = File.OpenRead(file);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in metadata.AssemblyReferences) pending.Enqueue(metadata.GetString(metadata.GetAssemblyReference(handle).Name));
        }
        Assert.Contains("Deedle", seen);
        Assert.Contains("ReproBundle.Model", seen);
        Assert.Contains("ReproBundle.Data", seen);
        var heavy = new[] { "ReproBundle", "PuppeteerSharp", "Markdig", "JsonSchema.Net", "MathNet.Numerics", "Microsoft.AspNetCore.Components.Web", "Microsoft.DotNet.Interactive.Documents" };
        Assert.True(!seen.Overlaps(heavy), $"notebooks 01-04 would load {string.Join(", ", seen.Intersect(heavy))}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_calls_the_library_instead_of_defining_math_of_its_own(string name)
    {
        var found = Load(name).CodeCells.SelectMany(cell => NotebookArithmetic.Find(cell.Source).Select(f => $"cell {cell.Number} ({cell.Id}): {f}")).ToList();
        Assert.True(found.Count == 0,
            $"{name} computes in its cells instead of calling the library (put the equation in lib/ReproBundle.Model and call it): {string.Join("; ", found)}");
    }

    [Theory]
    [InlineData("var pessimisticRange = asicRange * shortfall;", "asicRange * shortfall")]
    [InlineData("new { Ratio = asic.D / h100.D }", "asic.D / h100.D")]
    [InlineData("double C = 30_000 + 5;", "30_000 + 5")]
    [InlineData("var x = y; x *= 2;", "x *= 2")]
    [InlineData("Math.Round(d, 2)", "Math.Round")]
    [InlineData("var d = 1e6 / C;", "1e6 / C")]
    [InlineData("(a - b) % 3", "(a - b) % 3")]
    public void The_formula_check_finds_arithmetic_between_numbers_and_identifiers(string code, string expected) =>
        Assert.Contains(expected, NotebookArithmetic.Find(code));

    [Theory]
    [InlineData("var text = \"D = \" + d;")]
    [InlineData("$\"{a} and {b}\" + \" more\"")]
    [InlineData("new { Gigabytes = weights / 1e9, Milliseconds = seconds * 1e3 }")]
    [InlineData("AgentDensity.DensityAtUtilization(D, u) // D * u, in a comment")]
    [InlineData("var s = \"t / r\";")]
    [InlineData("new[] { 1.0, 2, -5 }")]
    public void The_formula_check_leaves_text_comments_and_unit_prefixes_alone(string code) =>
        Assert.Empty(NotebookArithmetic.Find(code));

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_notebook_has_key_numbers_that_the_headless_test_checks(string name) =>
        Assert.True(NotebookKeyNumbers.ByNotebook.ContainsKey(name),
            $"{name} has no entry in tests/ReproBundle.Tests/Notebooks/NotebookKeyNumbers.cs: add the numbers it shows, computed from the library");

    private static Dictionary<string, string> PinnedVersions() =>
        XDocument.Load(Path.Combine(NotebookPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"#r\s+""nuget:\s*([^,""\s]+)\s*(?:,\s*([^""\s]+))?\s*""")]
    private static partial Regex NugetReference();

    [GeneratedRegex(@"#r\s+""([^""]+\.dll)""")]
    private static partial Regex DllReference();

    private static IEnumerable<(string File, string Text)> NotebookSources() =>
        Directory.GetFiles(NotebookPaths.NotebooksDirectory, "*.csx").Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .Concat(NotebookRunner.FindNotebooks(NotebookPaths.NotebooksDirectory)
                .SelectMany(p => NotebookDocument.Load(p).CodeCells.Select(c => ($"{Path.GetFileName(p)} cell {c.Number}", c.Source))));

    [Fact]
    public void A_nuget_reference_in_a_notebook_names_exactly_the_version_pinned_in_Directory_Packages_props()
    {
        var pinned = PinnedVersions();
        foreach (var (file, text) in NotebookSources())
        {
            foreach (Match m in NugetReference().Matches(text))
            {
                var package = m.Groups[1].Value;
                Assert.True(pinned.TryGetValue(package, out var version), $"{file}: {package} is not pinned in Directory.Packages.props");
                Assert.True(m.Groups[2].Success, $"{file}: #r \"nuget: {package}\" names no version; pin {version}");
                Assert.Equal(version, m.Groups[2].Value);
            }
        }
    }

    [Fact]
    public void The_packages_the_setup_references_from_the_build_output_are_restored_at_the_pinned_versions()
    {
        var pinned = PinnedVersions();
        var setup = File.ReadAllText(Path.Combine(NotebookPaths.NotebooksDirectory, "setup.csx"));
        var packages = DllReference().Matches(setup).Select(m => Path.GetFileNameWithoutExtension(m.Groups[1].Value))
            .Where(n => n is not ("ReproBundle" or "ReproBundle.Model" or "ReproBundle.Data" or "ReproBundle.Display")).ToList();
        Assert.Contains("Deedle", packages);
        Assert.Contains("Plotly.NET", packages);

        // The test project restores the same graph as the library (central pinning); its deps.json records what restore chose.
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReproBundle.Tests.deps.json")));
        var restored = deps.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/'))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        foreach (var package in packages)
        {
            Assert.True(pinned.TryGetValue(package, out var version), $"setup.csx references {package}.dll, which Directory.Packages.props does not pin");
            Assert.True(restored.TryGetValue(package, out var actual), $"{package} is not in the restore graph");
            Assert.Equal(version, actual);
        }
    }
}
