using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of Table 1: its derived columns (per chip, energy per token) and the BF16 bound on its H100 row.
/// </summary>
internal sealed class Table1Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "Table 1";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        // Table 1: derived columns.
        foreach (var p in _d.Table1)
        {
            var platform = p;
            c[$"t1.{p.Id}.tok_s_per_chip"] = () => p.Id == "cerebras"
                ? ClaimComputation.Missing($"Table 1 treats the wafer as one system; per wafer the throughput is " +
                    $"{S(platform.TokensPerSecondPerDeployment)} tok/s, and the paper defines no per-chip unit for it")
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
    }
}
