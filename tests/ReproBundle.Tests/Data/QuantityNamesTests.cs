using ReproBundle.Data;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Data;

/// <summary>Issue 25, items 1 and 5: one name per quantity in an assumptions file, and the nearest names for a typo.</summary>
public class QuantityNamesTests
{
    private static PaperData Data() => PaperData.Load(TestPaths.DataDir);

    private static AssumptionOverrides Load(string name, string text)
    {
        using var temp = TestPaths.NewTempDir();
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, text);
        return AssumptionOverrides.Load(path, Data());
    }

    private static string LoadError(string name, string text) =>
        Assert.Throws<BundleInputException>(() => Load(name, text)).Message;

    [Fact]
    public void A_quantity_name_sets_every_place_it_groups()
    {
        var o = Load("q.yaml", "h100.decode_tok_s: 40\n");
        Assert.Equal(["s1.h100_decode_tok_s", "table1.h100.tok_s_deployment", "table2.decode_single.h100", "appc.h100.tok_s"], o.Items.Select(i => i.Name));
        Assert.All(o.Items, i => Assert.Equal(Interval.Point(40), i.Value));
        Assert.All(o.Items, i => Assert.Equal("h100.decode_tok_s", i.Key));
        var d = o.Apply(Data());
        Assert.Equal(40, d.Values.AppendixCH100.TokensPerSecond);
        Assert.Equal(Interval.Point(40), d.Values.S1H100DecodeTokensPerSecond);
        Assert.Equal(Interval.Point(40), d.Table2Rows.DecodeSingle.H100);
    }

    [Fact]
    public void The_more_specific_name_wins_whatever_the_order_in_the_file()
    {
        var o = Load("q.yaml", "appc.asic.utilization: 0.9\nh100.utilization: 0.6\nutilization: 0.5\n");
        var byPlace = o.Items.ToDictionary(i => i.Name, i => (i.Value, i.Key));
        Assert.Equal((Interval.Point(0.9), "appc.asic.utilization"), byPlace["appc.asic.utilization"]);
        Assert.Equal((Interval.Point(0.6), "h100.utilization"), byPlace["appc.h100.utilization"]);
        Assert.Equal((Interval.Point(0.5), "utilization"), byPlace["model.utilization"]);
        Assert.Equal((Interval.Point(0.5), "utilization"), byPlace["table2.utilization"]);
        Assert.Equal(4, o.Items.Count);
        var utilization = o.Entries.Single(e => e.Key == "utilization");
        Assert.Equal(["appc.h100.utilization", "appc.asic.utilization"], utilization.LeftToMoreSpecific);
    }

    [Fact]
    public void A_range_for_a_quantity_sets_the_worked_examples_to_its_midpoint()
    {
        var o = Load("q.yaml", "asic.capex_usd: {lo: 10000, hi: 30000}\n");
        Assert.Equal(new Interval(10000, 30000), o.Items.Single(i => i.Name == "asic.node_cost_usd").Value);
        // Appendix C takes single numbers: (10000 + 30000) / 2.
        Assert.Equal(Interval.Point(20000), o.Items.Single(i => i.Name == "appc.asic.capex_usd").Value);
    }

    [Fact]
    public void A_quantity_value_outside_a_place_domain_names_the_place()
    {
        var message = LoadError("q.yaml", "\nutilization: 1.5\n");
        Assert.Contains("q.yaml:2:", message);
        Assert.Contains("utilization (through model.utilization) = 1.5 must lie in (0, 1]", message);
    }

    [Theory]
    [InlineData("w.yaml", "h100.decode_tok_s: {value: 40, why: \"MLPerf v5.0 shows 40\"}\nasic.node_cost_usd: {lo: 9000, hi: 21000, why: packaging}\nstream_tok_s: 6\n")]
    [InlineData("w.json", "{\"h100.decode_tok_s\": {\"value\": 40, \"why\": \"MLPerf v5.0 shows 40\"},\n \"asic.node_cost_usd\": {\"lo\": 9000, \"hi\": 21000, \"why\": \"packaging\"},\n \"stream_tok_s\": 6}")]
    public void A_why_may_follow_any_value_and_plain_values_still_work(string file, string text)
    {
        var o = Load(file, text);
        Assert.Equal(["MLPerf v5.0 shows 40", "packaging", ""], o.Entries.Select(e => e.Why));
        Assert.Equal([Interval.Point(40), new Interval(9000, 21000), Interval.Point(6)], o.Entries.Select(e => e.Value));
    }

    [Theory]
    [InlineData("b.yaml", "appc.h100.tok_s: {value: 40, hi: 50}\n", "b.yaml:1: appc.h100.tok_s: give either 'value' or 'lo' and 'hi', not both")]
    [InlineData("b.yaml", "appc.h100.tok_s: {value: 40, because: x}\n", "b.yaml:1: appc.h100.tok_s.because: unknown field")]
    [InlineData("b.yaml", "appc.h100.tok_s: {why: x}\n", "b.yaml:1: appc.h100.tok_s: a value mapping needs 'value' or 'lo' and 'hi'")]
    [InlineData("b.yaml", "appc.h100.tok_s: {value: 40, why: [a]}\n", "b.yaml:1: appc.h100.tok_s.why is a list; expected text")]
    public void A_malformed_value_mapping_is_named_at_its_line(string file, string text, string expected) =>
        Assert.Contains(expected, LoadError(file, text));

    [Theory]
    [InlineData("s.yaml", "appc.h100.tok_per_s: 40\n", "(did you mean 'appc.h100.tok_s'?)")]
    [InlineData("s.json", "{\"appc.h100.tok_per_s\": 40}", "(did you mean 'appc.h100.tok_s'?)")]
    [InlineData("s.yaml", "utilisation: 0.5\n", "(did you mean 'utilization', 'appc.asic.utilization' or 'appc.h100.utilization'?)")]
    [InlineData("s.json", "{\"h100.decode_tok_per_s\": 40}", "(did you mean 'h100.decode_tok_s'")]
    [InlineData("s.yaml", "model.utilisation: 0.5\n", "(did you mean 'model.utilization'?)")]
    public void An_unknown_name_gets_the_nearest_known_names_quantity_names_included(string file, string text, string expected)
    {
        var message = LoadError(file, text);
        Assert.Contains("unknown name", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Nearest_ranks_by_edit_distance_over_places_and_quantity_names()
    {
        var related = RelatedInputs.Load(TestPaths.DataDir, Data());
        var names = AssumptionOverrides.Names(Data()).Select(n => n.Name).Concat(related.Quantities.Select(q => q.Name)).ToList();
        // "tok_per_s" -> "tok_s" is 4 insertions away; the ASIC's name is 4 substitutions further.
        Assert.Equal("appc.h100.tok_s", AssumptionOverrides.Nearest("appc.h100.tok_per_s", names)[0]);
        // One letter from the quantity name; a place's tail "utilization" costs one more step.
        Assert.Equal(["utilization", "appc.asic.utilization", "appc.h100.utilization", "asic.utilization", "h100.utilization", "model.utilization"],
            AssumptionOverrides.Nearest("utilisation", names, 6));
        Assert.Empty(AssumptionOverrides.Nearest("zzzzzzzz", names));
    }

    [Fact]
    public void Quantities_that_partly_overlap_are_rejected_at_the_row()
    {
        using var copy = TestPaths.CopyOfData();
        var dataDir = Path.Combine(copy.Path, "data");
        var path = Path.Combine(dataDir, RelatedInputs.FileName);
        var lines = File.ReadAllLines(path).Length;
        File.AppendAllText(path, "odd_pair,appc.h100.utilization,x\nodd_pair,appc.h100.tok_s,y\n");
        var e = Assert.Throws<BundleInputException>(() => RelatedInputs.Load(dataDir, PaperData.Load(dataDir)));
        Assert.StartsWith($"{path}:", e.Location);
        Assert.Contains("quantities may nest, not partly overlap", e.Problem);
    }

    [Fact]
    public void A_quantity_name_may_not_be_a_place_name()
    {
        using var copy = TestPaths.CopyOfData();
        var dataDir = Path.Combine(copy.Path, "data");
        var path = Path.Combine(dataDir, RelatedInputs.FileName);
        var lines = File.ReadAllLines(path).Length;
        File.AppendAllText(path, "model.utilization,appc.h100.utilization,x\n");
        var e = Assert.Throws<BundleInputException>(() => RelatedInputs.Load(dataDir, PaperData.Load(dataDir)));
        Assert.Equal($"{path}:{lines + 1}", e.Location);
        Assert.Contains("already the name of one place", e.Problem);
    }

    [Fact]
    public void The_named_quantities_of_issue_25_exist_and_every_place_stated_twice_is_grouped()
    {
        var related = RelatedInputs.Load(TestPaths.DataDir, Data());
        var names = related.Quantities.Select(q => q.Name).ToHashSet();
        Assert.Subset(names, new HashSet<string> { "h100.decode_tok_s", "h100.utilization", "asic.utilization", "stream_tok_s", "lifetime_years", "asic.capex_usd" });
        // The places the paper states more than once (read off data/inputs.csv and Tables 1-2 by hand).
        string[] statedTwice = ["s1.h100_decode_tok_s", "table1.h100.tok_s_deployment", "table2.decode_single.h100", "appc.h100.tok_s",
            "table2.decode_single.asic", "appc.asic.tok_s", "asic.node_cost_usd", "appc.asic.capex_usd", "table1.h100.capex_usd", "appc.h100.capex_usd",
            "model.utilization", "table2.utilization", "appc.h100.utilization", "appc.asic.utilization", "appc.h100.stream_tok_s", "appc.asic.stream_tok_s",
            "table2.lifetime_years", "appc.h100.lifetime_years", "appc.asic.lifetime_years", "etched.server_capex_usd", "table1.etched.capex_usd"];
        var grouped = related.Rows.Select(r => r.Name).ToHashSet();
        Assert.All(statedTwice, p => Assert.Contains(p, grouped));
    }
}

/// <summary>
/// Issue 25, item 1: a quantity name reaches every claim, headline number, table and figure that any of its places reaches
/// alone (explain's reach machinery, one baseline and a small Monte Carlo for all names).
/// </summary>
public class QuantityReachTests
{
    /// <summary>
    /// Claims that compare two places of one quantity: moving a place alone breaks the relation, moving the quantity (every
    /// place together) keeps it, so the quantity name need not reach them. o6.conservative compares Table 2's Claude-class
    /// H100 throughput with Appendix C's Llama-70B one, both places of h100.decode_tok_s.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string[]> RelationsWithinOneQuantity = new Dictionary<string, string[]>
    {
        ["h100.decode_tok_s"] = ["o6.conservative"],
    };

    [Fact]
    public void Each_quantity_name_reaches_the_union_of_what_its_places_reach()
    {
        var session = new Reproduction.ExplainSession(TestPaths.DataDir, new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1));
        foreach (var q in session.Quantities)
        {
            var whole = session.Explain(q.Name);
            var parts = q.Places.Select(p => session.Explain(p.Name)).ToList();
            Assert.True(whole.Sets.Count == q.Places.Count, q.Name);
            foreach (var (what, of) in new (string, Func<ReproBundle.Review.OverrideReach, IReadOnlyList<string>>)[]
                     { ("claims", r => r.Claims), ("headlines", r => r.Headlines), ("tables", r => r.Tables), ("figures", r => r.Figures) })
            {
                var union = parts.SelectMany(of).ToHashSet();
                var exempt = what == "claims" && RelationsWithinOneQuantity.TryGetValue(q.Name, out var relations) ? relations : [];
                Assert.All(exempt, claim => Assert.Contains(claim, union));
                var missing = union.Except(of(whole)).Except(exempt).ToList();
                Assert.True(missing.Count == 0, $"{q.Name} misses {what} {string.Join(", ", missing)} that its places reach");
            }
            Assert.Equal(parts.Any(p => p.MonteCarlo), whole.MonteCarlo);
            Assert.NotEmpty(whole.Claims.Concat(whole.Headlines).Concat(whole.Tables).Concat(whole.Figures));
        }
    }

    [Fact]
    public void The_README_example_of_quantity_names_reaches_appendix_c()
    {
        var session = new Reproduction.ExplainSession(TestPaths.DataDir, new MonteCarloSettings(2_000, MonteCarloSettings.DefaultSeed, 1));
        foreach (var name in new[] { "h100.decode_tok_s", "utilization", "asic.capex_usd" })
        {
            Assert.Contains("appc.density_ratio", session.Explain(name).Headlines);
        }
    }
}
