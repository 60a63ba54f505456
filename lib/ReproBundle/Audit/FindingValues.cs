using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit;

/// <summary>
/// The values the findings' materiality statements need beyond the claims' own readings (placeholders
/// <c>{=name}</c> in <c>data/findings.csv</c>), each computed through the library's equations from the loaded data.
/// </summary>
public static class FindingValues
{
    /// <summary>Every value by name; an override of any input (<c>--assumptions</c>) flows through.</summary>
    public static IReadOnlyDictionary<string, Interval> Compute(PaperData data)
    {
        var v = new Dictionary<string, Interval>(StringComparer.Ordinal);
        var h100 = Scenarios.AppendixCH100(data.Values);
        var asic = Scenarios.AppendixCAsic(data.Values);
        static double Ratio(AgentDensityInputs a, AgentDensityInputs h) => AgentDensity.DensityRatio(a, h);

        // Appendix C with the worked examples as printed, and with true midpoints of the ranges they cite.
        v["appc.ratio_as_printed"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values));
        var h100T = data.Table1Rows.H100.TokensPerSecondPerDeployment;
        var asicC = data.Values.AsicNodeCostUsd;
        var asicT = data.Table2Rows.DecodeSingle.Asic;
        v["appc.ratio_arithmetic_midpoints"] = Interval.Point(Ratio(asic with { CapexUsd = asicC.Midpoint, TokensPerSecond = asicT.Midpoint }, h100 with { TokensPerSecond = h100T.Midpoint }));
        v["appc.ratio_geometric_midpoints"] = Interval.Point(Ratio(asic with { CapexUsd = Math.Sqrt(asicC.Lo * asicC.Hi), TokensPerSecond = Math.Sqrt(asicT.Lo * asicT.Hi) },
            h100 with { TokensPerSecond = Math.Sqrt(h100T.Lo * h100T.Hi) }));

        // Table 2's H100 baseline read as several GPUs: the ratios of cost and energy grow by the GPU count.
        var capacity = data.Values.H100HbmCapacityBytes;
        var active = Table2Projection.H100ActiveWeightBytes(data.Values);
        v["t2.h100_gpus_for_active_weights"] = BandwidthBound.DevicesToHold(active, capacity);
        var costRow = data.Table2Rows.CostPerMillionTokens;
        v["t2.cost_ratio_several_gpus"] = Table2Projection.RatioPairedEnds(costRow.Better, costRow.H100 * v["t2.h100_gpus_for_active_weights"], costRow.Asic);

        // §1 / Table 1: the BF16 bound and what Cerebras's ratio would be over it.
        var bound = BandwidthBound.MaxTokensPerSecond(data.Values.S1DenseParameters, data.Values.S1Bf16BytesPerParameter, data.Values.H100HbmBytesPerSecond);
        v["s1.bf16_bound_tok_s"] = bound;
        v["s1.cerebras_over_bf16_bound"] = data.Table1Rows.Cerebras.TokensPerSecondPerDeployment / bound;

        // Table 2's ASIC cost with CapEx only, against the H100's, matching ends.
        var h100Cost = Table2Projection.CapexCostAtTable2Basis(data.Values, data.Table1Rows.H100.CapexUsd!.Value, data.Table2Rows.DecodeSingle.H100);
        var asicCost = Table2Projection.CapexCostAtTable2Basis(data.Values, asicC, asicT);
        v["t2.cost_ratio_capex_only"] = Table2Projection.RatioPairedEnds(Better.Lower, h100Cost, asicCost);

        // §4.3: the NRE penalty at the printed volume, and the density ratio with NRE loaded at that volume.
        var nre = data.Values.TapeoutNreUsd;
        v["s4_3.penalty_at_printed_volume"] = NreAmortization.CostPenaltyFactor(asicC, nre, NreAmortization.PrintedVolumeNodes);

        // §3.1 / §3.3: nodes one replica of the whole MoE needs at FP4, and Appendix C's ratio if each replica spans them.
        var total = BandwidthBound.WeightBytes(data.Values.TotalParameters, data.Values.Fp4BytesPerParameter);
        var sram = data.Values.AsicSramBytesPerNode;
        var nodes = BandwidthBound.DevicesToHold(total, sram);
        v["t2.asic_nodes_per_replica"] = nodes;
        v["appc.ratio_with_replica_nodes"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values)) / nodes;

        // The share of the seed's bottlenecks that are not algorithmic is computed by the registry check (abstract.eleven_of_fifteen).
        return v;
    }
}
