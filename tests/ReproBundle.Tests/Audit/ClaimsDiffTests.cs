using System.Globalization;
using ReproBundle.Audit;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Audit;

/// <summary>
/// The reviewer's journey of issue 14: <c>appc.h100.tok_s: 40</c> and <c>appc.asic.capex_usd: 25000</c> in one YAML file,
/// one in-process <c>reproduce</c> (no PNG, a small Monte Carlo); the run writes <c>claims_diff.*</c>, whose first rows are
/// the flipped verdicts and whose headline numbers give the new density ratio without a calculator.
/// </summary>
public sealed class ReviewerJourneyRun : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();

    public ReviewerJourneyRun()
    {
        var assumptions = Path.Combine(_temp.Path, "reviewer.yaml");
        File.WriteAllText(assumptions, "appc.h100.tok_s: 40\nappc.asic.capex_usd: 25000\n");
        Output = Path.Combine(_temp.Path, "out");
        var log = new StringWriter();
        Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, Output, assumptions, Png: false, MonteCarlo: new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1)), log);
        Log = log.ToString();
    }

    /// <summary>The output folder of the run.</summary>
    public string Output { get; }

    /// <summary>What the run printed.</summary>
    public string Log { get; }

    /// <summary>The rows of a CSV of the output as column-to-cell maps (cells without quotes and commas only are needed here).</summary>
    public List<Dictionary<string, string>> Csv(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Output, file));
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => SplitCsv(l)).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    public void Dispose() => _temp.Dispose();
}

public class ClaimsDiffTests(ReviewerJourneyRun run) : IClassFixture<ReviewerJourneyRun>
{
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void The_headline_density_ratio_falls_from_57_1x_to_17_1x_and_the_pessimistic_fp4_ratio_to_8_57x()
    {
        var headlines = run.Csv("claims_diff_headlines.csv").ToDictionary(r => r["name"]);
        // Paper: D_H100 = 1e6 / 30000 * (25 / 5) * 0.7 = 116.667; D_ASIC = 1e6 / 12000 * (500 / 5) * 0.8 = 6666.67; ratio 400/7.
        Assert.Equal(400.0 / 7, D(headlines["appc.density_ratio"]["paper"]), 9);
        // Reviewer: D_H100 = 1e6 / 30000 * (40 / 5) * 0.7 = 186.667; D_ASIC = 1e6 / 25000 * (500 / 5) * 0.8 = 3200; 3200 / 186.667 = 120/7.
        Assert.Equal(186.0 + 2.0 / 3, D(headlines["appc.d_h100"]["reviewer"]), 9);
        Assert.Equal(3200, D(headlines["appc.d_asic"]["reviewer"]), 9);
        Assert.Equal(120.0 / 7, D(headlines["appc.density_ratio"]["reviewer"]), 9);
        // FP4 only 2x over FP8: the ASIC's t halves to 250, D_ASIC halves. Paper 3333.33 / 116.667 = 200/7; reviewer 1600 / 186.667 = 60/7.
        Assert.Equal(200.0 / 7, D(headlines["appc.fp4_pessimistic_ratio"]["paper"]), 9);
        Assert.Equal(60.0 / 7, D(headlines["appc.fp4_pessimistic_ratio"]["reviewer"]), 9);
        Assert.Equal("yes", headlines["appc.density_ratio"]["changed"]);
        // The §4.3 NRE volumes read neither override.
        Assert.All(headlines.Values.Where(h => h["name"].StartsWith("s4_3.nodes_shipped.", StringComparison.Ordinal)), h => Assert.Equal("no", h["changed"]));
    }

    [Fact]
    public void The_markdown_shows_the_ratio_to_three_significant_figures()
    {
        var md = File.ReadAllText(Path.Combine(run.Output, "claims_diff.md"));
        Assert.Contains("| Appendix C: D_ASIC / D_H100, worked examples | 57.1 | **17.1** | x |", md);
        Assert.Contains("| `appc.h100.tok_s` | 25 | 40 | reviewer.yaml:1 |", md);
        Assert.Contains("| `appc.asic.capex_usd` | 12000 | 25000 | reviewer.yaml:2 |", md);
    }

    [Fact]
    public void Flipped_verdicts_come_first_then_changed_values_then_the_rest()
    {
        var statuses = run.Csv("claims_diff.csv").Select(r => r["status"]).ToList();
        Assert.Equal("verdict-flipped", statuses[0]);
        var order = new[] { "verdict-flipped", "value-changed", "unchanged" };
        var ranks = statuses.Select(s => Array.IndexOf(order, s)).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv")).Count, statuses.Count);
    }

    [Fact]
    public void Each_changed_row_names_the_overrides_that_drive_it()
    {
        var rows = run.Csv("claims_diff.csv").ToDictionary(r => r["claim_id"]);
        // streams_per_node = t / r: 25 / 5 = 5 with the paper, 40 / 5 = 8 with the reviewer; only the H100 speed reaches it.
        var streams = rows["appc.h100.streams_per_node"];
        Assert.Equal("verdict-flipped", streams["status"]);
        Assert.Equal(5, D(streams["paper_lo"]));
        Assert.Equal(8, D(streams["reviewer_lo"]));
        Assert.Equal("appc.h100.tok_s", streams["driven_by"]);
        // The ASIC density 1e6 / C * 100: 8333.33 with C = 12000, 4000 with C = 25000; only the node cost reaches it.
        var asic = rows["appc.asic.density"];
        Assert.Equal(4000, D(asic["reviewer_lo"]), 9);
        Assert.Equal("appc.asic.capex_usd", asic["driven_by"]);
        // The §1 bandwidth bound reads neither override.
        Assert.Equal("unchanged", rows["s1.h100_decode_bound"]["status"]);
        Assert.Equal("", rows["s1.h100_decode_bound"]["driven_by"]);
    }

    [Fact]
    public void The_log_says_how_many_verdicts_flipped()
    {
        Assert.Matches(@"comparison: [1-9]\d* verdict\(s\) flipped", run.Log);
    }
}

public class ClaimsDiffWithoutAssumptionsTests
{
    [Fact]
    public void Without_assumptions_no_comparison_is_written()
    {
        using var dir = TestPaths.NewTempDir();
        var output = Path.Combine(dir.Path, "out");
        Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, output, Png: false, MonteCarlo: new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1)), TextWriter.Null);
        Assert.True(File.Exists(Path.Combine(output, "claims_audit.csv")));
        Assert.Empty(Directory.GetFiles(output, "claims_diff*"));
    }
}
