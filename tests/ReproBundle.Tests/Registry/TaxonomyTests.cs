using ReproBundle.Audit;
using ReproBundle.Registry;
using Xunit;
using ReproBundle.Data;

namespace ReproBundle.Tests.Registry;

public class TaxonomyTests
{
    private static IReadOnlyList<AuditRow> AuditSection6(BottleneckRegistry registry)
    {
        var claims = Claim.Load(Path.Combine(RegistryTestData.DataDirectory, "claims.csv"));
        var provider = new RegistryClaimChecks(registry);
        return claims.Where(c => provider.Checks.ContainsKey(c.ClaimId)).Select(c => ClaimsAudit.Judge(c, provider.Checks[c.ClaimId]())).ToList();
    }

    [Fact]
    public void The_taxonomy_note_split_is_6_algorithmic_10_coordination_2_heavy_capital()
    {
        var counts = Taxonomy.Counts(RegistryTestData.Seed()).Where(c => c.Dimension == "group").ToDictionary(c => c.Category, c => c.Count);

        Assert.Equal(new Dictionary<string, int> { ["algorithmic"] = 6, ["coordination-or-engineering"] = 10, ["heavy-capital"] = 2 }, counts);
    }

    [Theory]
    [InlineData("Physics/Arch", new[] { "physics", "arch" })]
    [InlineData("Architecture", new[] { "arch" })]
    [InlineData("Algo", new[] { "algo" })]
    public void Printed_types_map_to_tags_with_Arch_and_Architecture_as_one_tag(string printed, string[] tags)
    {
        Assert.Equal(tags, Taxonomy.TypeTags(printed));
    }

    [Theory]
    [InlineData("s6.entry_count", Verdict.Reproduces, "18")]
    [InlineData("s6.group_algorithmic", Verdict.Reproduces, "6")]
    [InlineData("s6.group_coordination", Verdict.Reproduces, "10")]
    [InlineData("s6.group_heavy_capital", Verdict.Reproduces, "2")]
    [InlineData("s6.coordination_share", Verdict.Differs, "55.6")]
    [InlineData("s6.not_money_share", Verdict.Differs, "88.9")]
    [InlineData("s6.b16_highest_priority_addition", Verdict.Reproduces, "holds")]
    [InlineData("s6.priority5_not_capital", Verdict.Reproduces, "holds")]
    [InlineData("abstract.eleven_of_fifteen", Verdict.Differs, "10")]
    [InlineData("s9.majority", Verdict.Reproduces, "holds")]
    [InlineData("s5.b8_gating", Verdict.Reproduces, "holds")]
    [InlineData("o1.b4_dominant_risk", Verdict.Differs, "does not hold")]
    [InlineData("o8.count_by_type", Verdict.Differs, "does not hold")]
    public void Section_6_taxonomy_claims_get_their_verdicts_by_counting_the_entries(string claimId, Verdict verdict, string recomputedStart)
    {
        var row = AuditSection6(RegistryTestData.Seed()).Single(r => r.ClaimId == claimId);

        Assert.Equal(verdict, row.Verdict);
        Assert.StartsWith(recomputedStart, row.Recomputed);
    }

    [Fact]
    public void Every_registry_claim_in_claims_csv_has_exactly_one_registry_check()
    {
        var claims = Claim.Load(Path.Combine(RegistryTestData.DataDirectory, "claims.csv"));
        var provider = new RegistryClaimChecks(RegistryTestData.Seed());

        var registryClaims = claims.Where(c => provider.Checks.ContainsKey(c.ClaimId)).Select(c => c.ClaimId).Order().ToList();

        Assert.Equal(provider.Checks.Keys.Order().ToList(), registryClaims);
    }

    [Fact]
    public void Verdicts_follow_the_entries_moving_B13_out_of_algorithmic_makes_eleven_of_fifteen_reproduce()
    {
        using var data = new TempData();
        data.ReplaceLine("B13.md", "group: algorithmic", "group: coordination-or-engineering");

        var rows = AuditSection6(BottleneckRegistry.Load(data.Data));

        Assert.Equal(Verdict.Reproduces, rows.Single(r => r.ClaimId == "abstract.eleven_of_fifteen").Verdict);
        Assert.Equal(Verdict.Differs, rows.Single(r => r.ClaimId == "s6.group_algorithmic").Verdict);
    }

    [Fact]
    public void Registry_summary_csv_counts_every_dimension()
    {
        var counts = Taxonomy.Counts(RegistryTestData.Seed());

        Assert.Equal(18, counts.Where(c => c.Dimension == "type").Sum(c => c.Count));
        Assert.Equal(18, counts.Where(c => c.Dimension == "priority").Sum(c => c.Count));
        Assert.Equal(["B1", "B2", "B6", "B8", "B15", "B16"], counts.Single(c => c.Dimension == "priority" && c.Category == "5").Ids);
        Assert.Equal(0, counts.Single(c => c.Dimension == "status" && c.Category == "resolved").Count);
        Assert.Equal(3, counts.Single(c => c.Dimension == "schema_version" && c.Category == "v0.2").Count);
    }
}
