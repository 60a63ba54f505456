namespace ReproBundle;

/// <summary>
/// §3.2 "Projection model": decode time per token, steady throughput, energy per token and cost per
/// million tokens for a platform of effective bandwidth B_eff.
/// </summary>
public static class ProjectionModel
{
    /// <summary>Seconds in a year as Appendix C counts them: 365 · 24 · 3600 [s].</summary>
    public const double SecondsPerYear = 365 * 24 * 3600;

    /// <summary>Hours in a year as Appendix C counts them: 365 · 24 [h].</summary>
    public const double HoursPerYear = 365 * 24;

    /// <summary>
    /// B_eff [bytes/s] when a share <paramref name="sramFraction"/> of the active weights is resident in
    /// SRAM of bandwidth <paramref name="sramBytesPerSecond"/> and the rest streams from HBM at
    /// <paramref name="hbmBytesPerSecond"/>. §3.2 calls B_eff a "weighted average ... based on residency"; the
    /// bundle weights by time (a harmonic mean), because the two parts of a token's weights are read one after
    /// the other: t = W·(f/B_sram + (1 - f)/B_hbm). An arithmetic mean would overstate B_eff whenever f &lt; 1.
    /// </summary>
    public static double EffectiveBandwidth(double sramFraction, double sramBytesPerSecond, double hbmBytesPerSecond)
    {
        if (sramFraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(sramFraction), sramFraction, "must lie in [0, 1]");
        return 1 / (sramFraction / sramBytesPerSecond + (1 - sramFraction) / hbmBytesPerSecond);
    }

    /// <summary>
    /// §3.2 t_decode = max(W_active / B_eff, compute_floor) [s/token], with W_active [bytes], B_eff [bytes/s]
    /// and the compute floor [s/token] (0 when decode is purely bandwidth-bound).
    /// </summary>
    public static double DecodeSecondsPerToken(double activeWeightBytes, double effectiveBytesPerSecond, double computeFloorSeconds = 0) =>
        Math.Max(activeWeightBytes / effectiveBytesPerSecond, computeFloorSeconds);

    /// <summary>§3.2 tok/s_steady = (1 / t_decode) · batch_efficiency_factor [tokens/s].</summary>
    public static double SteadyTokensPerSecond(double decodeSecondsPerToken, double batchEfficiencyFactor) =>
        batchEfficiencyFactor / decodeSecondsPerToken;

    /// <summary>§3.2 energy/token = P_system · t_decode / batch_effective [J/token], with P_system [W].</summary>
    public static double EnergyJoulesPerToken(double systemPowerWatts, double decodeSecondsPerToken, double batchEffective) =>
        systemPowerWatts * decodeSecondsPerToken / batchEffective;

    /// <summary>
    /// §3.2 cost/M_tokens = (CapEx_amortized + OpEx) / (tok/s · seconds_in_period) · 1e6 [USD per million
    /// tokens], with both costs in USD over the same period and seconds_in_period the busy seconds.
    /// </summary>
    public static double CostUsdPerMillionTokens(double capexUsdInPeriod, double opexUsdInPeriod, double tokensPerSecond, double secondsInPeriod) =>
        (capexUsdInPeriod + opexUsdInPeriod) / (tokensPerSecond * secondsInPeriod) * 1e6;

    /// <summary>Busy seconds over a lifetime: L · 365 · 24 · 3600 · u [s] (the Appendix C denominator).</summary>
    public static double UtilizedSeconds(double lifetimeYears, double utilization) => lifetimeYears * SecondsPerYear * utilization;

    /// <summary>
    /// CapEx-only cost per million tokens [USD/M tokens] for capex C [USD] amortized over L years at
    /// utilization u and throughput t [tokens/s] (Appendix C, and Table 2's "3yr, 80% util" row), as
    /// interval arithmetic. OpEx is zero: the paper states no electricity or hosting price.
    /// </summary>
    public static Interval CapexCostUsdPerMillionTokens(Interval capexUsd, Interval lifetimeYears, Interval utilization, Interval tokensPerSecond) =>
        capexUsd / (lifetimeYears * SecondsPerYear * utilization * tokensPerSecond) * 1e6;

    /// <summary>The §3.2 model run backwards: the B_eff [bytes/s] a bandwidth-bound platform needs to decode <paramref name="tokensPerSecond"/> [tokens/s] single-stream when each token reads W_active = <paramref name="activeWeightBytes"/> [bytes].</summary>
    public static Interval RequiredBandwidth(Interval activeWeightBytes, Interval tokensPerSecond) => activeWeightBytes * tokensPerSecond;
}
