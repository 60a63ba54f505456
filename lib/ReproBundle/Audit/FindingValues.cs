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
        v["appc.ratio_worked_examples"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values));
        var h100T = data.Table1Rows.H100.TokensPerSecondPerDeployment;
        var asicC = data.Values.AsicNodeCostUsd;
        var asicT = data.Table2Rows.DecodeSingle.Asic;
        v["appc.ratio_arithmetic_midpoints"] = Interval.Point(Ratio(asic with { CapexUsd = asicC.Midpoint, TokensPerSecond = asicT.Midpoint }, h100 with { TokensPerSecond = h100T.Midpoint }));
        v["appc.ratio_geometric_midpoints"] = Interval.Point(Ratio(asic with { CapexUsd = Math.Sqrt(asicC.Lo * asicC.Hi), TokensPerSecond = Math.Sqrt(asicT.Lo * asicT.Hi) },
            h100 with { TokensPerSecond = Math.Sqrt(h100T.Lo * h100T.Hi) }));

        // Table 2's H100 baseline under the one residency rule (every expert resident, as for the ASIC): the GPUs the FP16
        // weights need, and the $/M ratio at matching ends if the H100 column's cost grows by that count.
        var capacity = data.Values.H100HbmCapacityBytes;
        v["t2.h100_gpus_for_active_weights"] = BandwidthBound.DevicesToHold(Table2Projection.H100ActiveWeightBytes(data.Values), capacity);
        v["t2.h100_gpus_for_every_expert"] = BandwidthBound.DevicesToHold(Table2Projection.H100TotalWeightBytes(data.Values), capacity);
        var costRow = data.Table2Rows.CostPerMillionTokens;
        v["t2.cost_ratio_several_gpus"] = Table2Projection.RatioPairedEnds(costRow.Better, costRow.H100 * v["t2.h100_gpus_for_every_expert"], costRow.Asic);

        // §2.3's "Cerebras delivers ~2x" at BF16, one rule for both platforms: each runs Llama-70B's BF16 weights on the
        // devices that hold them (H100 HBM, WSE-3 SRAM), at Table 1's power and throughput.
        var table1 = data.Table1Rows;
        var weights = BandwidthBound.WeightBytes(data.Values.S1DenseParameters, data.Values.S1Bf16BytesPerParameter);
        var wafers = BandwidthBound.DevicesToHold(weights, data.Values.CerebrasSramBytes);
        var h100s = BandwidthBound.DevicesToHold(weights, capacity);
        v["s2_3.cerebras_wafers_bf16"] = wafers;
        v["s2_3.h100s_bf16"] = h100s;
        var cerebrasJ = CalibratedBaselines.EnergyJoulesPerToken(table1.Cerebras.SystemPowerWatts * wafers, table1.Cerebras.TokensPerSecondPerDeployment);
        var h100J = CalibratedBaselines.EnergyJoulesPerToken(table1.H100);
        v["s2_3.cerebras_j_bf16"] = cerebrasJ;
        v["s2_3.cerebras_over_one_h100_bf16"] = h100J / cerebrasJ;
        v["s2_3.cerebras_over_h100_bf16"] = CalibratedBaselines.EnergyJoulesPerToken(table1.H100.SystemPowerWatts * h100s, table1.H100.TokensPerSecondPerDeployment) / cerebrasJ;

        // §1 / Table 1: the BF16 bound and what Cerebras's ratio would be over it.
        var bound = BandwidthBound.MaxTokensPerSecond(data.Values.S1DenseParameters, data.Values.S1Bf16BytesPerParameter, data.Values.H100HbmBytesPerSecond);
        v["s1.bf16_bound_tok_s"] = bound;
        v["s1.cerebras_over_bf16_bound"] = data.Table1Rows.Cerebras.TokensPerSecondPerDeployment / bound;

        // §4.3: the NRE penalty at the printed volume, and the density ratio with NRE loaded at that volume.
        var nre = data.Values.TapeoutNreUsd;
        v["s4_3.penalty_at_printed_volume"] = NreAmortization.CostPenaltyFactor(asicC, nre, NreAmortization.PrintedVolumeNodes);

        // §3.1 / §3.3: nodes one replica of the whole MoE needs at FP4, and Appendix C's ratio if each replica spans them.
        var total = BandwidthBound.WeightBytes(data.Values.TotalParameters, data.Values.Fp4BytesPerParameter);
        var sram = data.Values.AsicSramBytesPerNode;
        var nodes = BandwidthBound.DevicesToHold(total, sram);
        v["t2.asic_nodes_per_replica"] = nodes;
        // The same residency rule for both worked examples: the H100 example's Llama-70B BF16 weights need h100s GPUs per replica.
        v["appc.ratio_with_replicas_both"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values)) * h100s / nodes;

        // Appendix C's ratio with the NRE loaded at §4.3's printed volume, and with the node priced at the WSE-3's SRAM price (§3.3's analogy).
        v["appc.ratio_with_nre"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values)) / v["s4_3.penalty_at_printed_volume"];
        var byAnalogy = CalibratedBaselines.CostAtReferenceSramPrice(table1.Cerebras.CapexUsd!.Value, data.Values.CerebrasSramBytes, sram);
        v["s3_3.node_cost_at_wse3_sram_price"] = byAnalogy;
        v["appc.ratio_at_wse3_sram_price"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values) * asic.CapexUsd) / byAnalogy;

        // Table 2's energy ratio at one batch regime for both platforms (single request), the H100 at Table 1's power.
        var single = data.Table2Rows.DecodeSingle;
        v["t2.energy_ratio_single_both"] = Table2Projection.Ratio(Better.Lower, Table2Projection.EnergyFromThroughput(table1.H100.SystemPowerWatts, single.H100),
            Table2Projection.EnergyFromThroughput(data.Values.AsicNodePowerWatts, single.Asic));

        // The share of the seed's bottlenecks that are not algorithmic is computed by the registry check (abstract.eleven_of_fifteen).
        return v;
    }
}
