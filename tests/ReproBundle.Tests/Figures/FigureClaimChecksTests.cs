using ReproBundle.Audit;
using ReproBundle.Figures;

using Xunit;

namespace ReproBundle.Tests.Figures;

public class FigureClaimChecksTests
{
    [Fact]
    public void The_software_maturity_gap_is_H100_minus_Groq_and_Cerebras_and_says_the_scores_are_the_bundles()
    {
        var inputs = FigureTestData.Inputs;
        var result = new FigureClaimChecks(inputs).Checks[FigureClaimChecks.SoftwareMaturityGap]();
        var h100 = inputs.MaturityScoreOf("h100");
        var expected = Interval.Hull(h100 - inputs.MaturityScoreOf("groq"), h100 - inputs.MaturityScoreOf("cerebras"));
        Assert.Equal(expected, result.Value);
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
