using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Uncertainty;
using Xunit;
using Xunit.Abstractions;

namespace ReproBundle.Tests.Audit;

/// <summary>
/// The audit as a reviewer reads it (issue 22): readings fixed in advance, verdicts that could have failed, one verdict per
/// sentence, one rule per question on both platforms, materiality computed. Expected values are the paper's or hand calculations.
/// </summary>
public class AuditReviewTests(ITestOutputHelper output)
{
    private static IReadOnlyList<Claim> Claims => Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv"));

    private static IReadOnlyList<Finding> FindingRows => Findings.Load(Path.Combine(TestPaths.DataDir, "findings.csv"));

    private static IReadOnlyList<AuditRow> AuditOf(PaperData data) =>
        Findings.Attach(ClaimsAudit.Run(Claims, Reproduction.ClaimCheckProviders(data, ReproBundle.Registry.BottleneckRegistry.Load(data.DataDirectory),
            UncertaintyAnalysis.Run(data, new MonteCarloSettings(4096, 20260422, 2)), ReproBundle.Figures.FigureInputs.Load(data.DataDirectory))), FindingRows);

    private static readonly Lazy<IReadOnlyList<AuditRow>> PaperAudit = new(() => AuditOf(Paper.Data));

    private static AuditRow Row(string id) => PaperAudit.Value.Single(r => r.ClaimId == id);

    /// <summary>The reviewer's file of issue 22: utilization 0.5 under all four names, the node cost doubled, the H100 at 40 tok/s.</summary>
    private const string ReviewerYaml = """
        model.utilization: 0.5
        table2.utilization: 0.5
        appc.h100.utilization: 0.5
        appc.asic.utilization: 0.5
        asic.node_cost_usd: 16000-40000
        appc.asic.capex_usd: 24000
        appc.h100.tok_s: 40
        table2.decode_single.h100: 40
        s1.h100_decode_tok_s: 40
        table1.h100.tok_s_deployment: 40

        """;

    [Fact]
    public void The_reviewers_file_makes_the_pessimistic_FP4_case_differ_and_its_finding_overturn_the_conclusion()
    {
        // D_H100 = 1e6 / 30000 x 40 / 5 x 0.5 = 133.3; pessimistic D_ASIC = 1e6 / 24000 x 250 / 5 x 0.5 = 1041.7; ratio 7.81x, not > 10x.
        using var temp = TestPaths.NewTempDir();
        var path = Path.Combine(temp.Path, "reviewer.yaml");
        File.WriteAllText(path, ReviewerYaml);
        var data = AssumptionOverrides.Load(path, Paper.Data).Apply(Paper.Data);
        var audit = AuditOf(data);
        var row = audit.Single(r => r.ClaimId == "appc.fp4_pessimistic_ratio");
        Assert.Equal(Verdict.Differs, row.Verdict);
        Assert.Equal("worked examples", row.Reading);
        Assert.Equal(7.8125, row.RecomputedValue!.Value.Lo, 6);
        var finding = FindingRows.Single(f => f.ClaimIds.Contains("appc.fp4_pessimistic_ratio"));
        Assert.Equal(finding.FindingId, row.FindingId);
        var values = FindingValues.Compute(data);
        Assert.Equal(Materiality.Overturns, Findings.MaterialityOf(finding, audit, values));
        Assert.Contains("Overturns a conclusion: “Even at this pessimistic case the ratio remains >10x” (Appendix C) no longer follows", Findings.Statement(finding, audit, values));
        var console = Findings.SummaryLine(audit, FindingRows, values);
        Assert.Matches($@"\d+ overturn a conclusion \([^)]*{finding.FindingId}[^)]*\)", console);
        // The same reading under the paper's inputs: 6666.7 / 2 / 116.7 = 28.6x, above the threshold.
        Assert.Equal(Verdict.Reproduces, Row("appc.fp4_pessimistic_ratio").Verdict);
        Assert.Equal("worked examples", Row("appc.fp4_pessimistic_ratio").Reading);
    }

    [Fact]
    public void Every_claim_with_several_readings_declares_one_with_the_papers_words()
    {
        var claims = Claims.ToDictionary(c => c.ClaimId);
        Assert.All(PaperAudit.Value.Where(r => r.ReadingsTried.Count > 1), r =>
        {
            Assert.True(claims[r.ClaimId].DeclaredReading.Length > 0, $"{r.ClaimId} has {r.ReadingsTried.Count} readings and declares none");
            Assert.Equal(claims[r.ClaimId].DeclaredReading, r.Reading);
            Assert.False(string.IsNullOrWhiteSpace(r.ReadingBasis), r.ClaimId);
        });
    }

    /// <summary>Consistent verdicts, each with the envelope (hand-computed) and the printed range with its tolerance.</summary>
    [Theory]
    // interval arithmetic on Table 2's columns: 300/25 = 12 to 800/15 = 53.3; printed 15-50 with ±0.5 and ±5.
    [InlineData("t2.decode_single.ratio", 12, 53.333, 14.5, 55)]
    // 30/1.5 = 20 to 60/0.3 = 200; printed 40-150 with ±5 each end.
    [InlineData("t2.energy_per_token.ratio", 20, 200, 35, 155)]
    // 250/40 = 6.25 to 500/15 = 33.3; printed 10-30 with ±5 each end.
    [InlineData("t2.ttft.ratio", 6.25, 33.333, 5, 35)]
    // 15/1.5 = 10 to 40/0.2 = 200; printed 20-100 with ±5 and ±50.
    [InlineData("t2.cost_per_mtok.ratio", 10, 200, 15, 150)]
    // 200/200 = 1 to 500/100 = 5; printed 2-5 with ±0.5 each end.
    [InlineData("t2.max_context.ratio", 1, 5, 1.5, 5.5)]
    // §2.3's energy range on Table 2's columns: 20-200; printed 50-200 with ±5 and ±50.
    [InlineData("s2_3.energy_ratio", 20, 200, 45, 250)]
    public void Each_consistent_verdict_rests_on_an_envelope_at_most_twice_the_printed_width(string claimId, double envLo, double envHi, double printedLo, double printedHi)
    {
        var row = Row(claimId);
        Assert.Equal(Verdict.Consistent, row.Verdict);
        Assert.Equal(envLo, row.RecomputedValue!.Value.Lo, 2);
        Assert.Equal(envHi, row.RecomputedValue!.Value.Hi, 2);
        var width = Math.Log(envHi / envLo);
        var bound = 2 * Math.Log(printedHi / printedLo);
        output.WriteLine($"{claimId}: envelope {envLo}-{envHi} (x{Math.Exp(width):F2}) against printed {printedLo}-{printedHi} (x{Math.Exp(bound / 2):F2}, bound x{Math.Exp(bound):F2})");
        Assert.True(width <= bound, $"{claimId}: x{Math.Exp(width)} wider than x{Math.Exp(bound)}");
        Assert.Contains("central value", row.Reason);
        Assert.Contains("width x", row.Reason);
    }

    [Fact]
    public void The_passing_verdicts_are_listed_with_the_width_they_were_compared_against()
    {
        var passing = PaperAudit.Value.Where(r => r.Verdict is Verdict.Reproduces or Verdict.WithinRounding or Verdict.Consistent).ToList();
        foreach (var r in passing)
        {
            var v = r.RecomputedValue!.Value;
            output.WriteLine($"{r.ClaimId,-40} {r.Verdict.ToText(),-16} {r.Recomputed,-32} width {(v.Lo > 0 ? $"x{v.Hi / v.Lo:F3}" : $"{v.Hi - v.Lo}")}");
        }
        // Only envelopes can be consistent, and the hand-checked list above is all of them.
        Assert.Equal(["s2_3.cost_ratio", "s2_3.energy_ratio", "s2_3.ttft_ratio", "t2.cost_per_mtok.ratio", "t2.decode_single.ratio", "t2.energy_per_token.ratio",
            "t2.max_context.ratio", "t2.ttft.ratio"], passing.Where(r => r.Verdict == Verdict.Consistent).Select(r => r.ClaimId).Order(StringComparer.Ordinal));
        // The two known verdicts that could not fail no longer pass.
        // (§4.3's penalty: NRE alone is a floor under the printed 3-10x, as CapEx is under OpEx, so it is not recomputable.)
        Assert.Equal(Verdict.NotRecomputable, Row("s4_3.penalty_at_threshold").Verdict);
        Assert.Equal(Verdict.Differs, Row("t2.asic.energy_from_power").Verdict);
        Assert.Contains("the stated inputs allow anything from 13.3 x to 100 x", Row("t2.decode_batch64.ratio").Reason);
    }

    [Fact]
    public void Rows_on_one_sentence_carry_one_verdict_the_worst_of_their_parts()
    {
        foreach (var g in PaperAudit.Value.GroupBy(r => r.SentenceId))
        {
            Assert.Single(g.Select(r => r.SentenceVerdict).Distinct());
            var worst = g.Select(r => r.Verdict).MaxBy(VerdictPolicy.Rank);
            Assert.Equal(worst, g.First().SentenceVerdict);
        }
        // §4.3's one sentence: the penalty at the volume and the volume for a 3x penalty carry one verdict (one consistent, one
        // differing before); both rest on costs the paper does not price, so neither is recomputable.
        Assert.Equal(Row("s4_3.penalty_at_threshold").SentenceId, Row("s4_3.volume_for_3x").SentenceId);
        Assert.Equal(Verdict.NotRecomputable, Row("s4_3.penalty_at_threshold").SentenceVerdict);
        // §2.3's repeats of Table 2 are the Table 2 statement; the §6 share, O2 and O5 are one sentence each.
        Assert.Equal("t2.cost_per_mtok.ratio", Row("s2_3.cost_ratio").SentenceId);
        Assert.Equal("t2.ttft.ratio", Row("s2_3.ttft_ratio").SentenceId);
        Assert.Equal(Row("s6.coordination_share").SentenceId, Row("s6.not_money_share").SentenceId);
        Assert.Equal(Row("o2.active_params_robust").SentenceId, Row("o2.mc_probability_ratio_above_10x").SentenceId);
        Assert.Equal(Row("o5.ratio_invariant_to_r").SentenceId, Row("o5.mc_ratio_invariant_to_r").SentenceId);
        Assert.Equal(Row("appc.fp4_pessimistic_ratio").SentenceId, Row("appc.mc_halved_t_probability_above_10x").SentenceId);
    }

    [Fact]
    public void The_markdown_counts_sentences_and_details_every_part()
    {
        var md = ClaimsAudit.ToMarkdown(PaperAudit.Value);
        var sentences = PaperAudit.Value.Select(r => r.SentenceId).Distinct().Count();
        Assert.Contains($"| total | {sentences} | {PaperAudit.Value.Count} |", md);
        Assert.Contains("| `s4_3.until_amortized` | not-recomputable | `s4_3.penalty_at_threshold` |", md);
    }

    [Fact]
    public void One_residency_rule_for_both_platforms_every_expert_resident()
    {
        var values = FindingValues.Compute(Paper.Data);
        // H100: 1-2 T parameters x 2 bytes (FP16) = 2-4 TB over 80 GB = 25-50 GPUs; ASIC: 1-2 T x 0.5 bytes = 0.5-1 TB over 200-400 GB = 2-5 nodes.
        Assert.Equal(new Interval(25, 50), values["t2.h100_gpus_for_every_expert"]);
        Assert.Equal(new Interval(2, 5), values["t2.asic_nodes_per_replica"]);
        // Llama-70B BF16 (140 GB): 2 H100s of 80 GB, 4 WSE-3s of 44 GB. Energy: 2 x 700 W / 28-35 tok/s = 40-50 J; 4 x 23 kW / 2100 = 43.8 J.
        Assert.Equal(Interval.Point(2), values["s2_3.h100s_bf16"]);
        Assert.Equal(Interval.Point(4), values["s2_3.cerebras_wafers_bf16"]);
        Assert.Equal(40 / 43.8095, values["s2_3.cerebras_over_h100_bf16"].Lo, 3);
        Assert.Equal(50 / 43.8095, values["s2_3.cerebras_over_h100_bf16"].Hi, 3);
    }

    [Fact]
    public void One_batch_regime_and_one_opex_rule_for_both_platforms()
    {
        // Batch regime: both energy cells are read at a single request (700 W / 15-25 = 28-46.7 J; 1.5-2.5 kW / 300-800 = 1.88-8.33 J).
        Assert.Equal("one H100, single request", Row("t2.h100.energy_from_power").Reading);
        Assert.Equal("single request", Row("t2.asic.energy_from_power").Reading);
        Assert.Equal(1500.0 / 800, Row("t2.asic.energy_from_power").RecomputedValue!.Value.Lo, 6);
        // At one regime the energy ratio is (700/25)/(2500/300) = 3.36 to (700/15)/(1500/800) = 24.9, not 40-150x.
        Assert.Equal(28 / (2500.0 / 300), Row("t2.energy_common_regime").RecomputedValue!.Value.Lo, 3);
        Assert.Equal(Verdict.Differs, Row("t2.energy_common_regime").Verdict);
        // OpEx: §3.2 prices CapEx + OpEx and the paper gives no electricity price, so CapEx is a floor on both platforms.
        Assert.Equal(Verdict.NotRecomputable, Row("t2.asic.cost").Verdict);
        Assert.Contains("at or above the floor", Row("t2.asic.cost").Reason);
        Assert.Equal(Verdict.Differs, Row("t2.h100.cost").Verdict);
        Assert.Contains("below the floor", Row("t2.h100.cost").Reason);
        // Each rule is a shared quantity (VerdictPolicy.QuantityReadings): a reading at another regime is shown but never taken, on both platforms.
        Assert.Contains(Row("t2.asic.energy_from_power").ReadingsTried, t => t.StartsWith("batch 64:", StringComparison.Ordinal) && t.EndsWith("not taken)", StringComparison.Ordinal));
        Assert.Contains(Row("t2.h100.energy_from_power").ReadingsTried, t => t.StartsWith("one H100, batch 1 to 64:", StringComparison.Ordinal) && t.EndsWith("not taken)", StringComparison.Ordinal));
        Assert.Contains(Row("t2.energy_common_regime").ReadingsTried, t => t.StartsWith("batch 64 on both:", StringComparison.Ordinal) && t.EndsWith("not taken)", StringComparison.Ordinal));
        Assert.Empty(VerdictPolicy.ConflictingReadings(PaperAudit.Value));
        // GPU count: the baseline is one GPU in every claim that reads it.
        Assert.Equal("one H100", Row("t2.h100.decode_single_bound").Reading);
        Assert.Equal("one H100", Row("t2.h100.cost").Reading);
        // A cluster's CapEx over one stream's throughput is not the cost per token: not recomputable.
        Assert.Equal(Verdict.NotRecomputable, Row("s1.cost_orders_of_magnitude").Verdict);
    }

    [Fact]
    public void Findings_data_types_no_materiality_and_the_materiality_follows_the_values()
    {
        Assert.DoesNotContain("materiality", File.ReadLines(Path.Combine(TestPaths.DataDir, "findings.csv")).First());
        var values = FindingValues.Compute(Paper.Data);
        Materiality M(string id) => Findings.MaterialityOf(FindingRows.Single(f => f.FindingId == id), PaperAudit.Value, values);
        // F01: Cerebras at BF16 is 0.913-1.14x the H100's efficiency (both on the devices that hold the weights), not ~2x.
        Assert.Equal(Materiality.Overturns, M("F01"));
        // F05: a replica of the MoE spans 2-5 nodes and Llama-70B BF16 2 H100s: 57.1 x 2 / (2-5) = 22.9-57.1x, above 10x but below 57.1x.
        Assert.Equal(Materiality.Weakens, M("F05"));
        Assert.Contains("22.9-57.1 against 57.1, still above 10x", Findings.Statement(FindingRows.Single(f => f.FindingId == "F05"), PaperAudit.Value, values));
        // F13: at one batch regime the energy ratio is 3.36-24.9x, short of 50-200x and 40-150x.
        Assert.Equal(Materiality.Overturns, M("F13"));
        // F08: no conclusion rests on the bibliography count.
        Assert.Equal(Materiality.None, M("F08"));
        Assert.Contains("overturn a conclusion (F01, F02, F13, F15)", Findings.SummaryLine(PaperAudit.Value, FindingRows, values));
    }

    [Fact]
    public void No_statement_calls_a_computed_ratio_as_printed()
    {
        var values = FindingValues.Compute(Paper.Data);
        Assert.All(FindingRows, f => Assert.DoesNotContain("as printed", Findings.Statement(f, PaperAudit.Value, values)));
    }

    [Fact]
    public void Every_finding_has_an_erratum_with_its_numbers_filled()
    {
        var values = FindingValues.Compute(Paper.Data);
        var errata = Errata.From(PaperAudit.Value, FindingRows, values);
        Assert.Equal(FindingRows.Count, errata.Count);
        Assert.All(errata, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.AsPrinted), e.FindingId);
            Assert.DoesNotContain("{", e.Corrected);
            Assert.NotEmpty(e.Settles);
        });
        // F07 at the paper's inputs: NRE $40-80 M over (3 - 1) x $8-20 K = 1000-5000 nodes for a 3x penalty.
        Assert.Contains("only up to 1000-5000 nodes shipped", errata.Single(e => e.FindingId == "F07").Corrected);
    }
}
