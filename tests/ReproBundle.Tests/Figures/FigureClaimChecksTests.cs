using ReproBundle.Audit;
using ReproBundle.Figures;

using Xunit;
using ReproBundle.Data;

namespace ReproBundle.Tests.Figures;

public class FigureClaimChecksTests
{
    [Fact]
    public void The_software_maturity_gap_is_H100_minus_Groq_and_Cerebras_and_says_the_scores_are_the_bundles()
    {
        var inputs = FigureTestData.Inputs;
        var result = new FigureClaimChecks(inputs).Checks[FigureClaimChecks.SoftwareMaturityGap]();
        // By hand from data/figures/software_maturity_scores.csv: H100 2+2+2+2+2 = 10; Groq (0-1)+1+1+(0-1)+1 = 3-5, gap 5-7;
        // Cerebras (0-1)+1+1+1+1 = 4-5, gap 5-6; together 5-7 points.
        Assert.Equal(new Interval(5, 7), result.Value);
        Assert.Contains("groq 3-5 (gap 5-7), cerebras 4-5 (gap 5-6)", result.Detail);
        Assert.Contains("bundle's software-maturity rubric", result.BundleAssumption);
    }

    [Fact]
    public void The_claims_file_lists_the_section_5_claim_and_the_audit_covers_it()
    {
        var claims = Claim.Load(Path.Combine(FigureTestData.DataDirectory, "claims.csv"));
        var claim = Assert.Single(claims, c => c.ClaimId == FigureClaimChecks.SoftwareMaturityGap);
        var row = ClaimsAudit.Judge(claim, new FigureClaimChecks(FigureTestData.Inputs).Checks[claim.ClaimId]());
        Assert.Equal(Verdict.NotRecomputable, row.Verdict);
        Assert.Contains("bundle's software-maturity rubric", row.Reason);
        Assert.Contains("not a verdict on the paper", row.Reason);
    }
}
