using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of §2: §2.1's SRAM capacities and bandwidth, §2.2's per-chip reading, §2.3's ranges by metric.
/// </summary>
internal sealed class Section2Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§2";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        c["s2_2.groq_vs_h100"] = () =>
        {
            var ratio = groq.TokensPerSecondPerDeployment / s1Tok;
            var table1 = groq.TokensPerSecondPerDeployment / h100.TokensPerSecondPerDeployment;
            return FromReadings(new Reading("against §1's H100", ratio, $"Groq {S(groq.TokensPerSecondPerDeployment)} tok/s / §1's ~{S(s1Tok)} tok/s H100 " +
                $"= {S(ratio)}x"),
                new Reading("against Table 1's H100", table1, $"Groq {S(groq.TokensPerSecondPerDeployment)} tok/s / Table 1's H100 " +
                    $"{S(h100.TokensPerSecondPerDeployment)} tok/s = {S(table1)}x"));
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
            return new(ratio, $"Cerebras {S(_d.Values.CerebrasSramBytesPerSecond / 1e15)} PB/s / H100 {S(h100Bandwidth / 1e12)} TB/s = {S(ratio)}x the " +
                $"bandwidth, so {S(ratio)}x the §2.1 decode bound for the same weights");
        };

        c["s2_3.cerebras_energy_vs_h100"] = () =>
        {
            // One residency rule for both platforms (policy §7): each on the devices that hold the BF16 weights; Table 1's
            // one-wafer row (44 GB against 140 GB of weights) is shown, not taken.
            var bf16 = FindingValues.Bf16OnHoldingDevices(_d);
            var ratio = CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(cerebras);
            return FromReadings(
                new Reading("devices that hold the weights", bf16.CerebrasOverH100, $"at BF16 the {S(Scenarios.Section1WeightBytes(_d.Values) / Giga)} GB of weights need {S(bf16.Wafers)} wafers " +
                    $"({S(bf16.CerebrasJoulesPerToken)} J/token) and {S(bf16.H100s)} H100s: energy efficiency {S(bf16.CerebrasOverH100)}x the H100's")
                { Assumes = [EveryWeight] },
                new Reading("Table 1 columns", ratio, $"H100 {S(CalibratedBaselines.EnergyJoulesPerToken(h100))} J / Cerebras " +
                    $"{S(CalibratedBaselines.EnergyJoulesPerToken(cerebras))} J (Table 1's one-wafer row, which cannot hold the weights) = {S(ratio)}x")
                { Assumes = ["memory_residency=as-printed"] });
        };

        c["s2_3.decode_throughput_ratio"] = ThroughputOverH100;
        // §2.3: ranges by metric, against Table 2's columns.
        foreach (var (claimId, metricId) in new[] { ("s2_3.energy_ratio", "energy_per_token"), ("s2_3.cost_ratio", "cost_per_mtok"), ("s2_3.ttft_ratio",
            "ttft") })
        {
            var row = _d.Table2.Single(r => r.MetricId == metricId);
            c[claimId] = () =>
            {
                var (ends, mid, all) = RatioReadings(row);
                return FromReadings(ends, all, mid);
            };
        }

        c["s2_3.energy_ratio_vs_table2"] = () =>
        {
            var table2 = _d.Table2Rows.EnergyPerToken.RatioPrinted;
            return new(table2, $"Table 2 prints the same comparison (H100 over ASIC energy per token) as {S(table2)}x in its ratio column");
        };
    }
}
