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

    private static string S(double v) => Quantity.Text(v);
    private static string S(Interval v) => Quantity.Text(v);
    private const double Giga = 1e9;

    private const double PrintedVolumeNodes = NreAmortization.PrintedVolumeNodes;
    private const double PrintedPenaltyLow = NreAmortization.PrintedPenaltyFactorLow, PrintedPenaltyHigh = NreAmortization.PrintedPenaltyFactorHigh;

    /// <summary>How the audit reads Table 2's H100 baseline (docs/verdict-policy.md, "Consistency").</summary>
    private const string OneGpu = "table2.h100_baseline=one-gpu", MultiGpu = "table2.h100_baseline=multi-gpu";

    /// <summary>The three Table 2 ratio readings: matching ends, ratio of midpoints, interval arithmetic.</summary>
    private static (Reading Ends, Reading Mid, Reading Envelope) RatioReadings(Table2Row row)
    {
        var ends = Table2Projection.RatioPairedEnds(row.Better, row.H100, row.Asic);
        var mid = Table2Projection.Ratio(row.Better, Interval.Point(row.H100.Midpoint), Interval.Point(row.Asic.Midpoint));
        var all = Table2Projection.Ratio(row.Better, row.H100, row.Asic);
        var dir = row.Better == Better.Higher ? "ASIC / H100" : "H100 / ASIC";
        return (new Reading("matching ends", ends, $"{dir} on Table 2's \"{row.Metric}\" columns {S(row.H100)} and {S(row.Asic)} {row.Unit}, low end with low end and high with high = {S(ends)}x"),
            new Reading("ratio of midpoints", mid, $"{dir} of the columns' midpoints {S(row.H100.Midpoint)} and {S(row.Asic.Midpoint)} = {S(mid)}x", ReadingKind.Central),
            new Reading("interval arithmetic", all, $"{dir} over every pair of values in the two columns = {S(all)}x", ReadingKind.Envelope));
    }

    private static ClaimComputation FromReadings(Reading first, params Reading[] rest) =>
        new(first.Value, first.Detail) { PrimaryName = first.Name, PrimaryKind = first.Kind, PrimaryAssumes = first.Assumes, Alternatives = rest };

    private Dictionary<string, ClaimCheck> Build()
    {
        var c = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        var h100 = _d.Table1Rows.H100;
        var groq = _d.Table1Rows.Groq;
        var cerebras = _d.Table1Rows.Cerebras;
        var etched = _d.Table1Rows.Etched;
        var h100Bandwidth = _d.Values.H100HbmBytesPerSecond;
        var h100Capacity = _d.Values.H100HbmCapacityBytes;
        var denseParams = _d.Values.S1DenseParameters;
        var bf16 = _d.Values.S1Bf16BytesPerParameter;
        var footprint = BandwidthBound.WeightBytes(denseParams, bf16);
        var s1Tok = _d.Values.S1H100DecodeTokensPerSecond;

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
        c["s2_2.groq_vs_h100"] = () =>
        {
            var ratio = groq.TokensPerSecondPerDeployment / s1Tok;
            var table1 = groq.TokensPerSecondPerDeployment / h100.TokensPerSecondPerDeployment;
            return FromReadings(new Reading("against §1's H100", ratio, $"Groq {S(groq.TokensPerSecondPerDeployment)} tok/s / §1's ~{S(s1Tok)} tok/s H100 = {S(ratio)}x"),
                new Reading("against Table 1's H100", table1, $"Groq {S(groq.TokensPerSecondPerDeployment)} tok/s / Table 1's H100 {S(h100.TokensPerSecondPerDeployment)} tok/s = {S(table1)}x"));
        };
        c["s2_2.per_chip_vs_deployment"] = () =>
        {
            var ratio = CalibratedBaselines.DeploymentToChipRatio(groq);
            return new(ratio, $"Groq deployment / per-chip throughput = its {UnitText.After(S(ratio), "chips")}");
        };

        // §2.1: SRAM capacities and bandwidth.
        c["s2_1.groq_sram_holds_70b"] = () =>
        {
            var sram = groq.ChipsPerDeployment * _d.Values.GroqSramBytesPerChip / Giga;
            return new(sram, $"{UnitText.After(S(groq.ChipsPerDeployment), "chips")} x {S(_d.Values.GroqSramBytesPerChip / 1e6)} MB SRAM = {S(sram)} GB on the whole cluster, against {S(footprint / Giga)} GB of BF16 weights");
        };
        c["s2_1.cerebras_sram_holds_70b"] = () =>
        {
            var sram = _d.Values.CerebrasSramBytes / Giga;
            return new(sram, $"one WSE-3 holds {S(sram)} GB of SRAM, against {S(footprint / Giga)} GB of BF16 weights");
        };
        c["s2_1.sram_outruns_hbm"] = () =>
        {
            var ratio = _d.Values.CerebrasSramBytesPerSecond / h100Bandwidth;
            return new(ratio, $"Cerebras {S(_d.Values.CerebrasSramBytesPerSecond / 1e15)} PB/s / H100 {S(h100Bandwidth / 1e12)} TB/s = {S(ratio)}x the bandwidth, so {S(ratio)}x the §2.1 decode bound for the same weights");
        };

        // Table 1: derived columns.
        foreach (var p in _d.Table1)
        {
            var platform = p;
            c[$"t1.{p.Id}.tok_s_per_chip"] = () => p.Id == "cerebras"
                ? ClaimComputation.Missing($"Table 1 treats the wafer as one system; per wafer the throughput is {S(platform.TokensPerSecondPerDeployment)} tok/s, and the paper defines no per-chip unit for it")
                : new(CalibratedBaselines.TokensPerSecondPerChip(platform),
                    $"{S(platform.TokensPerSecondPerDeployment)} tok/s / {UnitText.After(S(platform.ChipsPerDeployment), "chips")} = {S(CalibratedBaselines.TokensPerSecondPerChip(platform))} tok/s per chip");
            c[$"t1.{p.Id}.energy"] = () =>
            {
                var e = CalibratedBaselines.EnergyJoulesPerToken(platform);
                return new(e, $"{S(platform.SystemPowerWatts)} W / {S(platform.TokensPerSecondPerDeployment)} tok/s = {S(e)} J/token");
            };
        }
        c["t1.h100.decode_bound"] = () =>
        {
            var bound = BandwidthBound.MaxTokensPerSecond(denseParams, bf16, h100Bandwidth);
            return new(bound, $"§2.1 bound for Llama-70B BF16 on one H100: {S(h100Bandwidth / 1e12)} TB/s / {S(footprint / Giga)} GB = {S(bound)} tok/s");
        };
        c["s2_3.cerebras_energy_vs_h100"] = () =>
        {
            var ratio = CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(cerebras);
            return new(ratio, $"H100 {S(CalibratedBaselines.EnergyJoulesPerToken(h100))} J / Cerebras {S(CalibratedBaselines.EnergyJoulesPerToken(cerebras))} J (Table 1 columns) = {S(ratio)}x");
        };

        // §2.3, the abstract and §5: decode throughput of the verifiable platforms over the H100 (Table 1).
        ClaimComputation ThroughputOverH100()
        {
            Interval Hull(Interval h) => Interval.Hull(groq.TokensPerSecondPerDeployment / h, cerebras.TokensPerSecondPerDeployment / h);
            var table1 = Hull(h100.TokensPerSecondPerDeployment);
            var s1 = Hull(s1Tok);
            var mid = Hull(Interval.Point(h100.TokensPerSecondPerDeployment.Midpoint));
            return FromReadings(
                new Reading("Table 1 H100 range", table1, $"Groq {S(groq.TokensPerSecondPerDeployment)} and Cerebras {S(cerebras.TokensPerSecondPerDeployment)} tok/s over Table 1's H100 {S(h100.TokensPerSecondPerDeployment)} tok/s = {S(table1)}x"),
                new Reading("§1's H100", s1, $"the same over §1's H100 baseline of ~{S(s1Tok)} tok/s = {S(s1)}x"),
                new Reading("Table 1 H100 midpoint", mid, $"the same over the midpoint {S(h100.TokensPerSecondPerDeployment.Midpoint)} tok/s of Table 1's H100 range = {S(mid)}x"));
        }
        c["s2_3.decode_throughput_ratio"] = ThroughputOverH100;
        c["abstract.throughput_ratio"] = ThroughputOverH100;
        c["s5.leads_axes_1_4"] = () =>
        {
            var axis1 = ThroughputOverH100();
            Interval CostEfficiency(PlatformBaseline x) => (h100.CapexUsd!.Value / h100.TokensPerSecondPerDeployment) / (x.CapexUsd!.Value / x.TokensPerSecondPerDeployment);
            Interval EnergyEfficiency(PlatformBaseline x) => CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(x);
            var every = new[] { axis1.Value!.Value, EnergyEfficiency(groq), EnergyEfficiency(cerebras), CostEfficiency(groq), CostEfficiency(cerebras) }.Aggregate(Interval.Hull);
            return FromReadings(new Reading("where it leads: axis 1", axis1.Readings[1].Value, $"\"where it leads\" read as the axis Table 1 shows a lead on, decode throughput: {axis1.Readings[1].Detail}"),
                new Reading("every axis 1, 3, 4", every, $"Table 1 for Groq and Cerebras over the H100 on throughput ({S(axis1.Readings[1].Value)}x), energy efficiency (Groq {S(EnergyEfficiency(groq))}x, Cerebras {S(EnergyEfficiency(cerebras))}x) and CapEx per single-stream tok/s (Groq {S(CostEfficiency(groq))}x, Cerebras {S(CostEfficiency(cerebras))}x); axis 2 (batch 64) is not in Table 1; together {S(every)}x"));
        };
        c["abstract.energy_ratio"] = () =>
        {
            Interval Over(PlatformBaseline x) => CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(x);
            var verifiable = Interval.Hull(Over(groq), Over(cerebras));
            var withEtched = Interval.Hull(verifiable, Over(etched));
            return FromReadings(new Reading("Table 1 verifiable platforms", verifiable, $"H100 {S(CalibratedBaselines.EnergyJoulesPerToken(h100))} J/token over Groq {S(CalibratedBaselines.EnergyJoulesPerToken(groq))} J ({S(Over(groq))}x) and Cerebras {S(CalibratedBaselines.EnergyJoulesPerToken(cerebras))} J ({S(Over(cerebras))}x), from Table 1's power and throughput"),
                new Reading("Table 1 with Etched's claim", Over(etched), $"H100 over Etched's unaudited {S(CalibratedBaselines.EnergyJoulesPerToken(etched))} J/token = {S(Over(etched))}x (with the verifiable platforms: {S(withEtched)}x)"));
        };
        c["s1.cost_orders_of_magnitude"] = () =>
        {
            Interval PerTokS(PlatformBaseline x) => x.CapexUsd!.Value / x.TokensPerSecondPerDeployment;
            return ClaimComputation.Missing($"the cost a cluster recovers needs its throughput over all the streams it serves at once, which Table 1 does not give " +
                $"(it gives one stream's); dividing a whole cluster's CapEx by one stream's throughput would give ${S(PerTokS(groq))} per tok/s for Groq and " +
                $"${S(PerTokS(cerebras))} for Cerebras against the H100's ${S(PerTokS(h100))}, which measures the cluster's latency choice, not its cost per token");
        };
        c["s9.orders_of_magnitude"] = () =>
        {
            var economic = new[] { "decode_single", "energy_per_token", "cost_per_mtok" }.Select(id => RatioReadings(_d.Table2.Single(r => r.MetricId == id)).Ends.Value).Aggregate(Interval.Hull);
            var all = _d.Table2.Select(r => RatioReadings(r).Ends.Value).Aggregate(Interval.Hull);
            return FromReadings(new Reading("economic metrics", economic, $"Table 2's columns, matching ends, for single-request throughput, energy per token and $/M tokens: {S(economic)}x"),
                new Reading("every Table 2 metric", all, $"the same over all {_d.Table2.Count} Table 2 rows, TTFT and context included: {S(all)}x"));
        };

        // §2.3: ranges by metric, against Table 2's columns.
        foreach (var (claimId, metricId) in new[] { ("s2_3.energy_ratio", "energy_per_token"), ("s2_3.cost_ratio", "cost_per_mtok"), ("s2_3.ttft_ratio", "ttft") })
        {
            var row = _d.Table2.Single(r => r.MetricId == metricId);
            c[claimId] = () =>
            {
                var (ends, mid, all) = RatioReadings(row);
                return FromReadings(ends, all, mid);
            };
        }

        // Table 2: ratios and the cells the model can recompute.
        foreach (var r in _d.Table2)
        {
            var row = r;
            c[$"t2.{r.MetricId}.ratio"] = () =>
            {
                var (ends, mid, all) = RatioReadings(row);
                return FromReadings(ends, all, mid);
            };
        }
        var activeFp16 = Table2Projection.H100ActiveWeightBytes(_d.Values);
        // One residency rule for both platforms (docs/verdict-policy.md): every expert stays resident, as t2.asic.sram_holds_total requires of the ASIC.
        var totalFp16 = Table2Projection.H100TotalWeightBytes(_d.Values);
        var gpusForActive = BandwidthBound.DevicesToHold(totalFp16, h100Capacity);
        string GpuNote() => $"every expert resident (the rule the ASIC's SRAM is held to): {S(totalFp16 / 1e12)} TB of FP16 weights need {S(gpusForActive)} H100s of {S(h100Capacity / Giga)} GB";
        c["t2.h100.decode_single_bound"] = () =>
        {
            var one = h100Bandwidth / activeFp16;
            var many = Interval.PairEnds(gpusForActive, activeFp16, (n, w) => n * h100Bandwidth.Lo / w);
            return FromReadings(new Reading("one H100", one, $"§2.1 bound on one H100: {S(h100Bandwidth / 1e12)} TB/s / ({S(_d.Values.ActiveParameters / Giga)} B active x {S(_d.Values.Fp16BytesPerParameter)} bytes FP16 = {S(activeFp16 / Giga)} GB) = {S(one)} tok/s; the active weights alone exceed one H100's {S(h100Capacity / Giga)} GB") { Assumes = [OneGpu] },
                new Reading("several H100s", many, $"{GpuNote()}; their summed bandwidth bounds decode at {S(many)} tok/s") { Assumes = [MultiGpu] });
        };
        c["t2.h100.energy_from_power"] = () =>
        {
            var single = _d.Table2Rows.DecodeSingle.H100;
            var batch64 = _d.Table2Rows.DecodeBatch64.H100;
            var e = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, single);
            var anyBatch = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, Interval.Hull(single, batch64));
            var many = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts * gpusForActive, single);
            return FromReadings(new Reading("one H100, single request", e, $"Table 1 H100 {S(h100.SystemPowerWatts)} W / Table 2 single-request {S(single)} tok/s = {S(e)} J/token") { Assumes = [OneGpu] },
                new Reading("one H100, batch 1 to 64", anyBatch, $"{S(h100.SystemPowerWatts)} W over any throughput from single request to batch 64 ({S(Interval.Hull(single, batch64))} tok/s) = {S(anyBatch)} J/token", ReadingKind.Envelope) { Assumes = [OneGpu] },
                new Reading("several H100s", many, $"{GpuNote()}: {S(h100.SystemPowerWatts * gpusForActive)} W / {S(single)} tok/s = {S(many)} J/token") { Assumes = [MultiGpu] });
        };
        c["t2.asic.energy_from_power"] = () =>
        {
            var power = _d.Values.AsicNodePowerWatts;
            var batch64 = _d.Table2Rows.DecodeBatch64.Asic;
            var single = _d.Table2Rows.DecodeSingle.Asic;
            var atBatch = Table2Projection.EnergyFromThroughput(power, batch64);
            var atSingle = Table2Projection.EnergyFromThroughput(power, single);
            var anyBatch = Table2Projection.EnergyFromThroughput(power, Interval.Hull(single, batch64));
            return FromReadings(new Reading("batch 64", atBatch, $"§3.3 node power {S(power)} W / Table 2 batch-64 {S(batch64)} tok/s = {S(atBatch)} J/token"),
                new Reading("single request", atSingle, $"{S(power)} W / Table 2 single-request {S(single)} tok/s = {S(atSingle)} J/token"),
                new Reading("batch 1 to 64", anyBatch, $"{S(power)} W over any throughput from single request to batch 64 ({S(Interval.Hull(single, batch64))} tok/s) = {S(anyBatch)} J/token; the paper does not say at which batch its energy column is taken", ReadingKind.Envelope));
        };
        c["t2.h100.cost"] = () =>
        {
            var t = _d.Table2Rows.DecodeSingle.H100;
            var cost = Table2Projection.CapexCostAtTable2Basis(_d.Values, h100.CapexUsd!.Value, t);
            var many = Table2Projection.CapexCostAtTable2Basis(_d.Values, h100.CapexUsd!.Value * gpusForActive, t);
            return FromReadings(new Reading("one H100", cost, $"${S(h100.CapexUsd!.Value)} / ({S(_d.Values.Table2LifetimeYears)} yr x {S(100 * _d.Values.Table2Utilization)}% x {S(t)} tok/s single request), per million tokens = ${S(cost)}, CapEx only (§3.2 adds OpEx, which the paper does not price)", ReadingKind.Floor) { Assumes = [OneGpu] },
                new Reading("several H100s", many, $"{GpuNote()}: ${S(h100.CapexUsd!.Value * gpusForActive)} on the same basis = ${S(many)}", ReadingKind.Floor) { Assumes = [MultiGpu] });
        };
        c["t2.asic.cost"] = () =>
        {
            var t = _d.Table2Rows.DecodeSingle.Asic;
            var batch64 = _d.Table2Rows.DecodeBatch64.Asic;
            var capex = _d.Values.AsicNodeCostUsd;
            var cost = Table2Projection.CapexCostAtTable2Basis(_d.Values, capex, t);
            var anyBatch = Table2Projection.CapexCostAtTable2Basis(_d.Values, capex, Interval.Hull(t, batch64));
            return FromReadings(new Reading("single request", cost, $"§3.3 ${S(capex)} / ({S(_d.Values.Table2LifetimeYears)} yr x {S(100 * _d.Values.Table2Utilization)}% x {S(t)} tok/s single request), per million tokens = ${S(cost)}, CapEx only (§3.2 adds OpEx; §3.3 gives {S(_d.Values.AsicNodePowerWatts / 1000)} kW per node but the paper gives no electricity price)", ReadingKind.Floor),
                new Reading("batch 1 to 64", anyBatch, $"the same over any throughput from single request to batch 64 ({S(Interval.Hull(t, batch64))} tok/s) = ${S(anyBatch)}", ReadingKind.Floor));
        };
        c["t2.energy_common_regime"] = () =>
        {
            var single = _d.Table2Rows.DecodeSingle;
            var batch64 = _d.Table2Rows.DecodeBatch64;
            var power = _d.Values.AsicNodePowerWatts;
            Interval Ratio(Table2Row row) => Table2Projection.Ratio(Better.Lower,
                Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, row.H100), Table2Projection.EnergyFromThroughput(power, row.Asic));
            string Detail(Table2Row row) => $"H100 {S(h100.SystemPowerWatts)} W / {S(row.H100)} tok/s over the ASIC's {S(power)} W / {S(row.Asic)} tok/s, " +
                $"both at Table 2's \"{row.Metric}\" = {S(Ratio(row))}x";
            return FromReadings(new Reading("single request on both", Ratio(single), Detail(single), ReadingKind.Envelope),
                new Reading("batch 64 on both", Ratio(batch64), Detail(batch64), ReadingKind.Envelope));
        };
        c["s2_3.energy_ratio_vs_table2"] = () =>
        {
            var table2 = _d.Table2Rows.EnergyPerToken.RatioPrinted;
            return new(table2, $"Table 2 prints the same comparison (H100 over ASIC energy per token) as {S(table2)}x in its ratio column");
        };
        c["t2.asic.required_bandwidth"] = () =>
        {
            var needed = ProjectionModel.RequiredBandwidth(Table2Projection.AsicActiveWeightBytes(_d.Values), _d.Table2Rows.DecodeSingle.Asic);
            return ClaimComputation.Missing($"the paper states no memory bandwidth for the reference ASIC; decoding {S(_d.Table2Rows.DecodeSingle.Asic)} tok/s single-stream with W_active = {S(Table2Projection.AsicActiveWeightBytes(_d.Values) / Giga)} GB (FP4) needs B_eff = {S(needed / 1e12)} TB/s per node ({S(needed / h100Bandwidth)}x an H100's {S(h100Bandwidth / 1e12)} TB/s), which on-chip SRAM can deliver (Groq ~{S(_d.Values.GroqSramBytesPerSecondPerChip / 1e12)} TB/s per chip, Cerebras ~{S(_d.Values.CerebrasSramBytesPerSecond / 1e15)} PB/s per wafer, §2.1) but which the projection never states");
        };
        c["t2.asic.sram_holds_active"] = () =>
        {
            var w = Table2Projection.AsicActiveWeightBytes(_d.Values) / Giga;
            return new(w, $"W_active = {S(_d.Values.ActiveParameters / Giga)} B x {S(_d.Values.Fp4BytesPerParameter)} bytes (FP4) = {S(w)} GB");
        };
        c["s3_3.sram_cost_per_gb"] = () =>
        {
            var sram = _d.Values.AsicSramBytesPerNode;
            var byAnalogy = CalibratedBaselines.CostAtReferenceSramPrice(cerebras.CapexUsd!.Value, _d.Values.CerebrasSramBytes, sram);
            var perGb = cerebras.CapexUsd!.Value / (_d.Values.CerebrasSramBytes / Giga);
            return new(byAnalogy, $"Table 1's WSE-3 at ${S(cerebras.CapexUsd!.Value / 1e6)} M for §2.1's {S(_d.Values.CerebrasSramBytes / Giga)} GB of SRAM is ${S(perGb)} per GB; " +
                $"§3.3's {S(sram / Giga)} GB per node at that price = ${S(byAnalogy)} (against ${S(_d.Values.AsicNodeCostUsd / (sram / Giga))} per GB at §3.3's node cost)");
        };
        c["t2.asic.sram_holds_total"] = () =>
        {
            var w = Table2Projection.AsicTotalWeightBytes(_d.Values) / Giga;
            return new(w, $"all experts must stay resident: P_total {S(_d.Values.TotalParameters / 1e12)} T x {S(_d.Values.Fp4BytesPerParameter)} bytes (FP4) = {S(w)} GB");
        };

        // §4.2 and Appendix C.
        var h100Inputs = Scenarios.AppendixCH100(_d.Values);
        var asicInputs = Scenarios.AppendixCAsic(_d.Values);
        var h100Steps = AgentDensity.Derive(h100Inputs);
        var asicSteps = AgentDensity.Derive(asicInputs);
        var shortfall = _d.Values.Fp4ShortfallFactor;
        var asicPessimistic = AgentDensity.Derive(Scenarios.AsicFp4Pessimistic(_d.Values));
        var asicCost = _d.Values.AsicNodeCostUsd;
        var asicSingle = _d.Table2Rows.DecodeSingle.Asic;
        var h100Density = _d.Values.H100DensityStreamsPerMillionUsd;
        var asicDensity = _d.Values.AsicDensityStreamsPerMillionUsd;

        c["s4_2.h100_density_range"] = () =>
        {
            var d = AgentDensity.DensityAtUtilization(h100.CapexUsd!.Value, _d.Values.Utilization, h100.TokensPerSecondPerDeployment, Interval.Point(h100Inputs.StreamTokensPerSecond));
            return ClaimComputation.Missing($"the paper names the drivers of the range (batch strategy, r, day/night utilization) but not their values; with Table 1's {S(h100.TokensPerSecondPerDeployment)} tok/s, §3.2's {S(100 * _d.Values.Utilization)}% utilization and r = {S(h100Inputs.StreamTokensPerSecond)} the equation gives {S(d)}");
        };
        c["s4_2.asic_density_range"] = () =>
        {
            var d = AgentDensity.DensityAtUtilization(asicCost, Interval.Point(asicInputs.Utilization), asicSingle, Interval.Point(asicInputs.StreamTokensPerSecond));
            return ClaimComputation.Missing($"the paper names the drivers of the range (chip cost, achieved t, active parameters) but not how they combine; with §3.3's ${S(asicCost)}, Table 2's {S(asicSingle)} tok/s, u = {S(asicInputs.Utilization)} and r = {S(asicInputs.StreamTokensPerSecond)} the equation gives {S(d)}");
        };
        c["appc.h100.in_range"] = () => new(Interval.Point(h100Steps.DensityPerMillionUsdAtUtilization), $"worked example D x u = {S(h100Steps.DensityPerMillionUsdAtUtilization)}");
        c["appc.asic.in_range"] = () => new(Interval.Point(asicSteps.DensityPerMillionUsdAtUtilization), $"worked example D x u = {S(asicSteps.DensityPerMillionUsdAtUtilization)}");

        foreach (var (node, inputs, steps) in new[] { ("h100", h100Inputs, h100Steps), ("asic", asicInputs, asicSteps) })
        {
            var x = inputs;
            var s = steps;
            c[$"appc.{node}.streams_per_node"] = () => new(Interval.Point(s.StreamsPerNode), $"t / r = {S(x.TokensPerSecond)} / {S(x.StreamTokensPerSecond)} = {S(s.StreamsPerNode)}");
            c[$"appc.{node}.density"] = () => new(Interval.Point(s.DensityPerMillionUsd), $"($1 M / ${S(x.CapexUsd)}) x {S(s.StreamsPerNode)} = {S(s.DensityPerMillionUsd)}");
            c[$"appc.{node}.density_at_utilization"] = () => new(Interval.Point(s.DensityPerMillionUsdAtUtilization), $"{S(s.DensityPerMillionUsd)} x {S(x.Utilization)} = {S(s.DensityPerMillionUsdAtUtilization)}");
            c[$"appc.{node}.cost_vs_table2"] = () => new(Interval.Point(s.CostUsdPerMillionTokens),
                $"Appendix C cost step for the {node.ToUpperInvariant()} example: ${S(x.CapexUsd)} / ({S(x.LifetimeYears)} yr x {S(x.Utilization)} x {S(x.TokensPerSecond)} tok/s), per million tokens = ${S(s.CostUsdPerMillionTokens)}");
        }

        // Appendix C's "midpoints": arithmetic, and geometric for ranges the paper plots on a log scale.
        ClaimComputation Midpoint(string what, Interval range, params Reading[] more)
        {
            var geometric = Math.Sqrt(range.Lo * range.Hi);
            return FromReadings(new Reading("arithmetic midpoint", Interval.Point(range.Midpoint), $"arithmetic midpoint of {what} {S(range)} = {S(range.Midpoint)}") { Assumes = ["appc.midpoint=arithmetic"] },
                [new Reading("geometric midpoint", Interval.Point(geometric), $"geometric midpoint of {what} {S(range)} (the paper's figures use log scales) = {S(geometric)}") { Assumes = ["appc.midpoint=geometric"] }, .. more]);
        }
        var h100Table2 = _d.Table2Rows.DecodeSingle.H100;
        c["appc.h100.t_midpoint"] = () => Midpoint("Table 1's H100", h100.TokensPerSecondPerDeployment,
            new Reading("Table 2's H100 midpoint", Interval.Point(h100Table2.Midpoint), $"arithmetic midpoint of Table 2's MoE H100 range {S(h100Table2)} = {S(h100Table2.Midpoint)}") { Assumes = ["appc.midpoint=arithmetic"] });
        c["appc.asic.c_midpoint"] = () => Midpoint("§3.3's node cost", asicCost);
        c["appc.asic.t_midpoint"] = () => Midpoint("Table 2's single-request ASIC throughput", asicSingle);

        c["appc.density_ratio"] = () =>
        {
            var raw = AgentDensity.DensityRatio(asicSteps.DensityPerMillionUsd, h100Steps.DensityPerMillionUsd);
            var adjusted = Scenarios.WorkedExampleDensityRatio(_d.Values);
            return FromReadings(new Reading("before the utilization step", Interval.Point(raw), $"D_ASIC / D_H100 = {S(asicSteps.DensityPerMillionUsd)} / {S(h100Steps.DensityPerMillionUsd)} = {S(raw)}x"),
                new Reading("after the utilization step", Interval.Point(adjusted), $"D x u: {S(asicSteps.DensityPerMillionUsdAtUtilization)} / {S(h100Steps.DensityPerMillionUsdAtUtilization)} = {S(adjusted)}x"));
        };
        c["appc.throughput_ratio"] = () => new(Interval.Point(asicInputs.TokensPerSecond / h100Inputs.TokensPerSecond), $"t_ASIC / t_H100 = {S(asicInputs.TokensPerSecond)} / {S(h100Inputs.TokensPerSecond)} = {S(asicInputs.TokensPerSecond / h100Inputs.TokensPerSecond)}x");
        c["appc.cost_ratio"] = () => new(Interval.Point(h100Inputs.CapexUsd / asicInputs.CapexUsd), $"C_H100 / C_ASIC = {S(h100Inputs.CapexUsd)} / {S(asicInputs.CapexUsd)} = {S(h100Inputs.CapexUsd / asicInputs.CapexUsd)}x");
        c["appc.fp4_pessimistic_range"] = () =>
        {
            var range = Scenarios.AsicDensityFp4Pessimistic(_d.Values);
            return new(range, $"D scales linearly in t, so multiplying t by {S(shortfall)} scales §4.2's {S(asicDensity)} to {S(range)}");
        };
        c["appc.fp4_only_2x"] = () =>
        {
            var overFp8 = Table2Projection.Fp8BytesPerParameter / _d.Values.Fp4BytesPerParameter;
            var overFp16 = _d.Values.Fp16BytesPerParameter / _d.Values.Fp4BytesPerParameter;
            return FromReadings(new Reading("over FP8", overFp8, $"bytes read per token, FP8 {S(Table2Projection.Fp8BytesPerParameter)} / FP4 {S(_d.Values.Fp4BytesPerParameter)} = {S(overFp8)}x: the most FP4 can give over FP8 on a bandwidth-bound decode (§2.1)"),
                new Reading("over FP16", overFp16, $"FP16 {S(_d.Values.Fp16BytesPerParameter)} / FP4 {S(_d.Values.Fp4BytesPerParameter)} bytes = {S(overFp16)}x, FP4 over Table 2's FP16 H100 baseline"));
        };
        c["o6.conservative"] = () =>
        {
            var moeT = _d.Table2Rows.DecodeSingle.H100;
            var worked = Scenarios.WorkedExampleDensityRatio(_d.Values);
            var atMoe = new[] { moeT.Lo, moeT.Hi }.Select(t => AgentDensity.DensityRatio(asicInputs, h100Inputs with { TokensPerSecond = t })).ToList();
            return ClaimComputation.Holds(atMoe.Min() >= worked * (1 - 1e-12),
                $"with Table 2's Claude-class H100 throughput ({S(moeT)} tok/s) in place of Llama-70B's {S(h100Inputs.TokensPerSecond)} tok/s, D_ASIC / D_H100 is " +
                $"{S(new Interval(atMoe.Min(), atMoe.Max()))}x against {S(worked)}x, so the Llama-70B baseline understates the ratio (and {S(gpusForActive)} H100s to hold every FP16 expert would lower D_H100 further)");
        };
        c["appc.fp4_pessimistic_ratio"] = () =>
        {
            var pessimistic = Scenarios.AsicDensityFp4Pessimistic(_d.Values);
            var examples = Scenarios.Fp4PessimisticDensityRatio(_d.Values);
            var ends = Interval.PairEnds(pessimistic, h100Density, AgentDensity.DensityRatio);
            var corners = AgentDensity.DensityRatio(pessimistic, h100Density);
            return FromReadings(new Reading("worked examples", Interval.Point(examples), $"the worked examples with t_ASIC x {S(shortfall)}: {S(asicPessimistic.DensityPerMillionUsdAtUtilization)} / {S(h100Steps.DensityPerMillionUsdAtUtilization)} = {S(examples)}x"),
                new Reading("matching ends", ends, $"pessimistic ASIC {S(pessimistic)} over H100 {S(h100Density)}, low with low and high with high = {S(ends)}x"),
                new Reading("every corner", corners, $"pessimistic ASIC {S(pessimistic)} over H100 {S(h100Density)} by interval arithmetic = {S(corners)}x, the lowest being {S(pessimistic.Lo)} / {S(h100Density.Hi)}"));
        };
        var deployment = _d.Values.DeploymentUsd;
        c["appc.deployment_h100"] = () => new(AgentDensity.StreamsForDeployment(h100Density, deployment), $"${S(deployment / 1e6)} M x {S(h100Density)} streams per $1 M = {S(AgentDensity.StreamsForDeployment(h100Density, deployment))}");
        c["appc.deployment_asic"] = () => new(AgentDensity.StreamsForDeployment(asicDensity, deployment), $"${S(deployment / 1e6)} M x {S(asicDensity)} streams per $1 M = {S(AgentDensity.StreamsForDeployment(asicDensity, deployment))}");

        // §4.3: NRE.
        var nre = _d.Values.TapeoutNreUsd;
        c["s4_3.penalty_at_threshold"] = () =>
        {
            var factor = NreAmortization.CostPenaltyFactor(asicCost, nre, PrintedVolumeNodes);
            var first = NreAmortization.CostPenaltyFactor(asicCost, nre, 1);
            var until = new Interval(factor.Lo, first.Hi);
            return FromReadings(new Reading("at the volume", factor, $"(C + NRE / N) / C with C = ${S(asicCost)}, NRE = ${S(nre / 1e6)} M, N = {S(PrintedVolumeNodes)} nodes = {S(factor)}x"),
                new Reading("until the volume", until, $"the same factor over every volume up to {S(PrintedVolumeNodes)} nodes spans {S(until)}x (the NRE alone falls below {S(PrintedPenaltyLow)}x at {S(NreAmortization.NodesForPenaltyFactor(asicCost, nre, PrintedPenaltyLow))} nodes)", ReadingKind.Envelope));
        };
        c["s4_3.volume_for_3x"] = () =>
        {
            var n = NreAmortization.NodesForPenaltyFactor(asicCost, nre, PrintedPenaltyLow);
            var n10 = NreAmortization.NodesForPenaltyFactor(asicCost, nre, PrintedPenaltyHigh);
            return new(n, $"N = NRE / (({S(PrintedPenaltyLow)} - 1) x C) = {UnitText.After(S(n), "nodes")} for a {S(PrintedPenaltyLow)}x penalty ({UnitText.After(S(n10), "nodes")} for {S(PrintedPenaltyHigh)}x)");
        };

        // §10.
        c["o2.active_params_robust"] = () =>
        {
            // Doubling P_active doubles W_active and so halves the bandwidth-bound t on both platforms (§2.1):
            // the ratio is unchanged; if only the ASIC's t halved, the ratio halves.
            var active = _d.Values.ActiveParameters;
            var scale = active.Lo / active.Hi;
            var both = AgentDensity.DensityRatio(asicInputs with { TokensPerSecond = asicInputs.TokensPerSecond * scale }, h100Inputs with { TokensPerSecond = h100Inputs.TokensPerSecond * scale });
            var asicOnly = Scenarios.Fp4PessimisticDensityRatio(_d.Values);
            return new(new Interval(Math.Min(both, asicOnly), Math.Max(both, asicOnly)),
                $"P_active {S(active.Lo / Giga)} -> {S(active.Hi / Giga)} B scales W_active and so the bandwidth-bound t by {S(scale)}: on both platforms D_ASIC / D_H100 stays {S(both)}x; with only the ASIC's t at x {S(shortfall)} it falls to {S(asicOnly)}x");
        };
        c["o5.ratio_invariant_to_r"] = () =>
        {
            var rs = new[] { 1.0, 5, 20, 100 };
            var ratios = rs.Select(r => AgentDensity.DensityRatio(asicInputs with { StreamTokensPerSecond = r }, h100Inputs with { StreamTokensPerSecond = r })).ToList();
            var spread = ratios.Max() - ratios.Min();
            return ClaimComputation.Holds(spread <= 1e-9 * ratios.Max(), $"D_ASIC / D_H100 at r = {string.Join(", ", rs.Select(S))} tok/s: {string.Join(", ", ratios.Select(S))} (r cancels in (1e6/C_a)(t_a/r)u_a / ((1e6/C_h)(t_h/r)u_h))");
        };

        // Appendix B: the bibliography.
        c["appb.references_count"] = () =>
        {
            var withTitle = BibReference.Load(Path.Combine(_d.DataDirectory, "references.bib")).Count(r => r["title"].Length > 0);
            return new(Interval.Point(withTitle), $"references.bib transcribes {S(_d.ReferenceKeys.Count)} cited works, of which {S(withTitle)} appear in the paper's printed reference list (the others are cited but not listed)");
        };
        return c;
    }
}
