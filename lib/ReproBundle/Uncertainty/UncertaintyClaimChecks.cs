using ReproBundle.Audit;
using ReproBundle.Data;

namespace ReproBundle.Uncertainty;

/// <summary>
/// The claims audit rows of the uncertainty analysis (data/claims.csv, "# Section 10: uncertainty"): §10 O2 and
/// Appendix C's "remains &gt;10x" read as probabilities over the paper's ranges, and §10 O5's invariance to r
/// checked on seeded Monte Carlo runs. The deterministic checks of the same claims stay in <see cref="CoreClaimChecks"/>.
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

    private static string S(double v) => ClaimsAudit.Show(v);

    /// <summary>Draws used by the r-invariance check (a smaller run: it compares runs with each other, not with the paper).</summary>
    public const int InvarianceSamples = 65_536;

    private Dictionary<string, ClaimCheck> Build()
    {
        var c = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        var paper = _result.Scenario(UncertaintyScenario.PaperRanges.Name);
        var halved = _result.Scenario(UncertaintyScenario.AsicThroughputHalved.Name);
        var table1 = _result.Scenario(UncertaintyScenario.H100ThroughputFromTable1.Name);
        var Run = $"{_result.Settings.Samples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} draws, seed {_result.Settings.Seed}";

        c["o2.mc_probability_ratio_above_10x"] = () =>
        {
            var p = paper.ProbabilityDensityRatioAbove10x;
            var q = paper.Model.Quantities;
            string Range(int i) => Quantity.Text(q[i].Prior.Range);
            return new(Interval.Point(p), $"P(D_ASIC / D_H100 > 10x) over the paper's ranges ({Run}; t {Range(UncertaintyModel.H100Tok)} vs {Range(UncertaintyModel.AsicTok)} tok/s from Table 2, C_ASIC ${Quantity.Text(q[UncertaintyModel.AsicCapex].Prior.Range / 1000.0)} K, u {Quantity.Percent(q[UncertaintyModel.H100Util].Prior.Range)} on each platform) = {S(p)}; with Table 1's {Quantity.Text(table1.Model.Quantities[UncertaintyModel.H100Tok].Prior.Range)} tok/s for the H100 it is {S(table1.ProbabilityDensityRatioAbove10x)}");
        };
        c["o2.mc_ratio_p5"] = () =>
        {
            var r = paper.DensityRatio;
            return new(Interval.Point(r.P5), $"5th percentile of D_ASIC / D_H100 over the paper's ranges ({Run}) = {S(r.P5)}x (median {S(r.P50)}x, 95th percentile {S(r.P95)}x); with Table 1's H100 throughput the 5th percentile is {S(table1.DensityRatio.P5)}x");
        };
        c["appc.mc_halved_t_probability_above_10x"] = () =>
        {
            var p = halved.ProbabilityDensityRatioAbove10x;
            return new(Interval.Point(p), $"P(D_ASIC / D_H100 > 10x) with the ASIC's t range halved to {halved.Model.Quantities[UncertaintyModel.AsicTok].Prior.Range} tok/s ({Run}) = {S(p)}; median ratio {S(halved.DensityRatio.P50)}x, 5th percentile {S(halved.DensityRatio.P5)}x");
        };
        c["o5.mc_ratio_invariant_to_r"] = () =>
        {
            // The same seed with r pinned to 1, 5, 20, 100 tok/s and drawn over 1-100: the ratio's draws must agree.
            var settings = new MonteCarloSettings(InvarianceSamples, _result.Settings.Seed, _result.Settings.Threads);
            var rs = new[] { Interval.Point(1), Interval.Point(5), Interval.Point(20), Interval.Point(100), new Interval(1, 100) };
            var runs = rs.Select(r => MonteCarlo.Simulate(UncertaintyModel.From(_data, UncertaintyScenario.PaperRanges, r), settings).DensityRatio).ToList();
            double worst = 0;
            for (int k = 1; k < runs.Count; k++)
            {
                for (int i = 0; i < runs[0].Length; i++) worst = Math.Max(worst, Math.Abs(runs[k][i] / runs[0][i] - 1));
            }
            var densityMoves = MonteCarlo.Simulate(UncertaintyModel.From(_data, UncertaintyScenario.PaperRanges, Interval.Point(20)), settings).AsicDensity[0];
            return ClaimComputation.Holds(worst <= 1e-12,
                $"{InvarianceSamples.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} seeded draws with r = 1, 5, 20, 100 tok/s and r drawn over 1-100 (the same r on both platforms): the draws of D_ASIC / D_H100 agree to a relative {S(worst)} while each density moves with 1/r (first ASIC draw {S(densityMoves)} at r = 20)");
        };
        return c;
    }
}
