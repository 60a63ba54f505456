using ReproBundle.Data;
using ReproBundle.Uncertainty;

namespace ReproBundle.Audit;

/// <summary>
/// The claims audit rows of the uncertainty analysis (data/claims.csv, "# Section 10: uncertainty"): §10 O2 and
/// Appendix C's "remains &gt;10x" read as probabilities over the paper's ranges, and §10 O5's invariance to r
/// checked on seeded Monte Carlo runs. The deterministic checks of the same sentences are in Section10Claims.cs and AppendixCClaims.cs.
/// </summary>
public sealed class UncertaintyClaimChecks : IClaimCheckProvider
{
    private readonly PaperData _data;
    private readonly UncertaintyResult _result;

    /// <summary>Creates the checks over (possibly overridden) data and the uncertainty result computed from it.</summary>
    public UncertaintyClaimChecks(PaperData data, UncertaintyResult result)
    {
        _data = data;
        _result = result;
        Checks = Build();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ClaimCheck> Checks { get; }


    /// <summary>
    /// D_ASIC / D_H100 over every corner of the model's ranges with one utilization for both platforms (u cancels):
    /// interval arithmetic through <c>AgentDensity.DensityAtUtilization(C, u, t, r)</c>.
    /// </summary>
    public static Interval SharedCorners(UncertaintyModel model)
    {
        Interval R(int i) => model.Quantities[i].Prior.Range;
        var one = Interval.Point(1);
        // r is one shared draw too, so it cancels like u: evaluate both at r's low end.
        var r = Interval.Point(R(UncertaintyModel.H100Stream).Lo);
        return AgentDensity.DensityAtUtilization(R(UncertaintyModel.AsicCapex), one, R(UncertaintyModel.AsicTok), r)
               / AgentDensity.DensityAtUtilization(R(UncertaintyModel.H100Capex), one, R(UncertaintyModel.H100Tok), r);
    }

    /// <summary>
    /// Most draws the r-invariance check uses (a smaller run: it compares runs with each other, not with the paper); a
    /// run asked for fewer draws (tests, a reviewer's quick look) uses that many.
    /// </summary>
    public const int InvarianceSamples = 65_536;

    private Dictionary<string, ClaimCheck> Build()
    {
        var c = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        var paper = _result.Scenario(UncertaintyScenario.PaperRanges.Name);
        var halved = _result.Scenario(UncertaintyScenario.AsicThroughputHalved.Name);
        var table1 = _result.Scenario(UncertaintyScenario.H100ThroughputFromTable1.Name);
        var Run = $"{_result.Settings.Samples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} draws, seed {_result.Settings.Seed}";

        // Shared or independent utilization (README.md, "Shared or independent utilization"): the shared reading is the
        // verdict's when every corner of the stated ranges clears the threshold, because its result then does not depend
        // on any prior; otherwise the probability rests on the bundle's priors and is not a verdict on the paper.
        ScenarioResult Shared(UncertaintyScenario sc) => _result.MonteCarloRuns.Scenario(
            UncertaintyModel.From(_data, sc with { Name = sc.Name + "_shared_u", SharedUtilization = true }), _result.Settings);
        var paperShared = new Lazy<ScenarioResult>(() => Shared(UncertaintyScenario.PaperRanges));
        var halvedShared = new Lazy<ScenarioResult>(() => Shared(UncertaintyScenario.AsicThroughputHalved));
        const string SharedU = "mc.utilization=shared", IndependentU = "mc.utilization=independent";
        string Priors = "the bundle's priors for the paper's ranges (uniform or log-uniform, README.md in lib/ReproBundle/Uncertainty)";

        ClaimComputation Probability(ScenarioResult independent, ScenarioResult shared, string what)
        {
            var corners = SharedCorners(shared.Model);
            var sharedReading = new Reading("shared utilization", Interval.Point(shared.ProbabilityDensityRatioAbove10x),
                $"P(D_ASIC / D_H100 > {Quantity.Text(AgentDensity.ConclusionRatioThreshold)}x) {what} with one utilization for both platforms ({Run}) = " +
                    $"{Quantity.Text(shared.ProbabilityDensityRatioAbove10x)}; u cancels, and the ratio over every corner of the stated ranges spans " +
                    $"{Quantity.Text(corners)}x") { Assumes = [SharedU] };
            var independentReading = new Reading("independent utilization", Interval.Point(independent.ProbabilityDensityRatioAbove10x),
                $"the same with each platform's utilization drawn on its own over " +
                    $"{Quantity.Text(independent.Model.Quantities[UncertaintyModel.H100Util].Prior.Range * 100)}% = " +
                    $"{Quantity.Text(independent.ProbabilityDensityRatioAbove10x)}; median ratio {Quantity.Text(independent.DensityRatio.P50)}x, 5th " +
                    $"percentile {Quantity.Text(independent.DensityRatio.P5)}x") { Assumes = [IndependentU] };
            return new ClaimComputation(sharedReading.Value, sharedReading.Detail)
            {
                PrimaryName = sharedReading.Name,
                PrimaryAssumes = sharedReading.Assumes,
                Alternatives = [independentReading],
                BundleAssumption = corners.Lo > AgentDensity.ConclusionRatioThreshold ? "" : Priors,
            };
        }

        c["o2.mc_probability_ratio_above_10x"] = () => Probability(paper, paperShared.Value,
            $"over the paper's ranges (t {Quantity.Text(paper.Model.Quantities[UncertaintyModel.H100Tok].Prior.Range)} vs " +
                $"{Quantity.Text(paper.Model.Quantities[UncertaintyModel.AsicTok].Prior.Range)} tok/s from Table 2, C_ASIC " +
                $"${Quantity.Text(paper.Model.Quantities[UncertaintyModel.AsicCapex].Prior.Range / 1000.0)} K, u " +
                $"{Quantity.Percent(paper.Model.Quantities[UncertaintyModel.H100Util].Prior.Range)} on each platform; with Table 1's " +
                $"{Quantity.Text(table1.Model.Quantities[UncertaintyModel.H100Tok].Prior.Range)} tok/s for the H100 and independent u: " +
                $"{Quantity.Text(table1.ProbabilityDensityRatioAbove10x)})");
        c["o2.mc_ratio_p5"] = () =>
        {
            var shared = paperShared.Value;
            var corners = SharedCorners(shared.Model);
            return new ClaimComputation(Interval.Point(shared.DensityRatio.P5),
                $"5th percentile of D_ASIC / D_H100 over the paper's ranges with one utilization for both platforms ({Run}) = " +
                    $"{Quantity.Text(shared.DensityRatio.P5)}x; every corner of the stated ranges gives {Quantity.Text(corners)}x")
            {
                PrimaryName = "shared utilization",
                PrimaryAssumes = [SharedU],
                Alternatives = [new Reading("independent utilization", Interval.Point(paper.DensityRatio.P5),
                    $"with each platform's utilization drawn on its own: 5th percentile {Quantity.Text(paper.DensityRatio.P5)}x (median " +
                        $"{Quantity.Text(paper.DensityRatio.P50)}x; with Table 1's H100 throughput " +
                        $"{Quantity.Text(table1.DensityRatio.P5)}x)") { Assumes = [IndependentU] }],
                BundleAssumption = corners.Lo > AgentDensity.ConclusionRatioThreshold ? "" : Priors,
            };
        };
        c["appc.mc_halved_t_probability_above_10x"] = () => Probability(halved, halvedShared.Value,
            $"with the ASIC's t range halved to {Quantity.Text(halved.Model.Quantities[UncertaintyModel.AsicTok].Prior.Range)} tok/s");
        c["o5.mc_ratio_invariant_to_r"] = Invariance;
        return c;
    }

    /// <summary>§10 O5 on seeded Monte Carlo runs: the same seed with r pinned to several values and drawn over a range; the ratio's draws must
    /// agree.</summary>
    private ClaimComputation Invariance()
    {
        // The same seed with r pinned to 1, 5, 20, 100 tok/s and drawn over 1-100: the ratio's draws must agree.
        var settings = new MonteCarloSettings(Math.Min(InvarianceSamples, _result.Settings.Samples), _result.Settings.Seed, _result.Settings.Threads);
        var rs = new[] { Interval.Point(1), Interval.Point(5), Interval.Point(20), Interval.Point(100), new Interval(1, 100) };
        const int Moved = 2;
        var models = rs.Select(r => UncertaintyModel.From(_data, UncertaintyScenario.PaperRanges, r)).ToList();
        var (worst, densityMoves) = _result.MonteCarloRuns.GetOrRun(string.Join("\n", models.Select(m => MonteCarloMemo.KeyOf(m, settings))), () =>
        {
            var runs = models.Select(m => MonteCarlo.Simulate(m, settings)).ToList();
            double largest = 0;
            for (int k = 1; k < runs.Count; k++)
            {
                for (int i = 0; i < settings.Samples; i++) largest = Math.Max(largest, Math.Abs(runs[k].DensityRatio[i] / runs[0].DensityRatio[i] - 1));
            }
            return (largest, runs[Moved].AsicDensity[0]);
        });
        var movedR = rs[Moved];
        var pinned = string.Join(", ", rs.Where(r => r.IsPoint).Select(Quantity.Text));
        var drawn = Quantity.Text(rs.Single(r => !r.IsPoint));
        return ClaimComputation.Holds(worst <= 1e-12,
            $"{settings.Samples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} seeded draws with r = {pinned} tok/s and r drawn over {drawn} (the same r on both platforms): the draws of D_ASIC / D_H100 agree to a relative {Quantity.Text(worst)} while each density moves with 1/r (first ASIC draw {Quantity.Text(densityMoves)} at r = {Quantity.Text(movedR)})");
    }
}
