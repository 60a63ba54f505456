using System.Globalization;
using ReproBundle.Audit;
using ReproBundle.Review;
using ReproBundle.Uncertainty;
using Xunit;
using ReproBundle.Data;

namespace ReproBundle.Tests.Review;

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
    public void The_console_leads_with_a_banner_naming_each_override_its_sources_and_what_it_reaches()
    {
        var log = run.Log;
        var banner = log.IndexOf("REVIEWER'S ASSUMPTIONS: 2 override(s) from reviewer.yaml", StringComparison.Ordinal);
        Assert.True(banner >= 0, log);
        Assert.True(banner < log.IndexOf("claims audit:", StringComparison.Ordinal));
        Assert.Contains("appc.h100.tok_s: paper 25 (Appendix C H100 worked example \"t = 25 tok/s (single-stream Llama-70B BF16, midpoint)\") -> reviewer 40 (reviewer.yaml:1); reaches 9 claims (", log);
        Assert.Contains("appc.asic.capex_usd: paper 12000 (Appendix C ASIC worked example \"C = 12,000 USD (midpoint of $8-20 K projected)\") -> reviewer 25000 (reviewer.yaml:2)", log);
        // t_H100 = 40 changes the h100 row of agent_density.csv and the appendix_c rows of break_even.csv (they start from the worked examples), no other table.
        Assert.Contains("2 tables (tables/agent_density.csv, tables/break_even.csv)", log);
        // Figures, found the same way: the agent-density chart draws the worked examples (FigureFrames.AgentDensity), so both
        // overrides reach it; Fig. 1's radar draws Table 1 and the figure inputs only, so neither does.
        var tokLine = log.Split('\n').Single(l => l.Contains("appc.h100.tok_s: paper 25", StringComparison.Ordinal));
        var capexLine = log.Split('\n').Single(l => l.Contains("appc.asic.capex_usd: paper 12000", StringComparison.Ordinal));
        foreach (var line in new[] { tokLine, capexLine })
        {
            Assert.Matches(@"; \d+ figures? \([^)]*figures/agent_density_steps", line);
            Assert.DoesNotContain("figures/fig1_radar_inference", line);
        }
        // Appendix C's worked examples are not drawn by the Monte Carlo (it reads Table 2 and §3.3), and the banner says so.
        Assert.Contains("the Monte Carlo does not read it", log);
        Assert.Contains("hint: appc.asic.capex_usd does not change asic.node_cost_usd (", log);
        Assert.Contains("hint: appc.h100.tok_s does not change s1.h100_decode_tok_s (", log);
    }

    [Fact]
    public void The_audit_report_and_the_site_carry_the_banner()
    {
        var md = File.ReadAllText(Path.Combine(run.Output, "claims_audit.md"));
        Assert.StartsWith("# Claims audit\n\n> **REVIEWER'S ASSUMPTIONS: 2 override(s) from reviewer.yaml", md);
        Assert.Contains("recomputed from `data/` with the reviewer's overrides above", md);
        var site = File.ReadAllText(Path.Combine(run.Output, "site", "index.html"));
        // Issue 25: one short banner above the h1 that links to the comparison page, which names each override.
        Assert.Single(site.Split("<div class=\"warning reviewer-banner\" role=\"note\">").Skip(1));
        Assert.Contains("<a href=\"your-assumptions.html\">See what your assumptions change</a>", site);
        Assert.Contains("<td><code>appc.h100.tok_s</code></td><td>40</td><td>25 → 40", File.ReadAllText(Path.Combine(run.Output, "site", "your-assumptions.html")));
    }

    [Fact]
    public void The_log_opens_with_the_banner_then_the_answer_with_the_reviewer_ratio()
    {
        var lines = run.Log.Split('\n');
        Assert.StartsWith("REVIEWER'S ASSUMPTIONS: ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("headline: D_ASIC / D_H100 = 17.1x on Appendix C's worked examples, 8.57x if FP4 gives only 2x over FP8", StringComparison.Ordinal));
        Assert.Matches(@"comparison: [1-9]\d* verdict\(s\) flipped, \d+ more value\(s\) changed; D_ASIC / D_H100 57\.1x with the paper's inputs, 17\.1x with yours", run.Log);
    }
}

public class ClaimsDiffWithoutAssumptionsTests
{
    [Fact]
    public void Without_assumptions_no_comparison_is_written()
    {
        using var dir = TestPaths.NewTempDir();
        var output = Path.Combine(dir.Path, "out");
        var log = new StringWriter();
        var result = Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, output, Png: false, MonteCarlo: new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1)), log);
        Assert.True(File.Exists(Path.Combine(output, "claims_audit.csv")));
        Assert.Empty(Directory.GetFiles(output, "claims_diff*"));

        // The console leads with the answer: verdict counts, findings, the headline ratios; then the steps and where the files are.
        var lines = log.ToString().Split('\n');
        Assert.StartsWith("claims audit: ", lines[0]);
        Assert.StartsWith("findings: ", lines[1]);
        // 6666.67 / 116.667 = 57.1x; with t_ASIC halved 3333.33 / 116.667 = 28.6x.
        Assert.StartsWith("headline: D_ASIC / D_H100 = 57.1x on Appendix C's worked examples, 28.6x if FP4 gives only 2x over FP8; P(ratio > 10x) = ", lines[2]);
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("registry: ", StringComparison.Ordinal)) > 2);
        Assert.DoesNotContain("may duplicate", log.ToString());
        // The registry lint's near-duplicate warning is handed back for the command to print last.
        Assert.Contains(result.Warnings, w => w.StartsWith("registry: ", StringComparison.Ordinal) && w.Contains("B16 may duplicate B6", StringComparison.Ordinal));
    }
}

/// <summary>The reviewer's second run: the README's name <c>asic.node_cost_usd: 25000</c>, which Appendix C does not read.</summary>
public class NodeCostOverrideTests
{
    [Fact]
    public void Overriding_the_section_3_3_node_cost_leaves_the_appendix_c_ratio_and_says_which_name_it_reads()
    {
        using var dir = TestPaths.NewTempDir();
        var assumptions = Path.Combine(dir.Path, "node-cost.yaml");
        File.WriteAllText(assumptions, "asic.node_cost_usd: 25000\n");
        var output = Path.Combine(dir.Path, "out");
        var log = new StringWriter();
        Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, output, assumptions, Png: false, MonteCarlo: new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1)), log);
        Assert.Contains("asic.node_cost_usd: paper 8000-20000 (§3.3 \"Assumed cost: $8-20 K per node at volume\") -> reviewer 25000 (node-cost.yaml:1)", log.ToString());
        Assert.Contains("hint: asic.node_cost_usd does not change appc.asic.capex_usd (Appendix C's ASIC worked example", log.ToString());
        Assert.Contains("the Monte Carlo draws it", log.ToString());
        var headlines = File.ReadAllLines(Path.Combine(output, "claims_diff_headlines.csv")).Single(l => l.StartsWith("appc.density_ratio,", StringComparison.Ordinal));
        // Appendix C still reads C = 12000: 6666.67 / 116.667 = 400/7 on both sides.
        var cells = headlines.Split(',');
        Assert.Equal(400.0 / 7, double.Parse(cells[^3], CultureInfo.InvariantCulture), 9);
        Assert.Equal(400.0 / 7, double.Parse(cells[^2], CultureInfo.InvariantCulture), 9);
        Assert.Equal("no", cells[^1]);
    }
}

public class ExplainCommandTests
{
    [Fact]
    public void Explain_lists_the_claims_and_headline_numbers_a_name_feeds_and_its_related_names()
    {
        var stdout = new StringWriter();
        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["explain", "appc.asic.capex_usd", "--data", TestPaths.DataDir], stdout, new StringWriter());
        Assert.Equal(0, code);
        var text = stdout.ToString();
        Assert.StartsWith("appc.asic.capex_usd: paper 12000 (Appendix C ASIC worked example", text);
        Assert.Contains("appc.density_ratio", text);
        Assert.Contains("the Monte Carlo does not read it", text);
        Assert.Contains("hint: appc.asic.capex_usd does not change asic.node_cost_usd", text);
        Assert.DoesNotContain("s1.h100_decode_bound", text);
    }

    [Fact]
    public void Explain_takes_a_quantity_name_and_the_reviewers_file_as_baseline()
    {
        using var temp = TestPaths.NewTempDir();
        var file = Path.Combine(temp.Path, "mine.yaml");
        File.WriteAllText(file, "h100.decode_tok_s: 40\n");
        var stdout = new StringWriter();
        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(),
            ["explain", "appc.h100.tok_s", "--assumptions", file, "--data", TestPaths.DataDir], stdout, new StringWriter());
        Assert.Equal(0, code);
        // The baseline is the reviewer's 40, read from the file, not the paper's 25.
        Assert.StartsWith("appc.h100.tok_s: yours 40 (reviewer override (mine.yaml:1)", stdout.ToString());
        stdout = new StringWriter();
        code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["explain", "stream_tok_s", "--data", TestPaths.DataDir], stdout, new StringWriter());
        Assert.Equal(0, code);
        // r of both worked examples, 5 each, perturbed by slightly different factors so the ratio moves as well.
        Assert.StartsWith("stream_tok_s (quantity name) sets appc.h100.stream_tok_s (5 perturbed to 5.5), appc.asic.stream_tok_s (5 perturbed to 5.55)", stdout.ToString());
        Assert.Contains("appc.density_ratio", stdout.ToString());
    }

    [Fact]
    public void Explain_of_a_misspelt_name_ranks_the_nearest_name_first()
    {
        var stderr = new StringWriter();
        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["explain", "appc.h100.tok_per_s", "--data", TestPaths.DataDir], new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("unknown name 'appc.h100.tok_per_s' (nearest known names: appc.h100.tok_s)", stderr.ToString());
        stderr = new StringWriter();
        ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["explain", "utilisation", "--data", TestPaths.DataDir], new StringWriter(), stderr);
        Assert.Contains("(nearest known names: utilization, appc.asic.utilization, appc.h100.utilization, asic.utilization, h100.utilization, model.utilization)", stderr.ToString());
    }

    [Fact]
    public void Explain_says_the_Monte_Carlo_reads_the_FP4_shortfall_factor_that_scales_its_drawn_ASIC_throughput()
    {
        // Appendix C's sensitivity scenario draws t_ASIC from Table 2's 300-800 tok/s times this factor (0.5), so the
        // factor reaches the Monte Carlo; it was reported as "does not read it" while the drawn name was a joined string.
        var stdout = new StringWriter();
        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["explain", "appc.fp4_shortfall_factor", "--data", TestPaths.DataDir], stdout, new StringWriter());
        Assert.Equal(0, code);
        Assert.Contains("the Monte Carlo draws it", stdout.ToString());
        Assert.Contains("appc.mc_halved_t_probability_above_10x", stdout.ToString());
    }

    [Fact]
    public void Explain_of_an_unknown_name_is_one_line_of_bad_input_with_names_like_it()
    {
        var stderr = new StringWriter();
        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["explain", "h100.tok_s", "--data", TestPaths.DataDir], new StringWriter(), stderr);
        Assert.Equal(2, code);
        var lines = stderr.ToString().TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains("unknown name 'h100.tok_s'", lines[0]);
        Assert.Contains("appc.h100.tok_s", lines[0]);
    }

    [Fact]
    public void A_related_inputs_row_naming_an_unknown_input_is_reported_at_its_line()
    {
        using var copy = TestPaths.CopyOfData();
        var dataDir = Path.Combine(copy.Path, "data");
        var path = Path.Combine(dataDir, ReproBundle.Data.RelatedInputs.FileName);
        var lines = File.ReadAllLines(path).Length;
        File.AppendAllText(path, "h100_speed,appc.h100.tok_per_s,a typo\n");
        var e = Assert.Throws<ReproBundle.Data.BundleInputException>(() => ReproBundle.Data.RelatedInputs.Load(dataDir, ReproBundle.Data.PaperData.Load(dataDir)));
        Assert.Equal($"{path}:{lines + 1}", e.Location);
        Assert.Contains("'appc.h100.tok_per_s' is not an overridable name", e.Problem);
    }
}
