namespace ReproBundle;

/// <summary>
/// §2.1 "Memory-bandwidth wall in LLM decode": each generated token streams the active weights through the
/// compute fabric once, so a chip of bandwidth B cannot decode faster than t_min = P·b / B per token.
/// </summary>
public static class BandwidthBound
{
    /// <summary>Weight footprint W = P·b [bytes] of <paramref name="parameters"/> parameters at <paramref name="bytesPerParameter"/> bytes each.</summary>
    public static double WeightBytes(double parameters, double bytesPerParameter) => parameters * bytesPerParameter;

    /// <summary>Interval form of <see cref="WeightBytes(double, double)"/>.</summary>
    public static Interval WeightBytes(Interval parameters, Interval bytesPerParameter) => parameters * bytesPerParameter;

    /// <summary>
    /// §2.1 t_min = P·b / B [s/token]: the least time one token can take when the (active) parameters
    /// P [parameters] at b [bytes/parameter] stream over bandwidth B [bytes/s]. For a MoE pass P_active.
    /// </summary>
    public static double MinSecondsPerToken(double parameters, double bytesPerParameter, double bandwidthBytesPerSecond) =>
        WeightBytes(parameters, bytesPerParameter) / bandwidthBytesPerSecond;

    /// <summary>Interval form of <see cref="MinSecondsPerToken(double, double, double)"/> [s/token].</summary>
    public static Interval MinSecondsPerToken(Interval parameters, Interval bytesPerParameter, Interval bandwidthBytesPerSecond) =>
        WeightBytes(parameters, bytesPerParameter) / bandwidthBytesPerSecond;

    /// <summary>The ceiling 1 / t_min [tokens/s] on single-stream decode throughput implied by §2.1.</summary>
    public static double MaxTokensPerSecond(double parameters, double bytesPerParameter, double bandwidthBytesPerSecond) =>
        1 / MinSecondsPerToken(parameters, bytesPerParameter, bandwidthBytesPerSecond);

    /// <summary>Interval form of <see cref="MaxTokensPerSecond(double, double, double)"/> [tokens/s].</summary>
    public static Interval MaxTokensPerSecond(Interval parameters, Interval bytesPerParameter, Interval bandwidthBytesPerSecond) =>
        1 / MinSecondsPerToken(parameters, bytesPerParameter, bandwidthBytesPerSecond);
}
