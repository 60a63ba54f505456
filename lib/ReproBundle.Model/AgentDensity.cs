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
/// per $1M of amortized hardware CapEx.
/// </summary>
public static class AgentDensity
{
    /// <summary>Dollars in the "$1 M" of the definition.</summary>
    public const double MillionUsd = 1e6;

    /// <summary>Appendix C step 1: hourly amortized CapEx per node, C / (L·365·24) [USD/hour].</summary>
    public static double HourlyCapexUsd(double capexUsd, double lifetimeYears) => capexUsd / (lifetimeYears * ProjectionModel.HoursPerYear);

    /// <summary>Appendix C step 2: cost per million tokens, C / (L·365·24·3600·u·t) · 1e6 [USD/M tokens].</summary>
    public static double CostUsdPerMillionTokens(double capexUsd, double lifetimeYears, double utilization, double tokensPerSecond) =>
        ProjectionModel.CostUsdPerMillionTokens(capexUsd, 0, tokensPerSecond, ProjectionModel.UtilizedSeconds(lifetimeYears, utilization));

    /// <summary>Appendix C step 3: streams per node, t / r [streams].</summary>
    public static double StreamsPerNode(double tokensPerSecond, double streamTokensPerSecond) => tokensPerSecond / streamTokensPerSecond;

    /// <summary>Appendix C step 4: D = (1e6 / C) · (t / r) [streams per $1M].</summary>
    public static double DensityPerMillionUsd(double capexUsd, double tokensPerSecond, double streamTokensPerSecond) =>
        MillionUsd / capexUsd * StreamsPerNode(tokensPerSecond, streamTokensPerSecond);

    /// <summary>Appendix C step 5, "adjust for utilization": D · u [streams per $1M].</summary>
    public static double DensityAtUtilization(double density, double utilization) => density * utilization;

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
    /// D · u over ranged inputs [streams per $1M], by interval arithmetic: (1e6 / C) · (t / r) · u.
    /// </summary>
    public static Interval DensityAtUtilization(Interval capexUsd, Interval utilization, Interval tokensPerSecond, Interval streamTokensPerSecond) =>
        MillionUsd / capexUsd * (tokensPerSecond / streamTokensPerSecond) * utilization;

    /// <summary>
    /// The tokens/s t a node must sustain for D · u to equal <paramref name="densityAtUtilization"/>, the
    /// other inputs held: t = D_u · r · C / (1e6 · u). Used to show what a printed density range implies.
    /// </summary>
    public static double ImpliedTokensPerSecond(double densityAtUtilization, double capexUsd, double utilization, double streamTokensPerSecond) =>
        densityAtUtilization * streamTokensPerSecond * capexUsd / (MillionUsd * utilization);

    /// <summary>Streams a deployment of <paramref name="deploymentUsd"/> supports at density D [streams per $1M].</summary>
    public static Interval StreamsForDeployment(Interval densityPerMillionUsd, double deploymentUsd) => densityPerMillionUsd * (deploymentUsd / MillionUsd);
}
