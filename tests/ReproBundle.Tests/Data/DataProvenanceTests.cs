using System.Text.RegularExpressions;
using ReproBundle.Audit;
using ReproBundle.Data;
using Xunit;

namespace ReproBundle.Tests.Data;

/// <summary>data/ certifies itself: every value has a source, every reference resolves.</summary>
public class DataProvenanceTests
{
    [Fact]
    public void Every_input_has_a_paper_locator_or_a_reasoned_bundle_assumption()
    {
        Assert.All(Paper.Data.Inputs.Values, v =>
        {
            if (v.IsBundleAssumption) Assert.True(v.Note.Length > 40, $"{v.Name}: bundle assumption without a rationale");
            else Assert.Matches(@"^(§\d|Table \d|Appendix [A-D])", v.Source);
        });
    }

    [Fact]
    public void Every_reference_key_used_in_data_resolves_to_references_bib()
    {
        var keys = Paper.Data.ReferenceKeys;
        var used = Paper.Data.Inputs.Values.Select(v => v.Reference).Concat(Paper.Data.Table1.Select(p => p.Reference)).Where(k => k.Length > 0);
        Assert.All(used, k => Assert.Contains(k, keys));
    }

    [Fact]
    public void References_bib_holds_the_31_works_the_paper_cites()
    {
        // The citation list in "References" names 31 works; the printed list has 30 (Zhou et al. 2022 missing).
        Assert.Equal(31, Paper.Data.ReferenceKeys.Count);
    }

    [Fact]
    public void Table_1_has_all_five_platforms_and_Table_2_all_six_metrics()
    {
        Assert.Equal(["h100", "b200", "groq", "cerebras", "etched"], Paper.Data.Table1.Select(p => p.Id));
        Assert.Equal(6, Paper.Data.Table2.Count);
    }

    [Fact]
    public void Every_input_name_is_documented_in_data_README()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.DataDir, "README.md"));
        Assert.All(InputCatalog.Domains.Keys, name => Assert.Contains($"`{name}`", readme));
    }

    [Fact]
    public void Claims_csv_parses_and_ids_are_section_prefixed()
    {
        var claims = Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv"));
        Assert.All(claims, c => Assert.Matches(new Regex(@"^[a-z0-9_]+(\.[a-z0-9_]+)+$"), c.ClaimId));
    }
}
