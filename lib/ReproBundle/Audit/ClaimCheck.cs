namespace ReproBundle.Audit;

/// <summary>
/// What a check recomputed for one claim: a value (an interval, a point, or 1/0 for a statement that holds
/// or not), how to show it, and how it was computed. A null <see cref="Value"/> means the claim cannot be
/// recomputed from what the paper gives; <see cref="Detail"/> then says what is missing.
/// </summary>
/// <param name="Value">The recomputed value in the claim's unit, or null.</param>
/// <param name="Detail">The computation in words and numbers, e.g. "700 W / 28-35 tok/s".</param>
public sealed record ClaimComputation(Interval? Value, string Detail)
{
    /// <summary>A claim the paper's data cannot settle; <paramref name="missing"/> says what is missing.</summary>
    public static ClaimComputation Missing(string missing) => new(null, missing);

    /// <summary>A yes/no statement: 1 when it holds, 0 when it does not.</summary>
    public static ClaimComputation Holds(bool holds, string detail) => new(Interval.Point(holds ? 1 : 0), detail);
}

/// <summary>Recomputes one claim of <c>data/claims.csv</c> from the loaded data, through the library.</summary>
public delegate ClaimComputation ClaimCheck();

/// <summary>
/// A set of claim checks keyed by claim id. The core checks live in <see cref="CoreClaimChecks"/>; other parts
/// of the bundle (the registry's taxonomy, the uncertainty analysis) add their own providers.
/// </summary>
public interface IClaimCheckProvider
{
    /// <summary>The checks this provider knows, by claim id.</summary>
    IReadOnlyDictionary<string, ClaimCheck> Checks { get; }
}
