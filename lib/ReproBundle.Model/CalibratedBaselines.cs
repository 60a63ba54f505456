using System.Numerics;

namespace ReproBundle;

/// <summary>
/// §2.2 Table 1 "Published reference points": the two derived columns, recomputed from the printed ones.
/// </summary>
public static class CalibratedBaselines
{
    /// <summary>Throughput per chip [tokens/s/chip] = deployment throughput [tokens/s] / chips per deployment.</summary>
    public static Interval TokensPerSecondPerChip(PlatformBaseline p) => p.TokensPerSecondPerDeployment / p.ChipsPerDeployment;

    /// <summary>Energy per token [J/token] = system power [W] / deployment throughput [tokens/s].</summary>
    public static Interval EnergyJoulesPerToken(PlatformBaseline p) => EnergyJoulesPerToken(p.SystemPowerWatts, p.TokensPerSecondPerDeployment);

    /// <summary>Energy per token [J/token] = power [W] / throughput [tokens/s] (one joule is one watt-second).</summary>
    public static T EnergyJoulesPerToken<T>(T powerWatts, T tokensPerSecond) where T : struct, IMultiplyOperators<T, double, T>, IDivisionOperators<T, T, T> => powerWatts / tokensPerSecond;

    /// <summary>
    /// "Per chip" against "per deployment" (§2.2 "Reading the table"): deployment throughput / per-chip
    /// throughput [x]. The throughput cancels, leaving the chip count: 1 for a one-chip system, the cluster
    /// size for Groq. (Dividing the two ranges as if independent would wrongly widen 1 into 0.8-1.25.)
    /// </summary>
    public static Interval DeploymentToChipRatio(PlatformBaseline p) => p.ChipsPerDeployment;

    /// <summary>
    /// A node's cost [USD] at a reference system's price per byte of SRAM (§3.3 "based on analogies to WSE-3"; Table 1's
    /// WSE-3 CapEx over §2.1's 44 GB): reference CapEx / reference SRAM x the node's SRAM.
    /// </summary>
    public static Interval CostAtReferenceSramPrice(Interval referenceCapexUsd, Interval referenceSramBytes, Interval sramBytes) =>
        referenceCapexUsd / referenceSramBytes * sramBytes;
}
