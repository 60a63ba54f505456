using ReproBundle.Audit;
using Xunit;
using ReproBundle.Data;

namespace ReproBundle.Tests.Audit;

public class ClaimsAuditTests
{
    private static IReadOnlyList<Claim> Claims => Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv"));

    private static IReadOnlyList<AuditRow> CoreAudit()
    {
        // Only the claims the core provider checks (other providers add their own blocks to claims.csv).
        var checks = new CoreClaimChecks(Paper.Data);
        return ClaimsAudit.Run(Claims.Where(c => checks.Checks.ContainsKey(c.ClaimId)).ToList(), [checks]);
    }

    [Fact]
    public void The_audit_lists_at_least_60_claims_each_with_a_verdict_and_a_reason()
    {
        var rows = CoreAudit();
        Assert.True(rows.Count >= 60, $"{rows.Count} claims");
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason), r.ClaimId));
    }

    [Fact]
    public void Every_core_check_has_a_claim_in_claims_csv()
    {
        var ids = Claims.Select(c => c.ClaimId).ToHashSet();
        Assert.All(new CoreClaimChecks(Paper.Data).Checks.Keys, id => Assert.Contains(id, ids));
    }

    [Theory]
    [InlineData("appc.h100.density_at_utilization", Verdict.WithinRounding)]
    [InlineData("appc.asic.density_at_utilization", Verdict.WithinRounding)]
    [InlineData("appc.h100.streams_per_node", Verdict.Reproduces)]
    [InlineData("t1.groq.energy", Verdict.Reproduces)]
    [InlineData("t1.b200.energy", Verdict.WithinRounding)]
    [InlineData("t1.h100.energy", Verdict.WithinRounding)]
    [InlineData("t2.decode_single.ratio", Verdict.Consistent)]
    [InlineData("s1.h100_holds_70b_bf16", Verdict.Differs)]
    [InlineData("s1.h100_decode_bound", Verdict.Differs)]
    [InlineData("appc.asic.c_midpoint", Verdict.Differs)]
    [InlineData("appc.fp4_pessimistic_ratio", Verdict.Reproduces)]
    [InlineData("s4_3.penalty_at_threshold", Verdict.NotRecomputable)]
    [InlineData("s4_3.volume_for_3x", Verdict.NotRecomputable)]
    [InlineData("o5.ratio_invariant_to_r", Verdict.Reproduces)]
    [InlineData("t2.asic.required_bandwidth", Verdict.NotRecomputable)]
    public void Verdicts_of_key_claims(string claimId, Verdict expected)
    {
        var row = CoreAudit().Single(r => r.ClaimId == claimId);
        Assert.True(expected == row.Verdict, $"{claimId}: {row.Verdict.ToText()} — {row.Reason}");
    }

    [Fact]
    public void A_differing_claim_says_by_how_much_and_why()
    {
        // 3.35e12 B/s / (70e9 x 2 B) = 23.93 tok/s against the printed ~30: 6.07 tok/s (20.2%) short, beyond 10% of 30 (3) and half a unit (5).
        var row = CoreAudit().Single(r => r.ClaimId == "s1.h100_decode_bound");
        Assert.Contains("3.35 TB/s / 140 GB = 23.9 tok/s", row.Reason);
        Assert.Contains("by 6.07 tok/s (20.2%)", row.Reason);
        Assert.Contains("needs FP8 weights or several GPUs", row.Reason);
    }

    [Fact]
    public void A_within_rounding_verdict_names_the_rounding()
    {
        var row = CoreAudit().Single(r => r.ClaimId == "appc.h100.density");
        // (1e6 / 30000) x 5 = 166.67 against "~167": inside 10% of 167.
        Assert.Contains("within the printed ~167 at printed as approximate", row.Reason);
    }

    private static Claim MakeClaim(ClaimRule rule, string published, string rounding = "exact") =>
        new("test.claim", "§0", "quote", published, Interval.Parse(published), "x", rule, Rounding.TryParse(rounding, out _)!.Value, "because", "test:1");

    [Theory]
    [InlineData(ClaimRule.Equal, "10-20", "exact", 10, 20, Verdict.Reproduces)]
    [InlineData(ClaimRule.Equal, "10-20", "dp:0", 10.4, 19.6, Verdict.WithinRounding)]
    [InlineData(ClaimRule.Equal, "10-20", "dp:0", 10.6, 20, Verdict.Differs)]
    [InlineData(ClaimRule.Equal, "30", "sig:1", 34, 34, Verdict.WithinRounding)]
    [InlineData(ClaimRule.Equal, "30", "sig:1", 23.9, 23.9, Verdict.Differs)]
    [InlineData(ClaimRule.Contains, "10-12", "exact", 10.95, 10.95, Verdict.Reproduces)]
    [InlineData(ClaimRule.Contains, "10-12", "dp:0", 9.6, 11, Verdict.WithinRounding)]
    [InlineData(ClaimRule.Contains, "10-70", "dp:0", 21, 75, Verdict.Differs)]
    [InlineData(ClaimRule.AtLeast, "140", "dp:0", 130, 132, Verdict.Differs)]
    [InlineData(ClaimRule.AtLeast, "100", "exact", 568, 576, Verdict.Reproduces)]
    [InlineData(ClaimRule.AtMost, "200-400", "exact", 100, 200, Verdict.Reproduces)]
    [InlineData(ClaimRule.AtMost, "200-400", "exact", 500, 1000, Verdict.Differs)]
    [InlineData(ClaimRule.GreaterThan, "10", "exact", 10, 100, Verdict.Differs)]
    [InlineData(ClaimRule.GreaterThan, "10", "exact", 10.01, 100, Verdict.Reproduces)]
    [InlineData(ClaimRule.Holds, "1", "exact", 1, 1, Verdict.Reproduces)]
    [InlineData(ClaimRule.Holds, "1", "exact", 0, 0, Verdict.Differs)]
    public void Judge_applies_each_rule(ClaimRule rule, string published, string rounding, double lo, double hi, Verdict expected)
    {
        var row = ClaimsAudit.Judge(MakeClaim(rule, published, rounding), new ClaimComputation(new Interval(lo, hi), "detail"));
        Assert.Equal(expected, row.Verdict);
    }

    [Fact]
    public void Judge_marks_a_missing_computation_not_recomputable_with_what_is_missing()
    {
        var row = ClaimsAudit.Judge(MakeClaim(ClaimRule.Equal, "5"), ClaimComputation.Missing("no bandwidth given"));
        Assert.Equal(Verdict.NotRecomputable, row.Verdict);
        Assert.StartsWith("no bandwidth given", row.Reason);
        Assert.Equal("", row.Recomputed);
    }

    [Fact]
    public void A_claim_that_no_check_knows_is_bad_input_at_its_claims_csv_row()
    {
        var claim = MakeClaim(ClaimRule.Equal, "5");
        var e = Assert.Throws<ReproBundle.Data.BundleInputException>(() => ClaimsAudit.Run([claim], [new CoreClaimChecks(Paper.Data)]));
        Assert.Equal(claim.Origin, e.Location);
        Assert.Contains("unknown claim 'test.claim'", e.Problem);
        Assert.Contains("add one to lib/ReproBundle/Audit/Sections/", e.Problem);
    }

    [Theory]
    [InlineData("s1.new_claim", "lib/ReproBundle/Audit/Sections/Section1Claims.cs")]
    [InlineData("t2.new_cell", "lib/ReproBundle/Audit/Sections/Table2Claims.cs")]
    [InlineData("appc.mc_new", "lib/ReproBundle/Audit/Sections/UncertaintyClaimChecks.cs")]
    [InlineData("s6.new_share", "lib/ReproBundle/Audit/Sections/RegistryClaimChecks.cs")]
    public void A_new_claim_without_a_check_names_the_file_to_edit(string claimId, string file)
    {
        var claim = MakeClaim(ClaimRule.Equal, "5") with { ClaimId = claimId };
        var e = Assert.Throws<ReproBundle.Data.BundleInputException>(() => ClaimsAudit.Run([claim], [new CoreClaimChecks(Paper.Data)]));
        Assert.Contains($"add one to {file}", e.Problem);
        Assert.True(File.Exists(Path.Combine(TestPaths.RepoRoot, file)), file);
    }

    [Theory]
    [InlineData("exact", 27.78, 27.78)]
    [InlineData("dp:0", 27.78, 28)]
    [InlineData("dp:1", 1.3204, 1.3)]
    [InlineData("sig:1", 23.93, 20)]
    [InlineData("sig:2", 62501, 63000)]
    [InlineData("dp:0", 166.5, 167)]
    public void Rounding_rounds_half_away_from_zero_like_the_paper(string rounding, double value, double expected)
    {
        Assert.Equal(expected, Rounding.TryParse(rounding, out _)!.Value.Apply(value), 9);
    }
}
