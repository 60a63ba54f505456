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
}
