using Xunit;

namespace ReproBundle.Tests.Cli;

/// <summary>`reproduce` end to end, as a separate process: the files, their columns, and determinism.</summary>
public class ReproduceCommandTests
{
    private static readonly string[] Tables =
    [
        "tables/table1_baselines.csv", "tables/table2_projections.csv", "tables/agent_density.csv",
        "tables/projections_table.csv", "claims_audit.csv", "claims_audit.md", "MANIFEST.json",
    ];

    private static CliResult Reproduce(string output, IDictionary<string, string>? env = null) =>
        CliProcess.RunIn(TestPaths.RepoRoot, env, "reproduce", "--data", TestPaths.DataDir, "--output", output);

    [Fact]
    public void Reproduce_writes_every_table_the_audit_and_the_manifest()
    {
        using var temp = TestPaths.NewTempDir();
        var output = Path.Combine(temp.Path, "out");
        var result = Reproduce(output);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.All(Tables, t => Assert.True(File.Exists(Path.Combine(output, t)), t));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".out.staging-*"));
    }

    [Theory]
    [InlineData("tables/table1_baselines.csv", "platform,energy_j_per_token_lo,energy_j_per_token_hi,tok_s_per_chip_lo,tok_s_per_chip_hi")]
    [InlineData("tables/agent_density.csv", "scenario,capex_usd,lifetime_years,utilization,tok_s,stream_tok_s,hourly_capex_usd,cost_usd_per_mtok,streams_per_node,density_per_musd,density_per_musd_at_utilization")]
    [InlineData("tables/table2_projections.csv", "metric,h100_lo,h100_hi,asic_lo,asic_hi,ratio_published_lo,ratio_published_hi,ratio_computed_lo,ratio_computed_hi")]
    [InlineData("claims_audit.csv", "claim_id,section,quote,published,recomputed,verdict")]
    public void Exports_have_the_required_columns(string file, string required)
    {
        using var temp = TestPaths.NewTempDir();
        Assert.Equal(0, Reproduce(temp.Path).ExitCode);
        var header = File.ReadLines(Path.Combine(temp.Path, file)).First().Split(',');
        Assert.All(required.Split(','), column => Assert.Contains(column, header));
    }

    [Fact]
    public void Csv_exports_are_utf8_without_bom_with_lf_line_ends()
    {
        using var temp = TestPaths.NewTempDir();
        Assert.Equal(0, Reproduce(temp.Path).ExitCode);
        foreach (var csv in Directory.EnumerateFiles(temp.Path, "*.csv", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(csv);
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB, $"{csv} has a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
        }
    }

    [Fact]
    public void Two_runs_in_different_cultures_and_time_zones_write_identical_bytes()
    {
        using var temp = TestPaths.NewTempDir();
        var a = Path.Combine(temp.Path, "a");
        var b = Path.Combine(temp.Path, "b");
        Assert.Equal(0, Reproduce(a, new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["TZ"] = "UTC" }).ExitCode);
        var german = new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["TZ"] = "Asia/Kathmandu" };
        var run = Reproduce(b, german);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var filesA = RelativeFiles(a);
        Assert.Equal(filesA, RelativeFiles(b));
        foreach (var file in filesA.Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, file))), $"{file} differs between runs");
        }
    }

    private static List<string> RelativeFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Manifest_hashes_every_output_and_every_data_input()
    {
        using var temp = TestPaths.NewTempDir();
        Assert.Equal(0, Reproduce(temp.Path).ExitCode);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "MANIFEST.json")));
        var outputs = manifest.RootElement.GetProperty("outputs");
        foreach (var file in RelativeFiles(temp.Path).Where(f => f != "MANIFEST.json"))
        {
            var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(temp.Path, file))));
            Assert.Equal(expected, outputs.GetProperty(file.Replace('\\', '/')).GetString());
        }
        var inputs = manifest.RootElement.GetProperty("inputs");
        Assert.True(inputs.TryGetProperty("data/inputs.csv", out _));
        Assert.True(inputs.TryGetProperty("data/claims.csv", out _));
    }

    [Fact]
    public void Audit_markdown_counts_verdicts_and_lists_every_claim()
    {
        using var temp = TestPaths.NewTempDir();
        Assert.Equal(0, Reproduce(temp.Path).ExitCode);
        var csvRows = File.ReadAllLines(Path.Combine(temp.Path, "claims_audit.csv")).Length - 1;
        var md = File.ReadAllText(Path.Combine(temp.Path, "claims_audit.md"));
        Assert.Contains($"| total | {csvRows} |", md);
        Assert.True(csvRows >= 60);
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
        var r = CliProcess.RunIn(temp.Path, null, "reproduce", "--data", data, "--output", Path.Combine(temp.Path, "output"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(before, Fingerprint());
    }
}
