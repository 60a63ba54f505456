namespace ReproBundle.Audit;

/// <summary>What a reading's value means for the verdict (docs/verdict-policy.md, "Readings").</summary>
public enum ReadingKind
{
    /// <summary>The reading computes the printed quantity itself; the claim's rule compares it with the printed value.</summary>
    Computes,

    /// <summary>
    /// The reading gives every value the stated inputs allow (interval arithmetic over independent ranges); a
    /// printed value inside it is <see cref="Verdict.Consistent"/>, since the paper does not say how it was formed.
    /// </summary>
    Envelope,

    /// <summary>The reading gives one central value (a ratio of midpoints); a printed range holding it is <see cref="Verdict.Consistent"/>.</summary>
    Central,

    /// <summary>
    /// The reading gives a floor: the part of a cost the paper prices (CapEx), before a part it names but does not price
    /// (OpEx, §3.2). A printed value below the floor differs; one at or above it at both ends is
    /// <see cref="Verdict.NotRecomputable"/>, since the unpriced part could make up the rest.
    /// </summary>
    Floor,
}

/// <summary>
/// One natural reading of a claim and its recomputed value (docs/verdict-policy.md). The verdict is taken on
/// the reading the claim declares in <c>claims.csv</c>; every reading is shown with its own verdict.
/// </summary>
/// <param name="Name">Short name of the reading, e.g. "matching ends" or "interval arithmetic".</param>
/// <param name="Value">The recomputed value in the claim's unit.</param>
/// <param name="Detail">The computation in words, formatted from the values used.</param>
/// <param name="Kind">How the value is compared with the printed one.</param>
public sealed record Reading(string Name, Interval Value, string Detail, ReadingKind Kind = ReadingKind.Computes)
{
    /// <summary>
    /// The shared quantities this reading reads, each with the reading it takes
    /// (<c>quantity=reading</c>, e.g. <c>table2.h100_baseline=one-gpu</c>); see <see cref="VerdictPolicy.QuantityReadings"/>.
    /// </summary>
    public IReadOnlyList<string> Assumes { get; init; } = [];
}
