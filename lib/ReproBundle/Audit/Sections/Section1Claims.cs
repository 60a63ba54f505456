using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of §1: the bandwidth-wall example (one H100, Llama-70B BF16) and the cost it recovers.
/// </summary>
internal sealed class Section1Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§1";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        // §1: the bandwidth-wall example.
        c["s1.weight_footprint"] = () => new(footprint / Giga, $"{S(denseParams / Giga)} B parameters x {S(bf16)} bytes (BF16) = {S(footprint / Giga)} GB");
        c["s1.h100_holds_70b_bf16"] = () =>
        {
            var gpus = BandwidthBound.DevicesToHold(Interval.Point(footprint.Hi), h100Capacity).Hi;
            return new(Interval.Point(gpus), $"{S(footprint / Giga)} GB of weights / {S(h100Capacity / Giga)} GB HBM per H100 (bundle assumption h100.hbm_capacity_bytes) needs at least {UnitText.After(S(gpus), "GPUs")}, before any KV cache");
        };
        c["s1.h100_decode_bound"] = () =>
        {
            var bound = BandwidthBound.MaxTokensPerSecond(denseParams, bf16, h100Bandwidth);
            return new(bound, $"§2.1 bound B / (P x b) = {S(h100Bandwidth / 1e12)} TB/s / {S(footprint / Giga)} GB = {S(bound)} tok/s");
        };
        c["s1.cost_per_mtok"] = () =>
        {
            var perHour = _d.Values.S1H100CloudUsdPerHour;
            var cost = Scenarios.Section1CloudCostUsdPerMillionTokens(_d.Values);
            return new(cost, $"${S(perHour)}/hour / ({S(s1Tok)} tok/s x seconds per hour), per million tokens = ${S(cost)}");
        };
        c["s1.cost_orders_of_magnitude"] = () =>
        {
            Interval PerTokS(PlatformBaseline x) => x.CapexUsd!.Value / x.TokensPerSecondPerDeployment;
            return ClaimComputation.Missing($"the cost a cluster recovers needs its throughput over all the streams it serves at once, which Table 1 does " +
                $"not give " +
                $"(it gives one stream's); dividing a whole cluster's CapEx by one stream's throughput would give ${S(PerTokS(groq))} per tok/s for Groq and " +
                $"${S(PerTokS(cerebras))} for Cerebras against the H100's ${S(PerTokS(h100))}, which measures the cluster's latency choice, not its cost " +
                    $"per token");
        };
    }
}
