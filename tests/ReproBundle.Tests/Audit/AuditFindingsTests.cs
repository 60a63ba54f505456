using System.Globalization;
using System.Text.RegularExpressions;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Audit;

/// <summary>The whole audit over data/: findings, coverage, consistency and numbers that follow the inputs.</summary>
public class AuditFindingsTests
{
    private static string DataFile(string name) => Path.Combine(TestPaths.DataDir, name);

    private static IReadOnlyList<Claim> Claims => Claim.Load(DataFile("claims.csv"));

    private static IReadOnlyList<Finding> FindingRows => Findings.Load(DataFile("findings.csv"));

    private static readonly Lazy<IReadOnlyList<AuditRow>> FullAudit = new(() =>
        Findings.Attach(ClaimsAudit.Run(Claims, Reproduction.ClaimCheckProviders(Paper.Data)), FindingRows));

    private static AuditRow Row(string id) => FullAudit.Value.Single(r => r.ClaimId == id);

    /// <summary>A digit that is a number on its own, not part of an identifier (H100, BF16, §2.1, B4, F03, Table 1).</summary>
    private static readonly Regex TypedNumber = new(@"(?<![A-Za-z§\-\d.])\d[\d,.]*(?![A-Za-z\d])");

    private static IReadOnlyList<string> TypedNumbers(string text)
    {
        var t = Regex.Replace(text, @"\{[^}]*\}", "");
        t = Regex.Replace(t, @"(Table|Fig\.|Appendix|item) \d+", "");
        return TypedNumber.Matches(t).Select(m => m.Value).ToList();
    }

    [Theory]
    [InlineData("s1.cost_per_mtok", Verdict.WithinRounding)]
    [InlineData("t1.h100.energy", Verdict.WithinRounding)]
    [InlineData("t2.decode_single.ratio", Verdict.Consistent)]
    [InlineData("t2.max_context.ratio", Verdict.Consistent)]
    [InlineData("s2_3.decode_throughput_ratio", Verdict.Reproduces)]
    [InlineData("abstract.energy_ratio", Verdict.Differs)]
    [InlineData("s1.cost_orders_of_magnitude", Verdict.NotRecomputable)]
    [InlineData("t2.h100.decode_single_bound", Verdict.Differs)]
    [InlineData("t2.h100.cost", Verdict.Differs)]
    [InlineData("appc.asic.t_midpoint", Verdict.Differs)]
    [InlineData("appc.asic.c_midpoint", Verdict.Differs)]
    [InlineData("appc.fp4_pessimistic_ratio", Verdict.Reproduces)]
    [InlineData("s4_3.penalty_at_threshold", Verdict.NotRecomputable)]
    [InlineData("s4_3.volume_for_3x", Verdict.NotRecomputable)]
    [InlineData("s2_1.groq_sram_holds_70b", Verdict.WithinRounding)]
    [InlineData("t2.asic.cost", Verdict.NotRecomputable)]
    [InlineData("t2.decode_batch64.ratio", Verdict.NotRecomputable)]
    [InlineData("s5.leads_axes_1_4", Verdict.Differs)]
    [InlineData("o2.mc_probability_ratio_above_10x", Verdict.Reproduces)]
    [InlineData("appc.mc_halved_t_probability_above_10x", Verdict.NotRecomputable)]
    [InlineData("s5.software_maturity_gap", Verdict.NotRecomputable)]
    public void Verdicts_under_the_policy(string claimId, Verdict expected)
    {
        var row = Row(claimId);
        Assert.True(expected == row.Verdict, $"{claimId}: {row.Verdict.ToText()} - {row.Reason}");
    }

    [Fact]
    public void Every_differing_claim_belongs_to_exactly_one_finding()
    {
        var differs = FullAudit.Value.Where(r => r.Verdict == Verdict.Differs).ToList();
        Assert.NotEmpty(differs);
        Assert.Empty(Findings.Unexplained(FullAudit.Value).Select(r => r.ClaimId));
        Assert.All(differs, r => Assert.Single(FindingRows, f => f.ClaimIds.Contains(r.ClaimId)));
    }

    [Fact]
    public void A_claim_listed_in_two_findings_is_a_data_error_naming_the_line()
    {
        using var temp = TestPaths.CopyOfData();
        var path = Path.Combine(temp.Path, "data", "findings.csv");
        File.AppendAllText(path, "F99,dup,appb.references_count,,again,printed,corrected\n");
        var e = Assert.Throws<BundleInputException>(() => Findings.Load(path));
        Assert.Contains("already belongs to finding F08", e.Message);
    }

    [Fact]
    public void Findings_and_explanations_type_no_number_a_computation_uses()
    {
        Assert.All(FindingRows, f => Assert.True(TypedNumbers(f.StatementTemplate).Count == 0, $"{f.FindingId}: {string.Join(", ", TypedNumbers(f.StatementTemplate))}"));
        Assert.All(FindingRows, f => Assert.True(TypedNumbers(f.CorrectedTemplate).Count == 0, $"{f.FindingId} corrected: {string.Join(", ", TypedNumbers(f.CorrectedTemplate))}"));
        Assert.All(FindingRows, f => Assert.All(f.Conclusions, c => Assert.Empty(TypedNumbers(c.Label))));
        Assert.All(Claims, c => Assert.True(TypedNumbers(c.Explanation).Count == 0, $"{c.ClaimId}: {string.Join(", ", TypedNumbers(c.Explanation))}"));
    }

    [Fact]
    public void Every_finding_statement_fills_every_placeholder()
    {
        var values = FindingValues.Compute(Paper.Data);
        Assert.All(FindingRows, f => Assert.DoesNotContain("{", Findings.Statement(f, FullAudit.Value, values)));
    }

    [Fact]
    public void Claims_use_one_tolerance_rule_the_printed_digits_or_exact()
    {
        Assert.All(Claims, c => Assert.Contains(c.Rounding.Kind, new[] { "printed", "exact" }));
    }

    [Fact]
    public void No_claim_reads_a_shared_quantity_differently_from_another()
    {
        Assert.Empty(VerdictPolicy.ConflictingReadings(FullAudit.Value));
        // Table 2's H100 baseline is read as one GPU: the several-GPU reading of the throughput bound would pass, and is not taken.
        Assert.Contains(Row("t2.h100.decode_single_bound").ReadingsTried, t => t.StartsWith("several H100s:", StringComparison.Ordinal) && t.EndsWith("not taken)", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_every_required_section_has_claims_or_listed_non_claims()
    {
        var notClaims = NotClaim.Load(DataFile("not_claims.csv"), Claims);
        string[] required = ["Abstract", "§1", "§2", "§3", "§4", "§5", "§6", "§9", "§10", "Appendix"];
        Assert.All(required, s => Assert.True(
            Claims.Any(c => c.Section.StartsWith(s, StringComparison.Ordinal)) && notClaims.Any(n => n.Section.StartsWith(s, StringComparison.Ordinal)),
            $"{s}: no claims or no listed non-claims"));
        Assert.All(notClaims.Where(n => n.Kind == NotClaimKind.Input && !n.See.StartsWith("table", StringComparison.Ordinal)),
            n => Paper.Data.Input(n.See));
    }

    [Fact]
    public void An_overridden_input_flows_into_the_reason_and_the_finding()
    {
        // appc.h100.tok_s = 40: t_ASIC / t_H100 = 500 / 40 = 12.5; streams 40 / 5 = 8; density (1e6/30000) x 8 x 0.7 = 186.67,
        // so Appendix C's ratio 6666.67 / 186.67 = 35.7x (was 57.1x).
        var data = Paper.Data.WithInputs(new Dictionary<string, InputValue>(StringComparer.Ordinal)
        {
            ["appc.h100.tok_s"] = Paper.Data.Input("appc.h100.tok_s") with { Value = Interval.Point(40) },
        });
        var core = new CoreClaimChecks(data);
        var claims = Claims.Where(c => core.Checks.ContainsKey(c.ClaimId)).ToList();
        var rows = ClaimsAudit.Run(claims, [core]);
        Assert.Contains("500 / 40 = 12.5x", rows.Single(r => r.ClaimId == "appc.throughput_ratio").Reason);
        Assert.Contains("t / r = 40 / 5 = 8", rows.Single(r => r.ClaimId == "appc.h100.streams_per_node").Reason);
        var f06 = FindingRows.Single(f => f.FindingId == "F06");
        Assert.Contains("moves from 35.7x", Findings.Statement(f06, rows, FindingValues.Compute(data)));
    }

    [Fact]
    public void The_csv_carries_numeric_columns_a_reader_needs_not_parse()
    {
        using var temp = TestPaths.NewTempDir();
        var output = Path.Combine(temp.Path, "out");
        using (var stage = new OutputStage(output))
        {
            ClaimsAudit.Write(stage, FullAudit.Value, FindingRows, FindingValues.Compute(Paper.Data));
            stage.Commit();
        }
        var table = CsvTable.Load(Path.Combine(output, "claims_audit.csv"), "published_lo", "published_hi", "recomputed_lo", "recomputed_hi", "unit", "relative_difference");
        var row = table.Rows.Single(r => r["claim_id"] == "t2.decode_single.ratio");
        Assert.Equal(15, double.Parse(row["published_lo"], CultureInfo.InvariantCulture));
        Assert.Equal(50, double.Parse(row["published_hi"], CultureInfo.InvariantCulture));
        Assert.Equal(12, double.Parse(row["recomputed_lo"], CultureInfo.InvariantCulture), 9);       // 300 / 25
        Assert.Equal(800.0 / 15, double.Parse(row["recomputed_hi"], CultureInfo.InvariantCulture), 9); // 800 / 15
        Assert.Equal("x", row["unit"]);
        var findings = CsvTable.Load(Path.Combine(output, "findings.csv"), "finding_id", "title", "claims", "materiality", "statement");
        Assert.Equal(FindingRows.Count, findings.Rows.Count);
        var md = File.ReadAllText(Path.Combine(output, "claims_audit.md"));
        Assert.Contains("docs/verdict-policy.md", md);
        Assert.True(md.IndexOf("## Findings", StringComparison.Ordinal) < md.IndexOf("## Verdicts", StringComparison.Ordinal));
    }

    [Fact]
    public void With_one_shared_utilization_every_draw_clears_10x_over_the_paper_ranges()
    {
        // u cancels; the lowest corner is (30000 / 20000) x (300 / 25) = 18x, so no draw can fall below 10x.
        var model = ReproBundle.Uncertainty.UncertaintyModel.From(Paper.Data, ReproBundle.Uncertainty.UncertaintyScenario.PaperRanges with { SharedUtilization = true });
        Assert.Equal(18, UncertaintyClaimChecks.SharedCorners(model).Lo, 9);
        var result = ReproBundle.Uncertainty.UncertaintyAnalysis.RunScenario(model, new ReproBundle.Uncertainty.MonteCarloSettings(65_536, 20260422, 2));
        Assert.Equal(1, result.ProbabilityDensityRatioAbove10x);
    }
}
