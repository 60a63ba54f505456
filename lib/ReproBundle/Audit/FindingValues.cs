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
        AddMidpoints(v, data);
        AddResidency(v, data);
        AddAppendixCVariants(v, data);
        // The share of the seed's bottlenecks that are not algorithmic is computed by the registry check (abstract.eleven_of_fifteen).
        return v;
    }

    /// <summary>Appendix C with the worked examples as printed, and with true midpoints of the ranges they cite.</summary>
    private static void AddMidpoints(Dictionary<string, Interval> v, PaperData data)
    {
        var h100 = Scenarios.AppendixCH100(data.Values);
        var asic = Scenarios.AppendixCAsic(data.Values);
        static double Ratio(AgentDensityInputs a, AgentDensityInputs h) => AgentDensity.DensityRatio(a, h);
        v["appc.ratio_worked_examples"] = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values));
        var h100T = data.Table1Rows.H100.TokensPerSecondPerDeployment;
        var asicC = data.Values.AsicNodeCostUsd;
        var asicT = data.Table2Rows.DecodeSingle.Asic;
        v["appc.ratio_arithmetic_midpoints"] = Interval.Point(Ratio(asic with { CapexUsd = asicC.Midpoint, TokensPerSecond = asicT.Midpoint },
            h100 with { TokensPerSecond = h100T.Midpoint }));
        v["appc.ratio_geometric_midpoints"] = Interval.Point(Ratio(asic with { CapexUsd = Math.Sqrt(asicC.Lo * asicC.Hi),
            TokensPerSecond = Math.Sqrt(asicT.Lo * asicT.Hi) },
            h100 with { TokensPerSecond = Math.Sqrt(h100T.Lo * h100T.Hi) }));
    }

    /// <summary>
    /// The one residency rule on both platforms (every weight resident): the H100s and nodes the weights need, §2.3's
    /// Cerebras-over-H100 energy at BF16 on the devices that hold Llama-70B, and the §1 BF16 bound.
    /// </summary>
    private static void AddResidency(Dictionary<string, Interval> v, PaperData data)
    {
        var capacity = data.Values.H100HbmCapacityBytes;
        v["t2.h100_gpus_for_active_weights"] = BandwidthBound.DevicesToHold(Table2Projection.H100ActiveWeightBytes(data.Values), capacity);
        v["t2.h100_gpus_for_every_expert"] = BandwidthBound.DevicesToHold(Table2Projection.H100TotalWeightBytes(data.Values), capacity);
        var costRow = data.Table2Rows.CostPerMillionTokens;
        v["t2.cost_ratio_several_gpus"] = Table2Projection.RatioPairedEnds(costRow.Better, costRow.H100 * v["t2.h100_gpus_for_every_expert"], costRow.Asic);
        v["t2.asic_nodes_per_replica"] = BandwidthBound.DevicesToHold(Table2Projection.AsicTotalWeightBytes(data.Values), data.Values.AsicSramBytesPerNode);

        var bf16 = Bf16OnHoldingDevices(data);
        v["s2_3.cerebras_wafers_bf16"] = bf16.Wafers;
        v["s2_3.h100s_bf16"] = bf16.H100s;
        v["s2_3.cerebras_j_bf16"] = bf16.CerebrasJoulesPerToken;
        v["s2_3.cerebras_over_one_h100_bf16"] = CalibratedBaselines.EnergyJoulesPerToken(data.Table1Rows.H100) / bf16.CerebrasJoulesPerToken;
        v["s2_3.cerebras_over_h100_bf16"] = bf16.CerebrasOverH100;

        var bound = BandwidthBound.MaxTokensPerSecond(data.Values.S1DenseParameters, data.Values.S1Bf16BytesPerParameter, data.Values.H100HbmBytesPerSecond);
        v["s1.bf16_bound_tok_s"] = bound;
        v["s1.cerebras_over_bf16_bound"] = data.Table1Rows.Cerebras.TokensPerSecondPerDeployment / bound;
    }

    /// <summary>
    /// Appendix C's ratio under each finding's correction: replicas on both platforms, the NRE at §4.3's volume, the node at
    /// the WSE-3's price of SRAM (§3.3's analogy); and Table 2's energy ratio at one batch regime (single request).
    /// </summary>
    private static void AddAppendixCVariants(Dictionary<string, Interval> v, PaperData data)
    {
        var worked = Interval.Point(Scenarios.WorkedExampleDensityRatio(data.Values));
        v["appc.ratio_with_replicas_both"] = worked * v["s2_3.h100s_bf16"] / v["t2.asic_nodes_per_replica"];
        v["s4_3.penalty_at_printed_volume"] = NreAmortization.CostPenaltyFactor(data.Values.AsicNodeCostUsd, data.Values.TapeoutNreUsd,
            NreAmortization.PrintedVolumeNodes);
        v["appc.ratio_with_nre"] = worked / v["s4_3.penalty_at_printed_volume"];
        var byAnalogy = CalibratedBaselines.CostAtReferenceSramPrice(data.Table1Rows.Cerebras.CapexUsd!.Value, data.Values.CerebrasSramBytes,
            data.Values.AsicSramBytesPerNode);
        v["s3_3.node_cost_at_wse3_sram_price"] = byAnalogy;
        v["appc.ratio_at_wse3_sram_price"] = worked * Scenarios.AppendixCAsic(data.Values).CapexUsd / byAnalogy;
        var single = data.Table2Rows.DecodeSingle;
        v["t2.energy_ratio_single_both"] = Table2Projection.Ratio(Better.Lower,
            Table2Projection.EnergyFromThroughput(data.Table1Rows.H100.SystemPowerWatts, single.H100),
            Table2Projection.EnergyFromThroughput(data.Values.AsicNodePowerWatts, single.Asic));
    }

    /// <summary>
    /// §2.3's "Cerebras delivers ~2x today at 70B" under the audit's one residency rule (docs/verdict-policy.md, §7): the
    /// Llama-70B model at BF16 (§1) on the devices that hold its weights, for both platforms: WSE-3 wafers of 44 GB SRAM
    /// (§2.1) and H100s of 80 GB HBM, each at Table 1's system power and deployment throughput. Energy efficiency ratio
    /// [x] = the H100s' J/token over the wafers' J/token.
    /// </summary>
    public static (Interval Wafers, Interval H100s, Interval CerebrasJoulesPerToken, Interval CerebrasOverH100) Bf16OnHoldingDevices(PaperData data)
    {
        var table1 = data.Table1Rows;
        var weights = BandwidthBound.WeightBytes(data.Values.S1DenseParameters, data.Values.S1Bf16BytesPerParameter);
        var wafers = BandwidthBound.DevicesToHold(weights, data.Values.CerebrasSramBytes);
        var h100s = BandwidthBound.DevicesToHold(weights, data.Values.H100HbmCapacityBytes);
        var cerebrasJ = CalibratedBaselines.EnergyJoulesPerToken(table1.Cerebras.SystemPowerWatts * wafers, table1.Cerebras.TokensPerSecondPerDeployment);
        var h100J = CalibratedBaselines.EnergyJoulesPerToken(table1.H100.SystemPowerWatts * h100s, table1.H100.TokensPerSecondPerDeployment);
        return (wafers, h100s, cerebrasJ, h100J / cerebrasJ);
    }
}
