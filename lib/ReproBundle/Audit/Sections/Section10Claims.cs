using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The deterministic claims of §10 (O2, O5, O6); the Monte Carlo readings of the same sentences are in UncertaintyClaimChecks.
/// </summary>
internal sealed class Section10Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§10";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        c["o6.conservative"] = () =>
        {
            var moeT = _d.Table2Rows.DecodeSingle.H100;
            var worked = Scenarios.WorkedExampleDensityRatio(_d.Values);
            var atMoe = new[] { moeT.Lo, moeT.Hi }.Select(t => AgentDensity.DensityRatio(asicInputs, h100Inputs with { TokensPerSecond = t })).ToList();
            return ClaimComputation.Holds(atMoe.Min() >= worked * (1 - 1e-12),
                $"with Table 2's Claude-class H100 throughput ({S(moeT)} tok/s) in place of Llama-70B's {S(h100Inputs.TokensPerSecond)} tok/s, D_ASIC / " +
                    $"D_H100 is " +
                $"{S(new Interval(atMoe.Min(), atMoe.Max()))}x against {S(worked)}x, so the Llama-70B baseline understates the ratio (and " +
                    $"{S(gpusForActive)} H100s to hold every FP16 expert would lower D_H100 further)");
        };
        // §10.
        c["o2.active_params_robust"] = () =>
        {
            // Doubling P_active doubles W_active and so halves the bandwidth-bound t on both platforms (§2.1):
            // the ratio is unchanged; if only the ASIC's t halved, the ratio halves.
            var active = _d.Values.ActiveParameters;
            var scale = active.Lo / active.Hi;
            var both = AgentDensity.DensityRatio(asicInputs with { TokensPerSecond = asicInputs.TokensPerSecond * scale },
                h100Inputs with { TokensPerSecond = h100Inputs.TokensPerSecond * scale });
            var asicOnly = Scenarios.Fp4PessimisticDensityRatio(_d.Values);
            return new(new Interval(Math.Min(both, asicOnly), Math.Max(both, asicOnly)),
                $"P_active {S(active.Lo / Giga)} -> {S(active.Hi / Giga)} B scales W_active and so the bandwidth-bound t by {S(scale)}: on both platforms " +
                    $"D_ASIC / D_H100 stays {S(both)}x; with only the ASIC's t at x {S(shortfall)} it falls to {S(asicOnly)}x");
        };
        c["o5.ratio_invariant_to_r"] = () =>
        {
            var rs = new[] { 1.0, 5, 20, 100 };
            var ratios = rs.Select(r => AgentDensity.DensityRatio(asicInputs with { StreamTokensPerSecond = r },
                h100Inputs with { StreamTokensPerSecond = r })).ToList();
            var spread = ratios.Max() - ratios.Min();
            return ClaimComputation.Holds(spread <= 1e-9 * ratios.Max(), $"D_ASIC / D_H100 at r = {string.Join(", ", rs.Select(S))} tok/s: {string.Join(", ", ratios.Select(S))} (r cancels in (1e6/C_a)(t_a/r)u_a / ((1e6/C_h)(t_h/r)u_h))");
        };
    }
}
