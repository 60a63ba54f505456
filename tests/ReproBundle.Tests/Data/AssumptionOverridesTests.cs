using System.Text.Json;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Uncertainty;
using Xunit;
using static ReproBundle.Tests.Uncertainty.UncertaintyTestSupport;

namespace ReproBundle.Tests.Data;

public class AssumptionOverridesTests
{
    [Fact]
    public void An_override_that_doubles_t_doubles_D_through_reproduce_end_to_end()
    {
        var data = LoadData();
        var t = data.Values.AppendixCH100.TokensPerSecond;
        var file = WriteFile("double-t.yaml", $"# a reviewer who thinks the H100 is twice as fast\nappc.h100.tok_s: {Interval.Format(2 * t)}\n");
        var output = Path.Combine(TempDir(), "output");

        var (exit, _, err) = RunCli("reproduce", "--data", DataDirectory, "--output", output, "--assumptions", file, "--no-png");

        Assert.True(exit == 0, $"exit code {exit}: {err}");
        var h100 = ReadCsv(Path.Combine(output, "tables", "agent_density.csv")).Single(r => r["scenario"] == "h100");
        var baseline = AgentDensity.Derive(Scenarios.AppendixCH100(data.Values));
        Assert.Equal(2 * baseline.DensityPerMillionUsd, Number(h100["density_per_musd"]), 9);
        Assert.Equal(2 * baseline.DensityPerMillionUsdAtUtilization, Number(h100["density_per_musd_at_utilization"]), 9);
        Assert.Equal(2 * t, Number(h100["tok_s"]));
    }

    [Fact]
    public void The_manifest_records_the_assumptions_file_and_its_sha256()
    {
        var file = WriteFile("mine.json", "{ \"model.utilization\": \"0.5-0.8\" }\n");
        var output = Path.Combine(TempDir(), "output");

        var (exit, _, err) = RunCli("reproduce", "--data", DataDirectory, "--output", output, "--assumptions", file, "--no-png");

        Assert.True(exit == 0, $"exit code {exit}: {err}");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MANIFEST.json")));
        var assumptions = manifest.RootElement.GetProperty("assumptions");
        Assert.Equal("mine.json", assumptions.GetProperty("file").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))), assumptions.GetProperty("sha256").GetString());
        Assert.Equal("0.5-0.8", assumptions.GetProperty("overrides").GetProperty("model.utilization").GetString());
        var outputs = manifest.RootElement.GetProperty("outputs");
        foreach (var table in new[] { "uncertainty.csv", "uncertainty_inputs.csv", "uncertainty_tornado.csv", "break_even.csv" })
        {
            Assert.True(outputs.TryGetProperty($"tables/{table}", out _), table);
        }
        // The Monte Carlo drew utilization from the reviewer's range, not from data/'s 40-90%.
        var inputs = ReadCsv(Path.Combine(output, "tables", "uncertainty_inputs.csv")).Where(r => r["data_name"] == "model.utilization").ToList();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, r => Assert.Equal(("0.5", "0.8"), (r["lo"], r["hi"])));
        Assert.Contains(File.ReadAllLines(Path.Combine(output, "claims_audit.csv")), l => l.StartsWith("o2.mc_probability_ratio_above_10x,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a.yaml", "model.utilization: 0.5-0.8\nasic.node_cost_usd: {lo: 10000, hi: 30000}\ntable2.decode_single.asic: 250\n")]
    [InlineData("a.yml", "model.utilization: \"0.5-0.8\"\nasic.node_cost_usd:\n  lo: 10000\n  hi: 30000\ntable2.decode_single.asic: '250'\n")]
    [InlineData("a.json", "{\n  \"model.utilization\": \"0.5-0.8\",\n  \"asic.node_cost_usd\": {\"lo\": 10000, \"hi\": 30000},\n  \"table2.decode_single.asic\": 250\n}\n")]
    public void A_number_a_range_string_and_a_lo_hi_mapping_read_the_same_in_JSON_and_YAML(string name, string text)
    {
        var data = LoadData();
        var merged = AssumptionOverrides.Load(WriteFile(name, text), data).Apply(data);

        Assert.Equal(new Interval(0.5, 0.8), merged.Values.Utilization);
        Assert.Equal(new Interval(10000, 30000), merged.Values.AsicNodeCostUsd);
        Assert.Equal(Interval.Point(250), merged.Table2Rows.DecodeSingle.Asic);
        Assert.StartsWith("reviewer override", merged.Input("model.utilization").Source);
        Assert.Equal(data.Values.ActiveParameters, merged.Values.ActiveParameters);
    }

    [Fact]
    public void A_table_cell_override_reaches_the_Monte_Carlo_model()
    {
        var data = LoadData();
        var merged = AssumptionOverrides.Load(WriteFile("t.yaml", "table1.h100.capex_usd: 60000\ntable2.decode_single.h100: 30-40\n"), data).Apply(data);
        var model = UncertaintyModel.From(merged, UncertaintyScenario.PaperRanges);

        Assert.Equal(Interval.Point(60000), model.Quantities[0].Prior.Range);
        Assert.Equal(new Interval(30, 40), model.Quantities.Single(q => q.Id == "h100.tok_s").Prior.Range);
    }

    [Theory]
    [InlineData("bad.yaml", "model.utilisation: 0.5\n", "bad.yaml:1: unknown name 'model.utilisation' (did you mean 'model.utilization'?)")]
    [InlineData("bad.yaml", "appc.h100.tok_s: 25\nmodel.utilization: 1.5\n", "bad.yaml:2: model.utilization = 1.5 must lie in (0, 1] (allowed: in (0, 1], a number or a range fraction; data/ has 0.4-0.9)")]
    [InlineData("bad.yaml", "asic.node_cost_usd: -5\n", "bad.yaml:1: asic.node_cost_usd = -5 must be greater than 0 (allowed: greater than 0, a number or a range USD; data/ has 8000-20000)")]
    [InlineData("bad.yaml", "asic.node_cost_usd: cheap\n", "bad.yaml:1: asic.node_cost_usd: 'cheap' is not a number or a range 'lo-hi'; expected a number, a range \"lo-hi\", {lo, hi} or {value}, each mapping with an optional why")]
    [InlineData("bad.json", "{\"asic.node_cost_usd\": 0}", "bad.json:1: asic.node_cost_usd = 0 must be greater than 0 (allowed: greater than 0, a number or a range USD; data/ has 8000-20000)")]
    [InlineData("bad.yaml", "model.batch_efficiency_factor: true\n", "bad.yaml:1: model.batch_efficiency_factor: is a boolean; expected a number, a range \"lo-hi\", {lo, hi} or {value}, each mapping with an optional why")]
    [InlineData("bad.json", "{\n  \"asic.node_power_w\": [1500, 2500]\n}", "bad.json:2: asic.node_power_w: is a list; expected a number, a range \"lo-hi\", {lo, hi} or {value}, each mapping with an optional why")]
    [InlineData("bad.yaml", "asic.node_power_w: {lo: 2500, hi: 1500}\n", "bad.yaml:1: asic.node_power_w: lo 2500 is greater than hi 1500")]
    [InlineData("bad.yaml", "asic.node_power_w: {lo: 1500, high: 2500}\n", "bad.yaml:1: asic.node_power_w.high: unknown field; a value mapping has 'value' or 'lo' and 'hi', and may have 'why'")]
    [InlineData("bad.yaml", "appc.h100.tok_s: 20-30\n", "bad.yaml:1: appc.h100.tok_s = 20-30 must be a single number, not a range: it is a value of an Appendix C worked example (allowed: greater than 0, a single number tokens/s per node; data/ has 25)")]
    [InlineData("bad.json", "{\"asic.node_power_w\": 2000,\n \"asic.node_power_w\": 2100}", "bad.json:2: 'asic.node_power_w' is given twice (first at line 1)")]
    [InlineData("bad.json", "{\"asic.node_power_w\": 2000,,}", "bad.json:1: is not valid JSON")]
    [InlineData("bad.yaml", "- 1\n- 2\n", "bad.yaml:1: the top level is a list; expected a mapping of name: value pairs")]
    [InlineData("bad.txt", "asic.node_power_w: 2000\n", "--assumptions: ")]
    public void A_bad_assumptions_file_is_rejected_with_file_line_key_and_allowed_range_exit_2_and_nothing_written(string name, string text, string expected)
    {
        var file = WriteFile(name, text);
        var output = Path.Combine(TempDir(), "output");

        var (exit, stdout, stderr) = RunCli("reproduce", "--data", DataDirectory, "--output", output, "--assumptions", file);

        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: " + (expected.StartsWith("--") ? expected : Path.Combine(Path.GetDirectoryName(file)!, expected)), line);
        Assert.DoesNotContain("   at ", stderr);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public void Data_README_lists_every_name_that_can_be_overridden_exactly_as_generated()
    {
        var readme = File.ReadAllText(Path.Combine(DataDirectory, "README.md"));
        var section = AssumptionOverrides.ReadmeSection(LoadData());

        Assert.Contains(section, readme);
        foreach (var name in AssumptionOverrides.Names(LoadData())) Assert.Contains($"| `{name.Name}` |", readme);
    }

    [Fact]
    public void Every_input_of_inputs_csv_and_the_table_cells_are_overridable()
    {
        var names = AssumptionOverrides.Names(LoadData()).Select(n => n.Name).ToHashSet();

        Assert.Superset(InputCatalog.Domains.Keys.ToHashSet(), names);
        Assert.Contains("table1.h100.tok_s_deployment", names);
        Assert.Contains("table2.cost_per_mtok.asic", names);
        Assert.DoesNotContain("table2.cost_per_mtok.ratio_printed", names);
    }
}
