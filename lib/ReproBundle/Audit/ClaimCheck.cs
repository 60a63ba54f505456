namespace ReproBundle.Audit;

/// <summary>
/// What a check recomputed for one claim: its readings (the first is the primary one), or nothing when the
/// claim cannot be recomputed from what the paper gives (<see cref="Detail"/> then says what is missing).
/// </summary>
/// <param name="Value">The primary reading's value in the claim's unit, or null.</param>
/// <param name="Detail">The primary reading's computation in words and numbers, formatted from the values used.</param>
public sealed record ClaimComputation(Interval? Value, string Detail)
{
    /// <summary>Further natural readings of the claim, shown after the primary one (docs/verdict-policy.md).</summary>
    public IReadOnlyList<Reading> Alternatives { get; init; } = [];

    /// <summary>Name of the primary reading ("as stated" unless the check names it).</summary>
    public string PrimaryName { get; init; } = "as stated";

    /// <summary>How the primary reading is compared (<see cref="ReadingKind.Computes"/> unless the check says otherwise).</summary>
    public ReadingKind PrimaryKind { get; init; } = ReadingKind.Computes;

    /// <summary>Shared quantities the primary reading reads (<c>quantity=reading</c>).</summary>
    public IReadOnlyList<string> PrimaryAssumes { get; init; } = [];

    /// <summary>
    /// Non-empty when the result rests on an assumption the bundle makes and the paper does not (rubric scores,
    /// a prior's shape): the verdict is then <see cref="Verdict.NotRecomputable"/> with the bundle's result as a note.
    /// </summary>
    public string BundleAssumption { get; init; } = "";

    /// <summary>Every reading, the primary one first; empty when not recomputable.</summary>
    public IReadOnlyList<Reading> Readings => Value is { } v
        ? [new Reading(PrimaryName, v, Detail, PrimaryKind) { Assumes = PrimaryAssumes }, .. Alternatives]
        : [];

    /// <summary>A claim the paper's data cannot settle; <paramref name="missing"/> says what is missing.</summary>
    public static ClaimComputation Missing(string missing) => new(null, missing);

    /// <summary>A yes/no statement: 1 when it holds, 0 when it does not.</summary>
    public static ClaimComputation Holds(bool holds, string detail) => new(Interval.Point(holds ? 1 : 0), detail);
}

/// <summary>Recomputes one claim of <c>data/claims.csv</c> from the loaded data, through the library.</summary>
public delegate ClaimComputation ClaimCheck();

/// <summary>
/// A set of claim checks keyed by claim id: one provider per section of the paper in lib/ReproBundle/Audit/Sections/
/// (<see cref="CoreClaimChecks"/> gathers those that need only data/), plus the registry's, the Monte Carlo's and the figures'.
/// </summary>
public interface IClaimCheckProvider
{
    /// <summary>The checks this provider knows, by claim id.</summary>
    IReadOnlyDictionary<string, ClaimCheck> Checks { get; }
}
