using System.Numerics;

namespace ReproBundle;

/// <summary>
/// The Appendix C inputs for one node type (§4.2 "Agent density").
/// </summary>
/// <param name="CapexUsd">C, CapEx of one node [USD].</param>
/// <param name="LifetimeYears">L, hardware lifetime [years].</param>
/// <param name="Utilization">u, average utilization [fraction in (0, 1]].</param>
/// <param name="TokensPerSecond">t, sustained tokens/s per node, single stream [tokens/s].</param>
/// <param name="StreamTokensPerSecond">r, tokens/s consumed by one active stream [tokens/s].</param>
public readonly record struct AgentDensityInputs(double CapexUsd, double LifetimeYears, double Utilization, double TokensPerSecond, double StreamTokensPerSecond)
{
    /// <summary>Null when every input is in its domain, else the first violation as "name: reason".</summary>
    public string? Violation() =>
        !(CapexUsd > 0) ? $"capex_usd: {CapexUsd} must be greater than 0"
        : !(LifetimeYears > 0) ? $"lifetime_years: {LifetimeYears} must be greater than 0"
        : !(Utilization > 0 && Utilization <= 1) ? $"utilization: {Utilization} must lie in (0, 1]"
        : !(TokensPerSecond > 0) ? $"tok_s: {TokensPerSecond} must be greater than 0"
        : !(StreamTokensPerSecond > 0) ? $"stream_tok_s: {StreamTokensPerSecond} must be greater than 0"
        : null;
}

/// <summary>Every intermediate of the Appendix C derivation for one node type.</summary>
/// <param name="Inputs">The inputs the steps were computed from.</param>
/// <param name="HourlyCapexUsd">C / (L·365·24) [USD/hour].</param>
/// <param name="CostUsdPerMillionTokens">C / (L·365·24·3600·u·t) · 1e6 [USD per million tokens].</param>
/// <param name="StreamsPerNode">t / r [streams].</param>
/// <param name="DensityPerMillionUsd">D = (1e6 / C) · (t / r) [streams per $1M CapEx].</param>
/// <param name="DensityPerMillionUsdAtUtilization">D · u [streams per $1M CapEx], "adjust for utilization".</param>
public readonly record struct AgentDensitySteps(AgentDensityInputs Inputs, double HourlyCapexUsd, double CostUsdPerMillionTokens,
    double StreamsPerNode, double DensityPerMillionUsd, double DensityPerMillionUsdAtUtilization);

/// <summary>
/// §4.2 and Appendix C "Agent-density derivation": D, the number of concurrent inference streams sustainable
/// per $1M of amortized hardware CapEx. Every step serves a point (<see cref="double"/>) and a range
/// (<see cref="Interval"/>) alike.
/// </summary>
public static class AgentDensity
{
    /// <summary>Dollars in the "$1 M" of the definition [USD].</summary>
    public const double MillionUsd = 1e6;

    /// <summary>
    /// The conclusion's threshold on D_ASIC / D_H100 [x]: Appendix C Sensitivity "Even at this pessimistic case the
    /// ratio remains &gt;10x", §10 O2 "D ratios remain &gt;10x".
    /// </summary>
    public const double ConclusionRatioThreshold = 10;

    /// <summary>
    /// Appendix C Sensitivity and §10 O2, O5: the density ratio D_ASIC / D_H100 [x] of two densities at utilization
    /// [streams per $1M], the ratio the paper's ">10x" conclusion is about.
    /// </summary>
    public static T DensityRatio<T>(T asicDensityAtUtilization, T h100DensityAtUtilization) where T : struct, IDivisionOperators<T, T, T> =>
        asicDensityAtUtilization / h100DensityAtUtilization;

    /// <summary>The density ratio D_ASIC·u / D_H100·u [x] of two Appendix C node types (<see cref="DensityRatio{T}(T, T)"/>).</summary>
    public static double DensityRatio(AgentDensityInputs asic, AgentDensityInputs h100) =>
        DensityRatio(Derive(asic).DensityPerMillionUsdAtUtilization, Derive(h100).DensityPerMillionUsdAtUtilization);

    /// <summary>Appendix C step 1: hourly amortized CapEx per node, C / (L·365·24) [USD/hour], C [USD], L [years].</summary>
    public static T HourlyCapexUsd<T>(T capexUsd, T lifetimeYears) where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        capexUsd / (lifetimeYears * Quantity.Of<T>(ProjectionModel.HoursPerYear));

    /// <summary>
    /// Appendix C step 2: cost per million tokens, C / (L·365·24·3600·u·t) · 1e6 [USD/M tokens]: the §3.2 cost
    /// (<see cref="ProjectionModel.CapexCostUsdPerMillionTokens{T}"/>), written there once.
    /// </summary>
    public static T CostUsdPerMillionTokens<T>(T capexUsd, T lifetimeYears, T utilization, T tokensPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        ProjectionModel.CapexCostUsdPerMillionTokens(capexUsd, lifetimeYears, utilization, tokensPerSecond);

    /// <summary>Appendix C step 3: streams per node, t / r [streams], t and r [tokens/s].</summary>
    public static T StreamsPerNode<T>(T tokensPerSecond, T streamTokensPerSecond) where T : struct, IMultiplyOperators<T, double, T>, IDivisionOperators<T, T, T> =>
        tokensPerSecond / streamTokensPerSecond;

    /// <summary>Appendix C step 4: D = (1e6 / C) · (t / r) [streams per $1M].</summary>
    public static T DensityPerMillionUsd<T>(T capexUsd, T tokensPerSecond, T streamTokensPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        Quantity.Of<T>(MillionUsd) / capexUsd * StreamsPerNode(tokensPerSecond, streamTokensPerSecond);

    /// <summary>Appendix C step 5, "adjust for utilization": D · u [streams per $1M].</summary>
    public static T DensityAtUtilization<T>(T density, T utilization) where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T> => density * utilization;

    /// <summary>Appendix C steps 4 and 5 in one: (1e6 / C) · (t / r) · u [streams per $1M].</summary>
    public static T DensityAtUtilization<T>(T capexUsd, T utilization, T tokensPerSecond, T streamTokensPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        DensityAtUtilization(DensityPerMillionUsd(capexUsd, tokensPerSecond, streamTokensPerSecond), utilization);

    /// <summary>Walks all five steps for one node type; throws <see cref="ArgumentException"/> on an input outside its domain.</summary>
    public static AgentDensitySteps Derive(AgentDensityInputs x)
    {
        if (x.Violation() is { } v) throw new ArgumentException(v);
        double d = DensityPerMillionUsd(x.CapexUsd, x.TokensPerSecond, x.StreamTokensPerSecond);
        return new AgentDensitySteps(x,
            HourlyCapexUsd(x.CapexUsd, x.LifetimeYears),
            CostUsdPerMillionTokens(x.CapexUsd, x.LifetimeYears, x.Utilization, x.TokensPerSecond),
            StreamsPerNode(x.TokensPerSecond, x.StreamTokensPerSecond),
            d,
            DensityAtUtilization(d, x.Utilization));
    }

    /// <summary>
    /// Appendix C step 5 solved for t: the tokens/s a node must sustain for D · u to equal
    /// <paramref name="densityAtUtilization"/>, the other inputs held: t = D_u · r · C / (1e6 · u) [tokens/s].
    /// Used to show what a printed density range implies.
    /// </summary>
    public static double ImpliedTokensPerSecond(double densityAtUtilization, double capexUsd, double utilization, double streamTokensPerSecond) =>
        densityAtUtilization * streamTokensPerSecond * capexUsd / (MillionUsd * utilization);

    /// <summary>Appendix C "Interpretation": streams a deployment of <paramref name="deploymentUsd"/> [USD] supports at density D [streams per $1M].</summary>
    public static T StreamsForDeployment<T>(T densityPerMillionUsd, double deploymentUsd) where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T> =>
        densityPerMillionUsd * Quantity.Of<T>(deploymentUsd / MillionUsd);
}
