using System.Numerics;

namespace ReproBundle;

/// <summary>
/// §2.1 "Memory-bandwidth wall in LLM decode": each generated token streams the active weights through the
/// compute fabric once, so a chip of bandwidth B cannot decode faster than t_min = P·b / B per token.
/// Every method serves a point (<see cref="double"/>) and a range (<see cref="Interval"/>) alike.
/// </summary>
public static class BandwidthBound
{
    /// <summary>§2.1 weight footprint W = P·b [bytes] of <paramref name="parameters"/> parameters at <paramref name="bytesPerParameter"/> bytes each.</summary>
    public static T WeightBytes<T>(T parameters, T bytesPerParameter) where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T> =>
        parameters * bytesPerParameter;

    /// <summary>
    /// §2.1 t_min = P·b / B [s/token]: the least time one token can take when the (active) parameters
    /// P [parameters] at b [bytes/parameter] stream over bandwidth B [bytes/s]. For a MoE pass P_active.
    /// </summary>
    public static T MinSecondsPerToken<T>(T parameters, T bytesPerParameter, T bandwidthBytesPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        WeightBytes(parameters, bytesPerParameter) / bandwidthBytesPerSecond;

    /// <summary>§2.1 the ceiling 1 / t_min [tokens/s] on single-stream decode throughput.</summary>
    public static T MaxTokensPerSecond<T>(T parameters, T bytesPerParameter, T bandwidthBytesPerSecond)
        where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        Quantity.Of<T>(1) / MinSecondsPerToken(parameters, bytesPerParameter, bandwidthBytesPerSecond);

    /// <summary>
    /// How many devices of <paramref name="capacityBytesPerDevice"/> [bytes] it takes to hold <paramref name="weightBytes"/>
    /// [bytes] ("memory residency": a model that does not fit one device needs several), ceil(W / capacity) [devices]:
    /// the fewest for the smallest footprint on the largest device, the most for the largest on the smallest.
    /// </summary>
    public static Interval DevicesToHold(Interval weightBytes, Interval capacityBytesPerDevice) =>
        new(Math.Ceiling(weightBytes.Lo / capacityBytesPerDevice.Hi), Math.Ceiling(weightBytes.Hi / capacityBytesPerDevice.Lo));
}
