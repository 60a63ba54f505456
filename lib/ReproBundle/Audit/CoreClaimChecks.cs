using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit;

/// <summary>
/// The recomputations behind the claims of §1-§4, Table 1, Table 2, Appendix B, Appendix C and §10 (O2, O5).
/// Each check uses only data/ and the library's equations; the claim's printed value is never an input to
/// its own check. (The registry's taxonomy claims of §6 are checked by the registry's own provider.)
/// </summary>
public sealed class CoreClaimChecks : IClaimCheckProvider
{
    private readonly PaperData _d;

    /// <summary>Creates the checks over loaded data.</summary>
    public CoreClaimChecks(PaperData data)
    {
        _d = data;
        Checks = Build();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ClaimCheck> Checks { get; }

    private static string S(double v) => ClaimsAudit.Show(v);
    private static string S(Interval v) => ClaimsAudit.Show(v);
    private const double Giga = 1e9;

    private Dictionary<string, ClaimCheck> Build()
    {
        var c = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        var h100 = _d.Platform("h100");
        var groq = _d.Platform("groq");
        var cerebras = _d.Platform("cerebras");
        var h100Bandwidth = _d.Range("h100.hbm_bandwidth_bytes_per_s");
        var denseParams = _d.Range("s1.dense_parameters");
        var bf16 = _d.Range("s1.bf16_bytes_per_parameter");
        var footprint = BandwidthBound.WeightBytes(denseParams, bf16);

        // §1: the bandwidth-wall example.
        c["s1.weight_footprint"] = () => new(footprint / Giga, $"70e9 parameters x 2 bytes (BF16) = {S(footprint / Giga)} GB");
        c["s1.h100_holds_70b_bf16"] = () =>
        {
            var capacity = _d.Range("h100.hbm_capacity_bytes");
            var gpus = Math.Ceiling(footprint.Hi / capacity.Lo);
            return new(Interval.Point(gpus), $"{S(footprint / Giga)} GB of weights / {S(capacity / Giga)} GB HBM per H100 (bundle assumption h100.hbm_capacity_bytes) needs at least {S(gpus)} GPUs, before any KV cache");
        };
        c["s1.h100_decode_bound"] = () =>
        {
            var bound = BandwidthBound.MaxTokensPerSecond(denseParams, bf16, h100Bandwidth);
            return new(bound, $"§2.1 bound B / (P x b) = 3.35 TB/s / {S(footprint / Giga)} GB = {S(bound)} tok/s");
        };
        c["s1.cost_per_mtok"] = () =>
        {
            var perHour = _d.Range("s1.h100_cloud_usd_per_hour");
            var tokS = _d.Range("s1.h100_decode_tok_s");
            var cost = perHour / (tokS * 3600) * 1e6;
            return new(cost, $"$3/hour / (30 tok/s x 3600 s/hour) x 1e6 = ${S(cost)} per million tokens");
        };
        c["s2_2.groq_vs_h100"] = () =>
        {
            var ratio = groq.TokensPerSecondPerDeployment / _d.Range("s1.h100_decode_tok_s");
            var table1 = groq.TokensPerSecondPerDeployment / h100.TokensPerSecondPerDeployment;
            return new(ratio, $"Groq 750 tok/s / §1's ~30 tok/s H100 = {S(ratio)}x (against Table 1's H100 28-35 tok/s: {S(table1)}x)");
        };
        c["s2_2.per_chip_vs_deployment"] = () =>
        {
            var ratio = CalibratedBaselines.DeploymentToChipRatio(groq);
            return new(ratio, $"Groq deployment / per-chip throughput = its {S(ratio)} chips");
        };

        // §2.1: SRAM capacities and bandwidth.
        c["s2_1.groq_sram_holds_70b"] = () =>
        {
            var sram = groq.ChipsPerDeployment * _d.Range("groq.sram_bytes_per_chip") / Giga;
            return new(sram, $"{S(groq.ChipsPerDeployment)} chips x 230 MB SRAM = {S(sram)} GB on the whole cluster, against {S(footprint / Giga)} GB of BF16 weights");
        };
        c["s2_1.cerebras_sram_holds_70b"] = () =>
        {
            var sram = _d.Range("cerebras.sram_bytes") / Giga;
            return new(sram, $"one WSE-3 holds {S(sram)} GB of SRAM, against {S(footprint / Giga)} GB of BF16 weights");
        };
        c["s2_1.sram_outruns_hbm"] = () =>
        {
            var ratio = _d.Range("cerebras.sram_bandwidth_bytes_per_s") / h100Bandwidth;
            return new(ratio, $"Cerebras 21 PB/s / H100 3.35 TB/s = {S(ratio)}x the bandwidth, so {S(ratio)}x the §2.1 decode bound for the same weights");
        };

        // Table 1: derived columns.
        foreach (var p in _d.Table1)
        {
            var platform = p;
            c[$"t1.{p.Id}.tok_s_per_chip"] = () => p.Id == "cerebras"
                ? ClaimComputation.Missing($"Table 1 treats the wafer as one system; per wafer the throughput is {S(platform.TokensPerSecondPerDeployment)} tok/s, and the paper defines no per-chip unit for it")
                : new(CalibratedBaselines.TokensPerSecondPerChip(platform),
                    $"{S(platform.TokensPerSecondPerDeployment)} tok/s / {S(platform.ChipsPerDeployment)} chips = {S(CalibratedBaselines.TokensPerSecondPerChip(platform))} tok/s per chip");
            c[$"t1.{p.Id}.energy"] = () =>
            {
                var e = CalibratedBaselines.EnergyJoulesPerToken(platform);
                return new(e, $"{S(platform.SystemPowerWatts)} W / {S(platform.TokensPerSecondPerDeployment)} tok/s = {S(e)} J/token");
            };
        }
        c["t1.h100.decode_bound"] = () =>
        {
            var bound = BandwidthBound.MaxTokensPerSecond(denseParams, bf16, h100Bandwidth);
            return new(bound, $"§2.1 bound for Llama-70B BF16 on one H100: 3.35 TB/s / 140 GB = {S(bound)} tok/s");
        };
        c["s2_3.cerebras_energy_vs_h100"] = () =>
        {
            var ratio = CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(cerebras);
            return new(ratio, $"H100 {S(CalibratedBaselines.EnergyJoulesPerToken(h100))} J / Cerebras {S(CalibratedBaselines.EnergyJoulesPerToken(cerebras))} J (Table 1 columns) = {S(ratio)}x");
        };

        // §2.3: ranges by metric.
        c["s2_3.decode_throughput_ratio"] = () =>
        {
            var g = groq.TokensPerSecondPerDeployment / h100.TokensPerSecondPerDeployment;
            var cb = cerebras.TokensPerSecondPerDeployment / h100.TokensPerSecondPerDeployment;
            return new(Interval.Hull(g, cb), $"Table 1 deployment throughput over H100 28-35 tok/s: Groq {S(g)}x, Cerebras {S(cb)}x");
        };
        foreach (var (claimId, metricId) in new[] { ("s2_3.energy_ratio", "energy_per_token"), ("s2_3.cost_ratio", "cost_per_mtok"), ("s2_3.ttft_ratio", "ttft") })
        {
            var row = _d.Table2Row(metricId);
            c[claimId] = () =>
            {
                var ratio = Table2Projection.Ratio(row.Better, row.H100, row.Asic);
                return new(ratio, $"Table 2 \"{row.Metric}\" columns {S(row.H100)} / {S(row.Asic)} by interval arithmetic = {S(ratio)}x (Table 2 prints {S(row.RatioPrinted)}x)");
            };
        }

        // Table 2: ratios and the cells the model can recompute.
        foreach (var r in Table2Projection.Ratios(_d.Table2))
        {
            var ratio = r;
            c[$"t2.{r.Row.MetricId}.ratio"] = () => new(ratio.RatioComputed,
                $"{(ratio.Row.Better == Better.Higher ? "ASIC / H100" : "H100 / ASIC")} on the printed columns {S(ratio.Row.H100)} and {S(ratio.Row.Asic)} {ratio.Row.Unit}, interval arithmetic = {S(ratio.RatioComputed)}x (low end with low end: {S(ratio.RatioPairedEnds)}x)");
        }
        c["t2.h100.decode_single_bound"] = () =>
        {
            var weights = Table2Projection.H100ActiveWeightBytes(_d.Values);
            var bound = h100Bandwidth / weights;
            return new(bound, $"§2.1 bound on one H100: 3.35 TB/s / ({S(_d.Range("workload.active_parameters") / Giga)} B active x 2 bytes FP16 = {S(weights / Giga)} GB) = {S(bound)} tok/s; the {S(weights / Giga)} GB of active weights alone exceed one H100's 80 GB");
        };
        c["t2.h100.energy_from_power"] = () =>
        {
            var single = _d.Table2Row("decode_single").H100;
            var e = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, single);
            var batch = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, _d.Table2Row("decode_batch64").H100);
            return new(e, $"Table 1 H100 700 W / Table 2 single-request {S(single)} tok/s = {S(e)} J/token (at batch 64: {S(batch)} J/token)");
        };
        c["t2.asic.energy_from_power"] = () =>
        {
            var power = _d.Range("asic.node_power_w");
            var batch = Table2Projection.EnergyFromThroughput(power, _d.Table2Row("decode_batch64").Asic);
            var single = Table2Projection.EnergyFromThroughput(power, _d.Table2Row("decode_single").Asic);
            return new(batch, $"§3.3 node power {S(power)} W / Table 2 batch-64 {S(_d.Table2Row("decode_batch64").Asic)} tok/s = {S(batch)} J/token (single request: {S(single)} J/token)");
        };
        c["t2.h100.cost"] = () =>
        {
            var t = _d.Table2Row("decode_single").H100;
            var cost = Table2Projection.CapexCostAtTable2Basis(_d.Values, h100.CapexUsd!.Value, t);
            return new(cost, $"$30 K / (3 yr x 80% x {S(t)} tok/s single request) x 1e6 = ${S(cost)} per million tokens, CapEx only");
        };
        c["t2.asic.cost"] = () =>
        {
            var t = _d.Table2Row("decode_single").Asic;
            var capex = _d.Range("asic.node_cost_usd");
            var cost = Table2Projection.CapexCostAtTable2Basis(_d.Values, capex, t);
            return new(cost, $"§3.3 ${S(capex)} / (3 yr x 80% x {S(t)} tok/s single request) x 1e6 = ${S(cost)} per million tokens, CapEx only");
        };
        c["t2.asic.required_bandwidth"] = () =>
        {
            var needed = ProjectionModel.RequiredBandwidth(Table2Projection.AsicActiveWeightBytes(_d.Values), _d.Table2Row("decode_single").Asic);
            return ClaimComputation.Missing($"the paper states no memory bandwidth for the reference ASIC; decoding 300-800 tok/s single-stream with W_active = {S(Table2Projection.AsicActiveWeightBytes(_d.Values) / Giga)} GB (FP4) needs B_eff = {S(needed / 1e12)} TB/s per node ({S(needed / h100Bandwidth)}x an H100's 3.35 TB/s), which on-chip SRAM can deliver (Groq ~80 TB/s per chip, Cerebras ~21 PB/s per wafer, §2.1) but which the projection never states");
        };
        c["t2.asic.sram_holds_active"] = () =>
        {
            var w = Table2Projection.AsicActiveWeightBytes(_d.Values) / Giga;
            return new(w, $"W_active = {S(_d.Range("workload.active_parameters") / Giga)} B x 0.5 bytes (FP4) = {S(w)} GB");
        };
        c["t2.asic.sram_holds_total"] = () =>
        {
            var w = BandwidthBound.WeightBytes(_d.Range("workload.total_parameters"), _d.Range("workload.fp4_bytes_per_parameter")) / Giga;
            return new(w, $"all experts must stay resident: P_total {S(_d.Range("workload.total_parameters") / 1e12)} T x 0.5 bytes (FP4) = {S(w)} GB");
        };

        // §4.2 and Appendix C.
        var h100Inputs = AgentDensityTable.WorkedExampleInputs(_d, "h100");
        var asicInputs = AgentDensityTable.WorkedExampleInputs(_d, "asic");
        var h100Steps = AgentDensity.Derive(h100Inputs);
        var asicSteps = AgentDensity.Derive(asicInputs);
        var shortfall = _d.Scalar("appc.fp4_shortfall_factor");
        var asicPessimistic = AgentDensity.Derive(asicInputs with { TokensPerSecond = asicInputs.TokensPerSecond * shortfall });

        c["s4_2.h100_density_range"] = () =>
        {
            var d = AgentDensity.DensityAtUtilization(h100.CapexUsd!.Value, _d.Range("model.utilization"), h100.TokensPerSecondPerDeployment, Interval.Point(h100Inputs.StreamTokensPerSecond));
            return ClaimComputation.Missing($"the paper names the drivers of the range (batch strategy, r, day/night utilization) but not their values; with Table 1's 28-35 tok/s, §3.2's 40-90% utilization and r = 5 the equation gives {S(d)}");
        };
        c["s4_2.asic_density_range"] = () =>
        {
            var d = AgentDensity.DensityAtUtilization(_d.Range("asic.node_cost_usd"), Interval.Point(asicInputs.Utilization), _d.Table2Row("decode_single").Asic, Interval.Point(asicInputs.StreamTokensPerSecond));
            return ClaimComputation.Missing($"the paper names the drivers of the range (chip cost, achieved t, active parameters) but not how they combine; with §3.3's $8-20 K, Table 2's 300-800 tok/s, u = 0.8 and r = 5 the equation gives {S(d)}");
        };
        c["appc.h100.in_range"] = () => new(Interval.Point(h100Steps.DensityPerMillionUsdAtUtilization), $"worked example D x u = {S(h100Steps.DensityPerMillionUsdAtUtilization)}");
        c["appc.asic.in_range"] = () => new(Interval.Point(asicSteps.DensityPerMillionUsdAtUtilization), $"worked example D x u = {S(asicSteps.DensityPerMillionUsdAtUtilization)}");

        foreach (var (node, inputs, steps) in new[] { ("h100", h100Inputs, h100Steps), ("asic", asicInputs, asicSteps) })
        {
            var x = inputs;
            var s = steps;
            c[$"appc.{node}.streams_per_node"] = () => new(Interval.Point(s.StreamsPerNode), $"t / r = {S(x.TokensPerSecond)} / {S(x.StreamTokensPerSecond)} = {S(s.StreamsPerNode)}");
            c[$"appc.{node}.density"] = () => new(Interval.Point(s.DensityPerMillionUsd), $"(1e6 / {S(x.CapexUsd)}) x {S(s.StreamsPerNode)} = {S(s.DensityPerMillionUsd)}");
            c[$"appc.{node}.density_at_utilization"] = () => new(Interval.Point(s.DensityPerMillionUsdAtUtilization), $"{S(s.DensityPerMillionUsd)} x {S(x.Utilization)} = {S(s.DensityPerMillionUsdAtUtilization)}");
        }
        c["appc.h100.cost_vs_table2"] = () => new(Interval.Point(h100Steps.CostUsdPerMillionTokens),
            $"Appendix C cost step for the H100 example: 30000 / (3 x 365 x 24 x 3600 x 0.7 x 25) x 1e6 = ${S(h100Steps.CostUsdPerMillionTokens)} per million tokens");
        c["appc.asic.cost_vs_table2"] = () => new(Interval.Point(asicSteps.CostUsdPerMillionTokens),
            $"Appendix C cost step for the ASIC example: 12000 / (3 x 365 x 24 x 3600 x 0.8 x 500) x 1e6 = ${S(asicSteps.CostUsdPerMillionTokens)} per million tokens");
        c["appc.h100.t_midpoint"] = () => new(Interval.Point(h100.TokensPerSecondPerDeployment.Midpoint),
            $"midpoint of Table 1's H100 28-35 tok/s = {S(h100.TokensPerSecondPerDeployment.Midpoint)} (Table 2's MoE range 15-25 has midpoint {S(_d.Table2Row("decode_single").H100.Midpoint)})");
        c["appc.asic.c_midpoint"] = () => new(Interval.Point(_d.Range("asic.node_cost_usd").Midpoint), $"midpoint of §3.3's $8-20 K = ${S(_d.Range("asic.node_cost_usd").Midpoint)}");
        c["appc.asic.t_midpoint"] = () => new(Interval.Point(_d.Table2Row("decode_single").Asic.Midpoint), $"midpoint of Table 2's 300-800 tok/s = {S(_d.Table2Row("decode_single").Asic.Midpoint)}");
        c["appc.density_ratio"] = () =>
        {
            var raw = asicSteps.DensityPerMillionUsd / h100Steps.DensityPerMillionUsd;
            var adjusted = asicSteps.DensityPerMillionUsdAtUtilization / h100Steps.DensityPerMillionUsdAtUtilization;
            return new(Interval.Point(raw), $"D_ASIC / D_H100 = {S(asicSteps.DensityPerMillionUsd)} / {S(h100Steps.DensityPerMillionUsd)} = {S(raw)}x before the utilization step ({S(adjusted)}x after it)");
        };
        c["appc.throughput_ratio"] = () => new(Interval.Point(asicInputs.TokensPerSecond / h100Inputs.TokensPerSecond), $"t_ASIC / t_H100 = 500 / 25 = {S(asicInputs.TokensPerSecond / h100Inputs.TokensPerSecond)}x");
        c["appc.cost_ratio"] = () => new(Interval.Point(h100Inputs.CapexUsd / asicInputs.CapexUsd), $"C_H100 / C_ASIC = 30000 / 12000 = {S(h100Inputs.CapexUsd / asicInputs.CapexUsd)}x");
        c["appc.fp4_pessimistic_range"] = () =>
        {
            var range = _d.Range("s4_2.asic_density_streams_per_musd") * shortfall;
            return new(range, $"D scales linearly in t, so halving t halves §4.2's 3,000-12,000: {S(range)}");
        };
        c["appc.fp4_pessimistic_ratio"] = () =>
        {
            var worst = _d.Range("s4_2.asic_density_streams_per_musd").Lo * shortfall / _d.Range("s4_2.h100_density_streams_per_musd").Hi;
            var examples = asicPessimistic.DensityPerMillionUsdAtUtilization / h100Steps.DensityPerMillionUsdAtUtilization;
            var ratio = new Interval(worst, _d.Range("s4_2.asic_density_streams_per_musd").Hi * shortfall / _d.Range("s4_2.h100_density_streams_per_musd").Lo);
            return new(ratio, $"pessimistic ASIC 1,500-6,000 over H100 60-150: {S(ratio)}x, the lowest being 1500 / 150 = {S(worst)}x; the worked examples give {S(asicPessimistic.DensityPerMillionUsdAtUtilization)} / {S(h100Steps.DensityPerMillionUsdAtUtilization)} = {S(examples)}x");
        };
        var deployment = _d.Scalar("appc.deployment_usd");
        c["appc.deployment_h100"] = () => new(AgentDensity.StreamsForDeployment(_d.Range("s4_2.h100_density_streams_per_musd"), deployment), $"$10 M x 60-150 streams per $1 M = {S(AgentDensity.StreamsForDeployment(_d.Range("s4_2.h100_density_streams_per_musd"), deployment))}");
        c["appc.deployment_asic"] = () => new(AgentDensity.StreamsForDeployment(_d.Range("s4_2.asic_density_streams_per_musd"), deployment), $"$10 M x 3,000-12,000 streams per $1 M = {S(AgentDensity.StreamsForDeployment(_d.Range("s4_2.asic_density_streams_per_musd"), deployment))}");

        // §4.3: NRE.
        c["s4_3.penalty_at_threshold"] = () =>
        {
            var factor = NreAmortization.CostPenaltyFactor(_d.Range("asic.node_cost_usd"), _d.Range("nre.tapeout_usd"), 100_000);
            return new(factor, $"(C + NRE / N) / C with C = $8-20 K, NRE = $40-80 M, N = 100,000 nodes = {S(factor)}x");
        };
        c["s4_3.volume_for_3x"] = () =>
        {
            var n = NreAmortization.NodesForPenaltyFactor(_d.Range("asic.node_cost_usd"), _d.Range("nre.tapeout_usd"), 3);
            var n10 = NreAmortization.NodesForPenaltyFactor(_d.Range("asic.node_cost_usd"), _d.Range("nre.tapeout_usd"), 10);
            return new(n, $"N = NRE / ((3 - 1) x C) = {S(n)} nodes for a 3x penalty ({S(n10)} nodes for 10x)");
        };

        // §10.
        c["o2.active_params_robust"] = () =>
        {
            // Doubling P_active doubles W_active and so halves the bandwidth-bound t on both platforms (§2.1):
            // the ratio is unchanged; if only the ASIC's t halved, the ratio halves.
            var both = AgentDensity.Derive(asicInputs with { TokensPerSecond = asicInputs.TokensPerSecond / 2 }).DensityPerMillionUsdAtUtilization
                       / AgentDensity.Derive(h100Inputs with { TokensPerSecond = h100Inputs.TokensPerSecond / 2 }).DensityPerMillionUsdAtUtilization;
            var asicOnly = asicPessimistic.DensityPerMillionUsdAtUtilization / h100Steps.DensityPerMillionUsdAtUtilization;
            return new(new Interval(Math.Min(both, asicOnly), Math.Max(both, asicOnly)),
                $"P_active 200 -> 400 B doubles W_active, halving bandwidth-bound t: on both platforms D_ASIC / D_H100 stays {S(both)}x; on the ASIC alone it falls to {S(asicOnly)}x");
        };
        c["o5.ratio_invariant_to_r"] = () =>
        {
            var ratios = new[] { 1.0, 5, 20, 100 }.Select(r =>
                AgentDensity.Derive(asicInputs with { StreamTokensPerSecond = r }).DensityPerMillionUsdAtUtilization
                / AgentDensity.Derive(h100Inputs with { StreamTokensPerSecond = r }).DensityPerMillionUsdAtUtilization).ToList();
            var spread = ratios.Max() - ratios.Min();
            return ClaimComputation.Holds(spread <= 1e-9 * ratios.Max(), $"D_ASIC / D_H100 at r = 1, 5, 20, 100 tok/s: {string.Join(", ", ratios.Select(S))} (r cancels in (1e6/C_a)(t_a/r)u_a / ((1e6/C_h)(t_h/r)u_h))");
        };

        // Appendix B: the bibliography.
        c["appb.references_count"] = () =>
        {
            var withTitle = BibReference.Load(Path.Combine(_d.DataDirectory, "references.bib")).Count(r => r["title"].Length > 0);
            return new(Interval.Point(withTitle), $"references.bib transcribes {S(_d.ReferenceKeys.Count)} cited works, of which {S(withTitle)} appear in the paper's printed reference list (Zhou et al. 2022 is cited but not listed)");
        };
        return c;
    }
}
