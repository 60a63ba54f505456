using Xunit;

namespace ReproBundle.Tests.Cli;

/// <summary>
/// Every class of bad input: one line naming the file and line or the option, exit code 2, no stack
/// trace, and nothing written under the output folder. Most cases run the CLI's command tree in this process
/// (<see cref="ReproBundle.Cli.CliRunner.Run"/>, what the program's Main calls), which costs no process start; three
/// (a missing data file, an unknown option, a missing required option) run the built program as a separate process,
/// so the real exit code and stderr are proven for a data fault and for a usage fault.
/// </summary>
public class BadInputTests
{
    /// <summary>The CLI run in this process, as a <see cref="CliResult"/>.</summary>
    private static CliResult InProcess(params string[] args)
    {
        var (code, stdout, stderr, _) = Faults.FaultCorpusTests.RunInProcess(args);
        return new CliResult(code, stdout, stderr);
    }

    private static void Edit(string dataDir, string file, Func<string, string> change)
    {
        var path = Path.Combine(dataDir, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    private static void AssertRejected(CliResult r, params string[] expected)
    {
        r.AssertExit(2);
        var lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got: {r.Stderr}");
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        foreach (var e in expected) Assert.Contains(e, lines[0]);
    }

    /// <summary>Runs reproduce on a broken copy of data/ into an output folder holding one old file, and checks nothing changed.</summary>
    private static void AssertReproduceRejects(Action<string> breakData, params string[] expected) =>
        AssertReproduceRejects(breakData, asProcess: false, expected);

    private static void AssertReproduceRejects(Action<string> breakData, bool asProcess, params string[] expected)
    {
        using var temp = TestPaths.CopyOfData();
        var data = Path.Combine(temp.Path, "data");
        breakData(data);
        var output = Path.Combine(temp.Path, "output");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "previous-run.txt"), "kept");
        string[] args = ["reproduce", "--data", data, "--output", output];
        var r = asProcess ? CliProcess.RunIn(temp.Path, null, args) : InProcess(args);
        AssertRejected(r, expected);
        Assert.Equal(["previous-run.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".output.staging-*"));
    }

    [Fact]
    public void A_missing_data_file_is_named()
    {
        AssertReproduceRejects(d => File.Delete(Path.Combine(d, "table2_projections.csv")), asProcess: true, "table2_projections.csv: file not found");
    }

    [Fact]
    public void A_missing_data_folder_is_named()
    {
        AssertReproduceRejects(d => Directory.Delete(d, true), "data folder not found");
    }

    [Fact]
    public void A_garbled_csv_line_is_named_by_file_and_line()
    {
        AssertReproduceRejects(d => Edit(d, "table1_baselines.csv", s => s.Replace("b200,B200,", "b200,B2\"00,")), "table1_baselines.csv:3:", "stray quote");
    }

    [Fact]
    public void A_row_with_too_few_cells_is_named_by_file_and_line()
    {
        AssertReproduceRejects(d => Edit(d, "table2_projections.csv", s => s + "broken,row\n"), "table2_projections.csv:8:", "has 2 cells, the header has 9");
    }

    [Fact]
    public void A_non_numeric_cell_is_named_by_file_line_and_column()
    {
        AssertReproduceRejects(d => Edit(d, "table1_baselines.csv", s => s.Replace("30000,28-35,28-35,700,", "30000,28-35,28-35,seven hundred,")),
            "table1_baselines.csv:2:", "column 'power_w'", "'seven hundred' is not a number");
    }

    [Fact]
    public void A_range_with_low_above_high_is_named()
    {
        AssertReproduceRejects(d => Edit(d, "inputs.csv", s => s.Replace("asic.node_cost_usd,8000-20000,", "asic.node_cost_usd,20000-8000,")),
            "inputs.csv:", "column 'value'", "range '20000-8000' has its low end greater than its high end");
    }

    [Fact]
    public void A_utilization_outside_zero_to_one_in_data_is_named()
    {
        AssertReproduceRejects(d => Edit(d, "inputs.csv", s => s.Replace("appc.h100.utilization,0.7,", "appc.h100.utilization,1.7,")),
            "inputs.csv:", "'appc.h100.utilization' = 1.7 must lie in (0, 1]");
    }

    [Fact]
    public void A_non_positive_capex_in_data_is_named()
    {
        AssertReproduceRejects(d => Edit(d, "inputs.csv", s => s.Replace("appc.asic.capex_usd,12000,", "appc.asic.capex_usd,0,")),
            "inputs.csv:", "'appc.asic.capex_usd' = 0 must be greater than 0");
    }

    [Fact]
    public void An_unknown_input_name_is_named()
    {
        AssertReproduceRejects(d => Edit(d, "inputs.csv", s => s + "appc.h100.colour,3,x,bundle-assumption,,a rationale long enough to pass the rationale rule\n"),
            "inputs.csv:", "unknown input 'appc.h100.colour'");
    }

    [Fact]
    public void A_reference_that_is_not_in_the_bibliography_is_named()
    {
        AssertReproduceRejects(d => Edit(d, "table1_baselines.csv", s => s.Replace(",nvidia2024mlperf,\"Table 1 row \"\"H100", ",nvidia2099,\"Table 1 row \"\"H100")),
            "table1_baselines.csv:2:", "reference 'nvidia2099' is not a key of references.bib");
    }

    [Fact]
    public void A_malformed_claim_row_is_named()
    {
        AssertReproduceRejects(d => Edit(d, "claims.csv", s => s.Replace(",~140 GB,140,GB,equal,printed,", ",~140 GB,140,GB,equalish,printed,")),
            "claims.csv:3:", "'equalish' is not a rule");
    }

    [Theory]
    [InlineData("--utilization", "1.5", "--utilization: 1.5 must lie in (0, 1]")]
    [InlineData("--utilization", "0", "--utilization: 0 must lie in (0, 1]")]
    [InlineData("--capex-usd", "0", "--capex-usd: 0 must be greater than 0")]
    [InlineData("--capex-usd", "-30000", "--capex-usd: -30000 must be greater than 0")]
    [InlineData("--tokens-per-second", "-3", "--tokens-per-second: -3 must be greater than 0")]
    [InlineData("--stream-tokens-per-second", "0", "--stream-tokens-per-second: 0 must be greater than 0")]
    [InlineData("--lifetime-years", "0", "--lifetime-years: 0 must be greater than 0")]
    [InlineData("--capex-usd", "abc", "abc")]
    public void A_density_option_out_of_range_is_named(string option, string value, string expected)
    {
        var args = new Dictionary<string, string>
        {
            ["--capex-usd"] = "30000", ["--lifetime-years"] = "3", ["--utilization"] = "0.7",
            ["--tokens-per-second"] = "25", ["--stream-tokens-per-second"] = "5",
        };
        args[option] = value;
        var r = InProcess(["density", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);
        AssertRejected(r, expected);
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        AssertRejected(CliProcess.Run("reproduce", "--frobnicate"), "--frobnicate");
    }

    [Fact]
    public void A_missing_required_option_is_named()
    {
        AssertRejected(CliProcess.Run("density", "--capex-usd", "30000"), "--lifetime-years");
    }
}
