using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of Table 2 and the §3 reference design: the ratio column, the cells the model recomputes, the SRAM and its price.
/// </summary>
internal sealed class Table2Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "Table 2 and §3";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        AddRatios(c);
        AddH100Cells(c);
        AddAsicCells(c);
        AddSramAndBounds(c);
    }

    /// <summary>Table 2's ratio column against its own columns, and the energy ratio at one batch regime for both platforms.</summary>
    private void AddRatios(Dictionary<string, ClaimCheck> c)
    {
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
        c["t2.energy_common_regime"] = () =>
        {
            var single = _d.Table2Rows.DecodeSingle;
            var batch64 = _d.Table2Rows.DecodeBatch64;
            var power = _d.Values.AsicNodePowerWatts;
            Interval Ratio(Table2Row row) => Table2Projection.Ratio(Better.Lower,
                Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, row.H100), Table2Projection.EnergyFromThroughput(power, row.Asic));
            string Detail(Table2Row row) => $"H100 {S(h100.SystemPowerWatts)} W / {S(row.H100)} tok/s over the ASIC's {S(power)} W / {S(row.Asic)} tok/s, " +
                $"both at Table 2's \"{row.Metric}\" = {S(Ratio(row))}x";
            return FromReadings(new Reading("single request on both", Ratio(single), Detail(single), ReadingKind.Envelope) { Assumes = [Single] },
                new Reading("batch 64 on both", Ratio(batch64), Detail(batch64), ReadingKind.Envelope) { Assumes = [Batch64] });
        };
    }

    /// <summary>The H100 baseline's cells: the bandwidth bound, energy and cost, each on one H100 (and shown on the GPUs residency needs).</summary>
    private void AddH100Cells(Dictionary<string, ClaimCheck> c)
    {
        c["t2.h100.decode_single_bound"] = () =>
        {
            var one = h100Bandwidth / activeFp16;
            var many = Interval.PairEnds(gpusForActive, activeFp16, (n, w) => n * h100Bandwidth.Lo / w);
            return FromReadings(new Reading("one H100", one, $"§2.1 bound on one H100: {S(h100Bandwidth / 1e12)} TB/s / " +
                $"({S(_d.Values.ActiveParameters / Giga)} B active x {S(_d.Values.Fp16BytesPerParameter)} bytes FP16 = {S(activeFp16 / Giga)} GB) = " +
                $"{S(one)} tok/s; the active weights alone exceed one H100's {S(h100Capacity / Giga)} GB") { Assumes = [OneGpu] },
                new Reading("several H100s", many, $"{GpuNote()}; their summed bandwidth bounds decode at {S(many)} tok/s")
                {
                    Assumes = [MultiGpu, EveryWeight],
                });
        };
        c["t2.h100.energy_from_power"] = () =>
        {
            var single = _d.Table2Rows.DecodeSingle.H100;
            var batch64 = _d.Table2Rows.DecodeBatch64.H100;
            var e = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, single);
            var anyBatch = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts, Interval.Hull(single, batch64));
            var many = Table2Projection.EnergyFromThroughput(h100.SystemPowerWatts * gpusForActive, single);
            return FromReadings(new Reading("one H100, single request", e, $"Table 1 H100 {S(h100.SystemPowerWatts)} W / Table 2 single-request " +
                $"{S(single)} tok/s = {S(e)} J/token") { Assumes = [OneGpu, Single] },
                new Reading("one H100, batch 1 to 64", anyBatch, $"{S(h100.SystemPowerWatts)} W over any throughput from single request to batch 64 " +
                    $"({S(Interval.Hull(single, batch64))} tok/s) = {S(anyBatch)} J/token", ReadingKind.Envelope) { Assumes = [OneGpu, AnyBatch] },
                new Reading("several H100s", many, $"{GpuNote()}: {S(h100.SystemPowerWatts * gpusForActive)} W / {S(single)} tok/s = {S(many)} " +
                    $"J/token") { Assumes = [MultiGpu, EveryWeight, Single] });
        };
        c["t2.h100.cost"] = () =>
        {
            var t = _d.Table2Rows.DecodeSingle.H100;
            var cost = Table2Projection.CapexCostAtTable2Basis(_d.Values, h100.CapexUsd!.Value, t);
            var many = Table2Projection.CapexCostAtTable2Basis(_d.Values, h100.CapexUsd!.Value * gpusForActive, t);
            return FromReadings(new Reading("one H100", cost, $"${S(h100.CapexUsd!.Value)} / ({S(_d.Values.Table2LifetimeYears)} yr x " +
                $"{S(100 * _d.Values.Table2Utilization)}% x {S(t)} tok/s single request), per million tokens = ${S(cost)}, CapEx only (§3.2 adds OpEx, " +
                $"which the paper does not price)", ReadingKind.Floor) { Assumes = [OneGpu, Single, CapexFloor] },
                new Reading("several H100s", many, $"{GpuNote()}: ${S(h100.CapexUsd!.Value * gpusForActive)} on the same basis = " +
                    $"${S(many)}", ReadingKind.Floor) { Assumes = [MultiGpu, EveryWeight, Single, CapexFloor] });
        };
    }

    /// <summary>The ASIC's cells: energy from §3.3's power, cost from §3.3's node cost (CapEx floor), the bandwidth it needs.</summary>
    private void AddAsicCells(Dictionary<string, ClaimCheck> c)
    {
        c["t2.asic.energy_from_power"] = () =>
        {
            var power = _d.Values.AsicNodePowerWatts;
            var batch64 = _d.Table2Rows.DecodeBatch64.Asic;
            var single = _d.Table2Rows.DecodeSingle.Asic;
            var atBatch = Table2Projection.EnergyFromThroughput(power, batch64);
            var atSingle = Table2Projection.EnergyFromThroughput(power, single);
            var anyBatch = Table2Projection.EnergyFromThroughput(power, Interval.Hull(single, batch64));
            return FromReadings(new Reading("batch 64", atBatch, $"§3.3 node power {S(power)} W / Table 2 batch-64 {S(batch64)} tok/s = {S(atBatch)} J/token") { Assumes = [Batch64] },
                new Reading("single request", atSingle, $"{S(power)} W / Table 2 single-request {S(single)} tok/s = {S(atSingle)} J/token") { Assumes = [Single] },
                new Reading("batch 1 to 64", anyBatch, $"{S(power)} W over any throughput from single request to batch 64 " +
                    $"({S(Interval.Hull(single, batch64))} tok/s) = {S(anyBatch)} J/token; the paper does not say at which batch its energy column is " +
                    $"taken", ReadingKind.Envelope) { Assumes = [AnyBatch] });
        };
        c["t2.asic.cost"] = () =>
        {
            var t = _d.Table2Rows.DecodeSingle.Asic;
            var batch64 = _d.Table2Rows.DecodeBatch64.Asic;
            var capex = _d.Values.AsicNodeCostUsd;
            var cost = Table2Projection.CapexCostAtTable2Basis(_d.Values, capex, t);
            var anyBatch = Table2Projection.CapexCostAtTable2Basis(_d.Values, capex, Interval.Hull(t, batch64));
            return FromReadings(new Reading("single request", cost, $"§3.3 ${S(capex)} / ({S(_d.Values.Table2LifetimeYears)} yr x " +
                $"{S(100 * _d.Values.Table2Utilization)}% x {S(t)} tok/s single request), per million tokens = ${S(cost)}, CapEx only (§3.2 adds OpEx; " +
                $"§3.3 gives {S(_d.Values.AsicNodePowerWatts / 1000)} kW per node but the paper gives no electricity price)", ReadingKind.Floor) { Assumes = [Single, CapexFloor] },
                new Reading("batch 1 to 64", anyBatch, $"the same over any throughput from single request to batch 64 ({S(Interval.Hull(t, batch64))} " +
                    $"tok/s) = ${S(anyBatch)}", ReadingKind.Floor) { Assumes = [AnyBatch, CapexFloor] });
        };
        c["t2.asic.required_bandwidth"] = () =>
        {
            var needed = ProjectionModel.RequiredBandwidth(Table2Projection.AsicActiveWeightBytes(_d.Values), _d.Table2Rows.DecodeSingle.Asic);
            return ClaimComputation.Missing($"the paper states no memory bandwidth for the reference ASIC; decoding {S(_d.Table2Rows.DecodeSingle.Asic)} " +
                $"tok/s single-stream with W_active = {S(Table2Projection.AsicActiveWeightBytes(_d.Values) / Giga)} GB (FP4) needs B_eff = " +
                $"{S(needed / 1e12)} TB/s per node ({S(needed / h100Bandwidth)}x an H100's {S(h100Bandwidth / 1e12)} TB/s), which on-chip SRAM can " +
                $"deliver (Groq ~{S(_d.Values.GroqSramBytesPerSecondPerChip / 1e12)} TB/s per chip, Cerebras " +
                $"~{S(_d.Values.CerebrasSramBytesPerSecond / 1e15)} PB/s per wafer, §2.1) but which the projection never states");
        };
    }

    /// <summary>§3.3's SRAM (active and total weights), its price by the WSE-3 analogy, and §4.1's "lower bounds already achieved".</summary>
    private void AddSramAndBounds(Dictionary<string, ClaimCheck> c)
    {
        c["s4_1.lower_bounds_achieved"] = () =>
        {
            // The ASIC column's least favourable end against the best of Cerebras and Groq in Table 1, for the metrics Table 1 measures.
            var single = _d.Table2Rows.DecodeSingle.Asic;
            var bestTokS = Math.Max(cerebras.TokensPerSecondPerDeployment.Hi, groq.TokensPerSecondPerDeployment.Hi);
            var energy = _d.Table2Rows.EnergyPerToken.Asic;
            var bestJ = Math.Min(CalibratedBaselines.EnergyJoulesPerToken(cerebras).Lo, CalibratedBaselines.EnergyJoulesPerToken(groq).Lo);
            var throughputMet = bestTokS >= single.Lo;
            var energyMet = bestJ <= energy.Hi;
            return ClaimComputation.Holds(throughputMet && energyMet,
                $"single-request throughput: best existing {S(bestTokS)} tok/s against the ASIC column's low end {S(single.Lo)} ({(throughputMet ? "achieved" : "not achieved")}); " +
                $"energy per token: best existing {S(bestJ)} J against the ASIC column's high end {S(energy.Hi)} J ({(energyMet ? "achieved" : "not achieved")}); " +
                "Table 1 gives no batch-64 throughput, TTFT, cost per token at batch or context for them");
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
            return new(byAnalogy, $"Table 1's WSE-3 at ${S(cerebras.CapexUsd!.Value / 1e6)} M for §2.1's {S(_d.Values.CerebrasSramBytes / Giga)} GB of " +
                $"SRAM is ${S(perGb)} per GB; " +
                $"§3.3's {S(sram / Giga)} GB per node at that price = ${S(byAnalogy)} (against ${S(_d.Values.AsicNodeCostUsd / (sram / Giga))} per GB at " +
                    $"§3.3's node cost)");
        };
        c["t2.asic.sram_holds_total"] = () =>
        {
            var w = Table2Projection.AsicTotalWeightBytes(_d.Values) / Giga;
            return new(w, $"all experts must stay resident: P_total {S(_d.Values.TotalParameters / 1e12)} T x {S(_d.Values.Fp4BytesPerParameter)} bytes " +
                $"(FP4) = {S(w)} GB") { PrimaryAssumes = [EveryWeight] };
        };
    }
}
