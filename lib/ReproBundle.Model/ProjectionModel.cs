using System.Numerics;

namespace ReproBundle;

/// <summary>
/// §3.2 "Projection model": decode time per token, steady throughput, energy per token and cost per
/// million tokens for a platform of effective bandwidth B_eff. Every method serves a point
/// (<see cref="double"/>) and a range (<see cref="Interval"/>) alike; <see cref="Chain"/> runs them in order.
/// </summary>
public static class ProjectionModel
{
    /// <summary>Seconds in a year as Appendix C counts them: 365 · 24 · 3600 [s].</summary>
    public const double SecondsPerYear = 365 * 24 * 3600;

    /// <summary>Hours in a year as Appendix C counts them: 365 · 24 [h].</summary>
    public const double HoursPerYear = 365 * 24;

    /// <summary>Seconds in an hour [s]: the period of an hourly cloud price.</summary>
    public const double SecondsPerHour = 3600;

    /// <summary>One million, the "M" of $/M tokens [tokens].</summary>
    public const double TokensPerMillion = 1e6;

    /// <summary>
    /// B_eff [bytes/s] when a share <paramref name="sramFraction"/> f of the active weights is resident in
    /// SRAM of bandwidth <paramref name="sramBytesPerSecond"/> and the rest streams from HBM at
    /// <paramref name="hbmBytesPerSecond"/>. §3.2 calls B_eff a "weighted average ... based on residency"; the
    /// bundle weights by time (a harmonic mean), because the two parts of a token's weights are read one after
    /// the other: W / B_eff = W·(f/B_sram + (1 - f)/B_hbm). An arithmetic mean would overstate B_eff whenever
    /// f &lt; 1. Written as 1 / (1/B_hbm - f·(1/B_hbm - 1/B_sram)) so that f occurs once and a range of f gives
    /// the exact range of B_eff.
    /// </summary>
    public static T EffectiveBandwidth<T>(T sramFraction, T sramBytesPerSecond, T hbmBytesPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T>
    {
        Quantity.RequireWithin(sramFraction, 0, 1, nameof(sramFraction));
        var one = Quantity.Of<T>(1);
        var hbmSecondsPerByte = one / hbmBytesPerSecond;
        return one / (hbmSecondsPerByte - sramFraction * (hbmSecondsPerByte - one / sramBytesPerSecond));
    }

    /// <summary>
    /// §3.2 t_decode = max(W_active / B_eff, compute_floor) [s/token], with W_active [bytes], B_eff [bytes/s]
    /// and the compute floor [s/token] (default 0: decode purely bandwidth-bound).
    /// </summary>
    public static T DecodeSecondsPerToken<T>(T activeWeightBytes, T effectiveBytesPerSecond, T computeFloorSeconds = default)
        where T : struct, IMultiplyOperators<T, double, T>, IDivisionOperators<T, T, T> =>
        Quantity.Max(activeWeightBytes / effectiveBytesPerSecond, computeFloorSeconds);

    /// <summary>§3.2 tok/s_steady = (1 / t_decode) · batch_efficiency_factor [tokens/s].</summary>
    public static T SteadyTokensPerSecond<T>(T decodeSecondsPerToken, T batchEfficiencyFactor) where T : struct, IMultiplyOperators<T, double, T>, IDivisionOperators<T, T, T> =>
        batchEfficiencyFactor / decodeSecondsPerToken;

    /// <summary>
    /// §3.2 energy/token = P_system · t_decode / batch_effective [J/token], with P_system [W]: the power over the steady
    /// throughput batch_effective / t_decode, so energy per token is written once (<see cref="CalibratedBaselines.EnergyJoulesPerToken{T}(T, T)"/>).
    /// </summary>
    public static T EnergyJoulesPerToken<T>(T systemPowerWatts, T decodeSecondsPerToken, T batchEffective)
        where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        CalibratedBaselines.EnergyJoulesPerToken(systemPowerWatts, SteadyTokensPerSecond(decodeSecondsPerToken, batchEffective));

    /// <summary>
    /// §3.2 cost/M_tokens = (CapEx_amortized + OpEx) / (tok/s · seconds_in_period) · 1e6 [USD per million
    /// tokens], with both costs in USD over the same period and seconds_in_period the busy seconds.
    /// </summary>
    public static T CostUsdPerMillionTokens<T>(T capexUsdInPeriod, T opexUsdInPeriod, T tokensPerSecond, T secondsInPeriod)
        where T : struct, IMultiplyOperators<T, double, T>, IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        (capexUsdInPeriod + opexUsdInPeriod) / (tokensPerSecond * secondsInPeriod) * Quantity.Of<T>(TokensPerMillion);

    /// <summary>Busy seconds over a lifetime: L · 365 · 24 · 3600 · u [s] (the Appendix C denominator), L [years], u [fraction].</summary>
    public static T UtilizedSeconds<T>(T lifetimeYears, T utilization) where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T> =>
        lifetimeYears * Quantity.Of<T>(SecondsPerYear) * utilization;

    /// <summary>
    /// CapEx-only cost per million tokens [USD/M tokens] for capex C [USD] amortized over L [years] at
    /// utilization u and throughput t [tokens/s]: §3.2's cost with OpEx = 0 (the paper states no electricity or
    /// hosting price) and the Appendix C busy seconds; Appendix C step 2 and Table 2's "3yr, 80% util" row.
    /// </summary>
    public static T CapexCostUsdPerMillionTokens<T>(T capexUsd, T lifetimeYears, T utilization, T tokensPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        CostUsdPerMillionTokens(capexUsd, default, tokensPerSecond, UtilizedSeconds(lifetimeYears, utilization));

    /// <summary>The §3.2 model run backwards: the B_eff [bytes/s] a bandwidth-bound platform needs to decode <paramref name="tokensPerSecond"/> [tokens/s] single-stream when each token reads W_active = <paramref name="activeWeightBytes"/> [bytes].</summary>
    public static T RequiredBandwidth<T>(T activeWeightBytes, T tokensPerSecond) where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T> =>
        activeWeightBytes * tokensPerSecond;

    /// <summary>
    /// The whole §3.2 chain for one platform: bandwidth -> decode time -> throughput -> energy -> cost. B_eff
    /// from the SRAM-resident share, t_decode from W_active / B_eff (no compute floor), steady throughput with
    /// the batch efficiency factor, energy per token with batch_effective = the batch efficiency factor, and the
    /// CapEx-only cost per million tokens at that throughput.
    /// </summary>
    public static ProjectionChain<T> Chain<T>(ProjectionChainInputs<T> x)
        where T : struct, IMultiplyOperators<T, double, T>, IAdditionOperators<T, T, T>, ISubtractionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T>
    {
        var bandwidth = EffectiveBandwidth(x.SramFraction, x.SramBytesPerSecond, x.HbmBytesPerSecond);
        var decode = DecodeSecondsPerToken(x.ActiveWeightBytes, bandwidth);
        var tokens = SteadyTokensPerSecond(decode, x.BatchEfficiencyFactor);
        return new ProjectionChain<T>(x, bandwidth, decode, tokens,
            EnergyJoulesPerToken(x.SystemPowerWatts, decode, x.BatchEfficiencyFactor),
            CapexCostUsdPerMillionTokens(x.CapexUsd, x.LifetimeYears, x.Utilization, tokens));
    }
}

/// <summary>The inputs of the §3.2 chain for one platform (<see cref="ProjectionModel.Chain{T}"/>).</summary>
/// <param name="ActiveWeightBytes">W_active [bytes].</param>
/// <param name="SramFraction">Share of W_active resident in SRAM [fraction in [0, 1]].</param>
/// <param name="SramBytesPerSecond">SRAM bandwidth [bytes/s].</param>
/// <param name="HbmBytesPerSecond">HBM (off-chip) bandwidth [bytes/s].</param>
/// <param name="BatchEfficiencyFactor">batch_efficiency_factor [dimensionless, 1 for a single request].</param>
/// <param name="SystemPowerWatts">P_system [W].</param>
/// <param name="CapexUsd">CapEx of the platform [USD].</param>
/// <param name="LifetimeYears">Amortization period [years].</param>
/// <param name="Utilization">Busy share of the period [fraction].</param>
public readonly record struct ProjectionChainInputs<T>(T ActiveWeightBytes, T SramFraction, T SramBytesPerSecond, T HbmBytesPerSecond,
    T BatchEfficiencyFactor, T SystemPowerWatts, T CapexUsd, T LifetimeYears, T Utilization) where T : struct;

/// <summary>Every step of the §3.2 chain for one platform.</summary>
/// <param name="Inputs">The inputs.</param>
/// <param name="EffectiveBytesPerSecond">B_eff [bytes/s].</param>
/// <param name="DecodeSecondsPerToken">t_decode [s/token].</param>
/// <param name="SteadyTokensPerSecond">tok/s_steady [tokens/s].</param>
/// <param name="EnergyJoulesPerToken">Energy per token [J/token].</param>
/// <param name="CostUsdPerMillionTokens">CapEx-only cost [USD per million tokens].</param>
public readonly record struct ProjectionChain<T>(ProjectionChainInputs<T> Inputs, T EffectiveBytesPerSecond, T DecodeSecondsPerToken,
    T SteadyTokensPerSecond, T EnergyJoulesPerToken, T CostUsdPerMillionTokens) where T : struct;
