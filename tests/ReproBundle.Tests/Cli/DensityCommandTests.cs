using System.Text.Json;
using Xunit;

namespace ReproBundle.Tests.Cli;

/// <summary>`density`: Appendix C for one node type from the command line.</summary>
public class DensityCommandTests
{
    [Fact]
    public void Density_json_reproduces_the_H100_worked_example_with_the_table_field_names()
    {
        var r = CliProcess.Run("density", "--capex-usd", "30000", "--lifetime-years", "3", "--utilization", "0.7",
            "--tokens-per-second", "25", "--stream-tokens-per-second", "5", "--json");
        r.AssertExit(0);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        Assert.Equal(ReproBundle.Exports.AgentDensityTable.Columns, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(116.67, Math.Round(root.GetProperty("density_per_musd_at_utilization").GetDouble(), 2));
        Assert.Equal(166.67, Math.Round(root.GetProperty("density_per_musd").GetDouble(), 2));
        Assert.Equal(5, root.GetProperty("streams_per_node").GetDouble());
    }

    [Fact]
    public void Density_text_walks_every_step_of_appendix_C()
    {
        var r = CliProcess.RunIn(TestPaths.RepoRoot, new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8" },
            "density", "--capex-usd", "12000", "--lifetime-years", "3", "--utilization", "0.8", "--tokens-per-second", "500", "--stream-tokens-per-second", "5");
        r.AssertExit(0);
        Assert.Contains("hourly amortized CapEx", r.Stdout);
        Assert.Contains("= 100\n", r.Stdout);
        Assert.Contains("D * u                          = 6666.66666666666", r.Stdout);
    }

    private static (int Code, string Out, string Err) RunInProcess(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Scenario_both_prints_each_step_next_to_the_printed_value_and_the_two_ratios()
    {
        var (code, text, _) = RunInProcess("density", "--scenario", "both", "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        // H100: D = 1e6 / 30000 * 25 / 5 = 166.67, printed ~167; D*u = 116.67, printed ~117.
        Assert.Matches(@"density_per_musd +\(1e6 / C\) \* \(t / r\) +~167 +167 +166\.666666666666\d* +yes", text);
        Assert.Matches(@"density_per_musd_at_utilization +D \* u +~6667 +6667 +6666\.666666666666\d* +yes", text);
        // Ratio 6666.67 / 116.667 = 400/7 = 57.14 against the printed 50x; with t_ASIC halved 200/7 = 28.57 > 10x.
        Assert.Matches(@"density_ratio .+ 50x +57 +57\.142857142857\d* +NO", text);
        Assert.Matches(@"fp4_pessimistic_ratio .+ >10x +29 +28\.571428571428\d* +yes", text);
    }

    [Fact]
    public void Scenario_h100_with_an_option_overrides_the_worked_example_and_shows_where_it_departs_from_the_paper()
    {
        var (code, text, _) = RunInProcess("density", "--scenario", "h100", "--tokens-per-second", "40", "--data", TestPaths.DataDir);
        Assert.Equal(0, code);
        Assert.Contains("t = 40 tok/s", text);
        // t / r = 40 / 5 = 8 against the printed 5.
        Assert.Matches(@"streams_per_node +t / r +5 +8 +8 +NO", text);
    }

    [Fact]
    public void Scenario_both_walks_both_worked_examples_with_per_platform_values()
    {
        var (code, text, err) = RunInProcess("density", "--scenario", "both", "--h100-tokens-per-second", "40", "--asic-capex-usd", "24000", "--data", TestPaths.DataDir);
        Assert.True(code == 0, err);
        Assert.Contains("Appendix C H100 worked example: C = 30000 USD, L = 3 yr, u = 0.7, t = 40 tok/s, r = 5 tok/s", text);
        Assert.Contains("Appendix C ASIC worked example: C = 24000 USD, L = 3 yr, u = 0.8, t = 500 tok/s, r = 5 tok/s", text);
        // H100: 1e6 / 30000 * 40 / 5 * 0.7 = 186.67; ASIC: 1e6 / 24000 * 500 / 5 * 0.8 = 3333.33; ratio 3333.33 / 186.67 = 17.857.
        Assert.Matches(@"density_per_musd_at_utilization +D \* u +~117 +187 +186\.666666666666\d* +NO", text);
        Assert.Matches(@"density_per_musd_at_utilization +D \* u +~6667 +3333 +3333\.33333333333\d* +NO", text);
        Assert.Matches(@"density_ratio .+ 50x +18 +17\.85714285714\d* +NO", text);
        // With t_ASIC halved: 1666.67 / 186.67 = 8.93, under the paper's >10x.
        Assert.Matches(@"fp4_pessimistic_ratio .+ >10x +9 +8\.92857142857\d* +NO", text);
    }

    [Fact]
    public void Density_follows_an_assumptions_file_with_quantity_names()
    {
        using var temp = TestPaths.NewTempDir();
        var file = Path.Combine(temp.Path, "mine.yaml");
        File.WriteAllText(file, "h100.decode_tok_s: 40\nasic.capex_usd: {value: 24000, why: \"twice the node cost\"}\n");
        var (code, text, err) = RunInProcess("density", "--assumptions", file, "--data", TestPaths.DataDir);
        Assert.True(code == 0, err);
        // Same numbers as the per-platform walk above: the quantity names reach Appendix C's worked examples.
        Assert.Contains("t = 40 tok/s", text);
        Assert.Contains("C = 24000 USD", text);
        Assert.Matches(@"density_ratio .+ 50x +18 +17\.85714285714\d* +NO", text);
    }

    [Theory]
    [InlineData("--h100-utilization", "2", "error: --h100-utilization: 2 must lie in (0, 1]")]
    [InlineData("--asic-tokens-per-second", "0", "error: --asic-tokens-per-second: 0 must be greater than 0")]
    [InlineData("--asic-capex-usd", "x", "--asic-capex-usd: 'x' is not a number")]
    public void A_bad_per_platform_value_is_bad_input_naming_the_option(string option, string value, string expected)
    {
        var (code, _, err) = RunInProcess("density", "--scenario", "both", option, value, "--data", TestPaths.DataDir);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_per_platform_option_of_the_other_platform_is_refused_naming_it()
    {
        var (code, _, err) = RunInProcess("density", "--scenario", "h100", "--asic-utilization", "0.5", "--data", TestPaths.DataDir);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --asic-utilization: sets the ASIC worked example", err);
    }

    [Fact]
    public void Scenario_both_refuses_a_step_option_and_a_missing_option_names_itself()
    {
        var (code, _, err) = RunInProcess("density", "--scenario", "both", "--capex-usd", "5", "--data", TestPaths.DataDir);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --capex-usd:", err);
        Assert.Contains("--h100-capex-usd or --asic-capex-usd", err);
        (code, _, err) = RunInProcess("density", "--capex-usd", "5");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --lifetime-years: is required", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }
}
