using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Figures;
using ReproBundle.Registry;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Uncertainty;

/// <summary>
/// The claim checks' Monte Carlo runs kept per uncertainty result (<see cref="MonteCarloMemo"/>): the reviewer's comparison
/// audits every override alone against the paper's Monte Carlo, and a model drawn once must never stand in for another.
/// </summary>
public class MonteCarloMemoTests
{
    private static readonly MonteCarloSettings Small = new(4_000, MonteCarloSettings.DefaultSeed, 2);

    private static PaperData With(string name, Interval value) =>
        AssumptionOverrides.Single("test", name, value, null).Apply(Paper.Data);

    private static string Key(PaperData data) =>
        MonteCarloMemo.KeyOf(UncertaintyModel.From(data, UncertaintyScenario.PaperRanges), Small);

    [Fact]
    public void A_drawn_input_moved_by_one_bit_gives_another_key_and_an_input_the_model_does_not_draw_gives_the_same()
    {
        var nodeCost = Paper.Data.Values.AsicNodeCostUsd;
        Assert.NotEqual(Key(Paper.Data), Key(With("asic.node_cost_usd", new Interval(nodeCost.Lo, Math.BitIncrement(nodeCost.Hi)))));
        Assert.NotEqual(Key(Paper.Data), MonteCarloMemo.KeyOf(UncertaintyModel.From(Paper.Data, UncertaintyScenario.PaperRanges), Small with { Seed = Small.Seed + 1 }));
        Assert.NotEqual(Key(Paper.Data), MonteCarloMemo.KeyOf(UncertaintyModel.From(Paper.Data, UncertaintyScenario.AsicThroughputHalved), Small));
        Assert.Equal(Key(Paper.Data), Key(With("table1.groq.power_w", Interval.Point(900))));
    }

    [Fact]
    public void A_key_is_run_once_and_its_result_kept()
    {
        var memo = new MonteCarloMemo();
        var runs = 0;
        var first = memo.GetOrRun("k", () => { runs++; return new object(); });
        Assert.Same(first, memo.GetOrRun("k", () => { runs++; return new object(); }));
        Assert.NotSame(first, memo.GetOrRun("other", () => { runs++; return new object(); }));
        Assert.Equal(2, runs);
    }

    [Theory]
    [InlineData("asic.node_cost_usd")] // drawn by the Monte Carlo: its own runs
    [InlineData("table1.groq.power_w")] // not drawn: the paper's runs
    public void An_audit_that_shares_the_papers_runs_gives_the_rows_of_an_audit_that_draws_its_own(string name)
    {
        var claims = Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv"));
        var registry = BottleneckRegistry.Load(TestPaths.DataDir);
        var figureInputs = FigureInputs.Load(TestPaths.DataDir);
        IReadOnlyList<AuditRow> Audit(PaperData d, UncertaintyResult u) => ClaimsAudit.Run(claims, Reproduction.ClaimCheckProviders(d, registry, u, figureInputs));

        var paper = UncertaintyAnalysis.Run(Paper.Data, Small);
        _ = Audit(Paper.Data, paper); // fills the paper's runs
        var current = AssumptionOverrides.Names(Paper.Data).Single(n => n.Name == name).Current!.Value;
        var changed = With(name, current * 1.25);
        var shared = Audit(changed, UncertaintyAnalysis.WithMonteCarloOf(changed, paper));
        var own = Audit(changed, UncertaintyAnalysis.WithMonteCarloOf(changed, paper) with { MonteCarloRuns = new MonteCarloMemo() });
        Assert.Equal(own.Select(r => (r.ClaimId, r.Recomputed, r.Verdict, r.Reason)), shared.Select(r => (r.ClaimId, r.Recomputed, r.Verdict, r.Reason)));
    }
}
