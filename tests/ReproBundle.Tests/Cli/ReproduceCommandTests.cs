using Xunit;

namespace ReproBundle.Tests.Cli;

/// <summary>
/// `reproduce` end to end, as a separate process: the files, their columns, and determinism. Every test reads the one
/// shared <see cref="ReproduceNoPngRun"/> (PNGs are <see cref="ReproducePngTests"/>' subject).
/// </summary>
[Collection(ReproduceOutput.Name)]
public class ReproduceCommandTests(ReproduceNoPngRun run)
{
    private static readonly string[] Tables =
    [
        "tables/table1_baselines.csv", "tables/table2_projections.csv", "tables/agent_density.csv",
        "tables/projections_table.csv", "claims_audit.csv", "claims_audit.md", "errata.md", "errata.csv", "MANIFEST.json",
    ];

    [Fact]
    public void Reproduce_writes_every_table_the_audit_and_the_manifest()
    {
        var output = run.SucceededOutput();
        Assert.All(Tables, t => Assert.True(File.Exists(Path.Combine(output, t)), t));
        Assert.Empty(Directory.GetDirectories(run.Parent, ".out.staging-*"));
    }

    [Theory]
    [InlineData("tables/table1_baselines.csv", "platform,energy_j_per_token_lo,energy_j_per_token_hi,tok_s_per_chip_lo,tok_s_per_chip_hi")]
    [InlineData("tables/agent_density.csv", "scenario,capex_usd,lifetime_years,utilization,tok_s,stream_tok_s,hourly_capex_usd,cost_usd_per_mtok,streams_per_node,density_per_musd,density_per_musd_at_utilization")]
    [InlineData("tables/table2_projections.csv", "metric,h100_lo,h100_hi,asic_lo,asic_hi,ratio_published_lo,ratio_published_hi,ratio_computed_lo,ratio_computed_hi")]
    [InlineData("claims_audit.csv", "claim_id,section,quote,published,recomputed,verdict")]
    public void Exports_have_the_required_columns(string file, string required)
    {
        var header = File.ReadLines(Path.Combine(run.SucceededOutput(), file)).First().Split(',');
        Assert.All(required.Split(','), column => Assert.Contains(column, header));
    }

    [Fact]
    public void Csv_exports_are_utf8_without_bom_with_lf_line_ends()
    {
        foreach (var csv in Directory.EnumerateFiles(run.SucceededOutput(), "*.csv", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(csv);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, $"{csv} has a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void Two_runs_in_different_cultures_and_time_zones_write_identical_bytes()
    {
        // The shared run used LANG=C.UTF-8 and TZ=UTC; this one German and Kathmandu (UTC+05:45).
        var a = run.SucceededOutput();
        using var temp = TestPaths.NewTempDir();
        var b = Path.Combine(temp.Path, "b");
        var german = new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["TZ"] = "Asia/Kathmandu" };
        CliProcess.RunIn(TestPaths.RepoRoot, german, "reproduce", "--data", TestPaths.DataDir, "--output", b, "--no-png").AssertExit(0);
        var filesA = RelativeFiles(a);
        Assert.Equal(filesA, RelativeFiles(b));
        foreach (var file in filesA)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), $"{file} differs between runs");
        }
    }

    internal static List<string> RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Manifest_hashes_every_output_and_every_data_input()
    {
        var output = run.SucceededOutput();
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MANIFEST.json")));
        var outputs = manifest.RootElement.GetProperty("outputs");
        var files = RelativeFiles(output).Where(f => f != "MANIFEST.json").ToList();
        foreach (var file in files)
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(output, file))));
            Assert.Equal(expected, outputs.GetProperty(file.Replace('\\', '/')).GetString());
        }
        Assert.Equal(files.Count, outputs.EnumerateObject().Count());
        // --no-png asked for no PNG: none is written and none is "missing".
        Assert.DoesNotContain(files, f => f.EndsWith(".png", StringComparison.Ordinal));
        Assert.False(manifest.RootElement.TryGetProperty("missing", out _));
        var inputs = manifest.RootElement.GetProperty("inputs");
        Assert.True(inputs.TryGetProperty("data/inputs.csv", out _));
        Assert.True(inputs.TryGetProperty("data/claims.csv", out _));
    }

    [Fact]
    public void Audit_markdown_counts_verdicts_and_lists_every_claim()
    {
        var output = run.SucceededOutput();
        var table = ReproBundle.Data.CsvTable.Load(Path.Combine(output, "claims_audit.csv"), "sentence_id");
        var csvRows = table.Rows.Count;
        var sentences = table.Rows.Select(r => r["sentence_id"]).Distinct().Count();
        var md = File.ReadAllText(Path.Combine(output, "claims_audit.md"));
        // One verdict per sentence, with the claims (parts) beside (docs/verdict-policy.md).
        Assert.Contains($"| total | {sentences} | {csvRows} |", md);
        Assert.True(csvRows >= 60);
    }

    [Fact]
    public void Every_figure_page_loads_the_one_plotly_js_beside_it_in_figures_and_in_the_site()
    {
        var output = run.SucceededOutput();
        foreach (var folder in new[] { "figures", "site/figures" })
        {
            var pages = Directory.GetFiles(Path.Combine(output, folder), "*.html");
            Assert.Equal(11, pages.Length);
            Assert.All(pages, p => Assert.Contains("<script src=\"plotly.min.js\" charset=\"utf-8\"></script>", File.ReadAllText(p)));
            Assert.Single(Directory.GetFiles(Path.Combine(output, folder), "*.js"), f => Path.GetFileName(f) == "plotly.min.js");
        }
        Assert.Equal(2, Directory.GetFiles(output, "*.js", SearchOption.AllDirectories).Length);
    }
}

/// <summary>data/ is read-only for the program.</summary>
public class DataIsReadOnlyTests
{
    [Fact]
    public void Reproduce_leaves_every_data_file_byte_for_byte_as_it_was()
    {
        using var temp = TestPaths.CopyOfData();
        var data = Path.Combine(temp.Path, "data");
        string Fingerprint() => string.Join("\n", Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(data, f) + " " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
        var before = Fingerprint();
        // In this process (CliRunner.Run, what Main calls): the data files are what is checked, not the process.
        var (code, stdout, stderr, _) = Faults.FaultCorpusTests.RunInProcess(["reproduce", "--data", data, "--output", Path.Combine(temp.Path, "output"), "--no-png"]);
        new CliResult(code, stdout, stderr).AssertExit(0);
        Assert.Equal(before, Fingerprint());
    }
}
