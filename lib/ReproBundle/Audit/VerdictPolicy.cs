using System.Globalization;
using ReproBundle.Data;

namespace ReproBundle.Audit;

/// <summary>The outcome of comparing one reading of a claim with the printed value.</summary>
/// <param name="Reading">The reading.</param>
/// <param name="Verdict">Its verdict under the policy.</param>
/// <param name="Why">The comparison in words ("lies inside the printed range", "differs from the printed 15-50 by 18 x (36%)").</param>
/// <param name="Eligible">False when the reading reads a shared quantity differently from the rest of the audit.</param>
public sealed record ReadingOutcome(Reading Reading, Verdict Verdict, string Why, bool Eligible);

/// <summary>
/// The audit's verdict policy (docs/verdict-policy.md), applied in one place: the tolerance a printed value
/// allows, the verdict of one reading, the choice among readings, and the consistency of shared quantities.
/// </summary>
public static class VerdictPolicy
{
    /// <summary>
    /// Relative band allowed around a value the paper marks as approximate ("~", "≈", "about", "est.",
    /// "roughly"): 10% of the printed value, or half a unit in the last printed digit when that is larger.
    /// </summary>
    public const double ApproximateRelativeBand = 0.10;

    /// <summary>Words and signs that mark a printed value as approximate (matched case-insensitively in the printed text).</summary>
    public static readonly IReadOnlyList<string> ApproximateMarkers = ["~", "≈", "about", "est.", "roughly", "approx"];

    /// <summary>
    /// How the audit reads each quantity that several claims read (docs/verdict-policy.md, "Consistency"): a
    /// reading that takes a quantity another way is shown but never chosen. Key: quantity; value: its reading.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> QuantityReadings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Table 1 lists the H100 as one chip at $30 K, and Table 2's cost column is that one GPU's; the paper never
        // says the baseline is several GPUs (finding F-H100-BASELINE says why the throughput column needs them).
        ["table2.h100_baseline"] = "one-gpu",
        // One batch regime, one residency rule and one OpEx rule for the H100 and the ASIC alike (docs/verdict-policy.md, section 7).
        ["batch_regime"] = "single-request",
        ["memory_residency"] = "every-weight",
        ["opex"] = "capex-floor",
    };

    /// <summary>True when the printed text carries one of <see cref="ApproximateMarkers"/>.</summary>
    public static bool IsApproximate(string printedText) =>
        ApproximateMarkers.Any(m => printedText.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Half a unit in the last significant digit of a printed number: "27" gives 0.5, "0.20" 0.005, "12000" 500
    /// (trailing zeros of an integer are not significant), "0" 0.5.
    /// </summary>
    public static double HalfUnitInLastDigit(string printedNumber)
    {
        var s = printedNumber.Trim().Replace(",", "", StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0) return 0.5 * Math.Pow(10, -(s.Length - dot - 1));
        var digits = s.TrimStart('+');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) throw new FormatException($"'{printedNumber}' is not a printed number");
        int zeros = digits.Length - digits.TrimEnd('0').Length;
        if (zeros == digits.Length) zeros = 0;
        return 0.5 * Math.Pow(10, zeros);
    }

    /// <summary>The printed ends of a claim as text ("15" and "50" for "15-50"): <see cref="Claim.PrintedEnds"/>.</summary>
    public static (string Lo, string Hi) PrintedEnds(Claim claim) => claim.PrintedEnds();

    /// <summary>
    /// The tolerance at each printed end: zero for <c>exact</c>; half a unit in the last printed digit (or the
    /// explicit <c>dp:N</c>/<c>sig:N</c>); for an approximate value the larger of that and <see cref="ApproximateRelativeBand"/>.
    /// </summary>
    public static (double Lo, double Hi) Tolerance(Claim claim)
    {
        if (claim.Rounding.Kind == "exact") return (0, 0);
        var (loText, hiText) = PrintedEnds(claim);
        double Half(string text, double value) => claim.Rounding.Kind switch
        {
            "dp" => 0.5 * Math.Pow(10, -claim.Rounding.Digits),
            "sig" => value == 0 ? 0 : 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(value))) - claim.Rounding.Digits + 1),
            _ => HalfUnitInLastDigit(text),
        };
        var approximate = IsApproximate(claim.PublishedText);
        double End(string text, double value) => Math.Max(Half(text, value), approximate ? ApproximateRelativeBand * Math.Abs(value) : 0);
        return (End(loText, claim.Published.Lo), End(hiText, claim.Published.Hi));
    }

    /// <summary>Words for the tolerance: "half a unit in the last printed digit (±0.5)" or "printed as approximate: ±10% (±2.7)".</summary>
    public static string DescribeTolerance(Claim claim)
    {
        var (lo, hi) = Tolerance(claim);
        var amount = lo == hi ? $"±{Quantity.Text(lo)}" : $"±{Quantity.Text(lo)} and ±{Quantity.Text(hi)}";
        if (claim.Rounding.Kind == "exact") return "exact (a count, threshold or statement)";
        return IsApproximate(claim.PublishedText)
            ? $"printed as approximate: the larger of ±{Quantity.Text(100 * ApproximateRelativeBand)}% and half a unit in the last printed digit ({amount})"
            : $"half a unit in the last printed digit ({amount})";
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    /// <summary>
    /// A distance inside a tolerance: strictly less than it (a value exactly half a unit away could round either way,
    /// so it is not taken as the printed value), or equal to zero.
    /// </summary>
    private static bool Within(double distance, double tolerance) => distance == 0 || distance < tolerance * (1 - 1e-12);

    /// <summary>Judges one reading of <paramref name="claim"/> under the claim's rule and the policy's tolerance.</summary>
    public static ReadingOutcome Judge(Claim claim, Reading reading)
    {
        var eligible = reading.Assumes.All(a =>
        {
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new InvalidOperationException($"reading '{reading.Name}' of {claim.ClaimId}: '{a}' is not quantity=reading");
            return !QuantityReadings.TryGetValue(a[..eq], out var fixedReading) || fixedReading == a[(eq + 1)..];
        });
        var (verdict, why) = Compare(claim, reading);
        return new ReadingOutcome(reading, verdict, why, eligible);
    }

    private static (Verdict, string) Compare(Claim claim, Reading reading) => reading.Kind switch
    {
        ReadingKind.Envelope when claim.Rule is ClaimRule.Equal or ClaimRule.Contains => CompareEnvelope(claim, reading.Value),
        ReadingKind.Central when claim.Rule is ClaimRule.Equal or ClaimRule.Contains => CompareCentral(claim, reading.Value),
        ReadingKind.Floor => CompareFloor(claim, reading.Value),
        _ => CompareByRule(claim, reading.Value),
    };

    /// <summary>An envelope: consistent when the printed value lies inside it and it is no wider than the bound (section 4 of the policy).</summary>
    private static (Verdict, string) CompareEnvelope(Claim claim, Interval v)
    {
        var p = claim.Published;
        var (tLo, tHi) = Tolerance(claim);
        string N(double x) => Quantity.Text(x);
        if (v.Lo - tLo <= p.Lo && p.Hi <= v.Hi + tHi)
        {
            var (width, bound) = EnvelopeWidth(claim, v);
            if (width > bound)
            {
                return (Verdict.NotRecomputable, $"the stated inputs allow anything from {claim.WithUnit(N(v.Lo))} to {claim.WithUnit(N(v.Hi))} " +
                    $"(width {WidthText(width)} against at most {WidthText(bound)}, twice the printed {claim.PublishedText}'s own), so agreement with it " +
                        $"says nothing");
            }
            return (Verdict.Consistent, $"the printed {claim.PublishedText} lies within the {claim.WithUnit(Quantity.Text(v))} the stated inputs allow " +
                $"(central value {claim.WithUnit(N(Central(v)))}, width {WidthText(width)}, at most {WidthText(bound)} allowed)");
        }
        var outside = Math.Max(v.Lo - p.Lo, p.Hi - v.Hi);
        return (Verdict.Differs, $"the printed {claim.PublishedText} reaches {claim.WithUnit(N(outside))} beyond the {claim.WithUnit(Quantity.Text(v))} " +
            $"the stated inputs allow");
    }

    /// <summary>A central value: consistent when the printed range (with its tolerance) holds it.</summary>
    private static (Verdict, string) CompareCentral(Claim claim, Interval v)
    {
        var p = claim.Published;
        var (tLo, tHi) = Tolerance(claim);
        string N(double x) => Quantity.Text(x);
        if (p.Lo - tLo <= v.Lo && v.Hi <= p.Hi + tHi)
            return (Verdict.Consistent, $"the central value {claim.WithUnit(Quantity.Text(v))} lies inside the printed {claim.PublishedText}");
        var gap = Math.Max(p.Lo - v.Hi, v.Lo - p.Hi);
        return (Verdict.Differs, $"the central value {claim.WithUnit(Quantity.Text(v))} lies {claim.WithUnit(N(gap))} outside the printed " +
            $"{claim.PublishedText}");
    }

    /// <summary>A CapEx floor under an unpriced OpEx: below it differs, at or above it at both ends is not recomputable.</summary>
    private static (Verdict, string) CompareFloor(Claim claim, Interval v)
    {
        var p = claim.Published;
        var (tLo, tHi) = Tolerance(claim);
        string N(double x) => Quantity.Text(x);
        var tol = DescribeTolerance(claim);
        if (p.Lo + tLo >= v.Lo && p.Hi + tHi >= v.Hi)
        {
            return (Verdict.NotRecomputable, $"the printed {claim.PublishedText} is at or above the floor {claim.WithUnit(Quantity.Text(v))} at both ends; " +
                "the part the paper names but does not price could make up the rest");
        }
        var below = Math.Max(v.Lo - p.Lo, v.Hi - p.Hi);
        return (Verdict.Differs, $"the printed {claim.PublishedText} reaches {claim.WithUnit(N(below))} below the floor {claim.WithUnit(Quantity.Text(v))}, " +
            $"and a cost the paper does not price can only add, beyond {tol}");
    }

    /// <summary>A reading that computes the printed quantity, compared by the claim's rule at the policy's tolerance.</summary>
    private static (Verdict, string) CompareByRule(Claim claim, Interval v)
    {
        var p = claim.Published;
        var (tLo, tHi) = Tolerance(claim);
        string N(double x) => Quantity.Text(x);
        string Pct(double delta, double of) => of == 0 ? "" : $" ({N(100 * delta / Math.Abs(of))}%)";
        var tol = DescribeTolerance(claim);
        switch (claim.Rule)
        {
            case ClaimRule.Equal:
            {
                if (Close(v.Lo, p.Lo) && Close(v.Hi, p.Hi)) return (Verdict.Reproduces, "equals the printed value");
                double dLo = Math.Abs(v.Lo - p.Lo), dHi = Math.Abs(v.Hi - p.Hi);
                if (Within(dLo, tLo) && Within(dHi, tHi))
                    return (Verdict.WithinRounding, $"within the printed {claim.PublishedText} at {tol}");
                var (delta, of) = dLo - tLo >= dHi - tHi ? (dLo, p.Lo) : (dHi, p.Hi);
                return (Verdict.Differs, $"differs from the printed {claim.PublishedText} by {claim.WithUnit(N(delta))}{Pct(delta, of)}, beyond {tol}");
            }
            case ClaimRule.Contains:
            {
                if (p.Contains(v)) return (Verdict.Reproduces, "lies inside the printed range");
                if (Within(Math.Max(0, p.Lo - v.Lo), tLo) && Within(Math.Max(0, v.Hi - p.Hi), tHi)) return (Verdict.WithinRounding, $"lies inside the " +
                    $"printed range at {tol}");
                double below = Math.Max(0, p.Lo - v.Lo), above = Math.Max(0, v.Hi - p.Hi);
                return (Verdict.Differs, below >= above
                    ? $"reaches {claim.WithUnit(N(below))} below the printed low end {N(p.Lo)}{Pct(below, p.Lo)}, beyond {tol}"
                    : $"reaches {claim.WithUnit(N(above))} above the printed high end {N(p.Hi)}{Pct(above, p.Hi)}, beyond {tol}");
            }
            case ClaimRule.AtLeast:
            {
                if (v.Lo >= p.Hi) return (Verdict.Reproduces, $"at least {claim.WithUnit(N(p.Hi))}");
                if (Within(p.Hi - v.Lo, tHi)) return (Verdict.WithinRounding, $"at least {claim.WithUnit(N(p.Hi))} at {tol}");
                var gap = p.Hi - v.Lo;
                return (Verdict.Differs, $"falls {claim.WithUnit(N(gap))} short of {claim.WithUnit(N(p.Hi))}{Pct(gap, p.Hi)}");
            }
            case ClaimRule.AtMost:
            {
                if (v.Hi <= p.Lo) return (Verdict.Reproduces, $"at most {claim.WithUnit(N(p.Lo))}");
                if (Within(v.Hi - p.Lo, tLo)) return (Verdict.WithinRounding, $"at most {claim.WithUnit(N(p.Lo))} at {tol}");
                var gap = v.Hi - p.Lo;
                return (Verdict.Differs, $"exceeds {claim.WithUnit(N(p.Lo))} by {claim.WithUnit(N(gap))}{Pct(gap, p.Lo)}");
            }
            case ClaimRule.GreaterThan:
                return v.Lo > p.Hi
                    ? (Verdict.Reproduces, $"every value is above {claim.WithUnit(N(p.Hi))}")
                    : (Verdict.Differs, $"the lowest value {claim.WithUnit(N(v.Lo))} is not above {claim.WithUnit(N(p.Hi))}");
            case ClaimRule.Holds:
                return v.Lo == 1 ? (Verdict.Reproduces, "the statement holds") : (Verdict.Differs, "the statement does not hold");
            default:
                throw new ArgumentOutOfRangeException(nameof(claim), claim.Rule, "unknown rule");
        }
    }

    /// <summary>
    /// Bound on an envelope's width relative to the printed value's own width (docs/verdict-policy.md, "Verdicts that
    /// could have failed"): at most twice it, on a log scale for positive values. Then a printed range of its width,
    /// placed anywhere it overlaps the envelope, would lie inside only one time in three or less.
    /// </summary>
    public const double EnvelopeWidthBound = 2.0;

    /// <summary>
    /// Width of a range: ln(hi / lo) when both ends are positive (a ratio spans orders of magnitude), else hi - lo
    /// over the magnitude of its larger end.
    /// </summary>
    public static double Width(double lo, double hi) => lo > 0 ? Math.Log(hi / lo) : (hi - lo) / Math.Max(Math.Abs(hi), Math.Abs(lo));

    /// <summary>The envelope's width and the bound it must not exceed: <see cref="EnvelopeWidthBound"/> times the printed value's width with its
    /// tolerance.</summary>
    public static (double Width, double Bound) EnvelopeWidth(Claim claim, Interval envelope)
    {
        var (tLo, tHi) = Tolerance(claim);
        var printedLo = claim.Published.Lo - tLo;
        var printed = printedLo > 0 && envelope.Lo > 0 ? Width(printedLo, claim.Published.Hi + tHi) : Width(Math.Min(printedLo, 0), claim.Published.Hi + tHi);
        return (envelope.Lo > 0 && printedLo > 0 ? Width(envelope.Lo, envelope.Hi) : Width(Math.Min(envelope.Lo, 0), envelope.Hi),
            EnvelopeWidthBound * printed);
    }

    /// <summary>A range's central value: the geometric midpoint of a positive range, else the arithmetic one.</summary>
    public static double Central(Interval v) => v.Lo > 0 ? Math.Sqrt(v.Lo * v.Hi) : v.Midpoint;

    /// <summary>A width as a factor (e^w, "x4.44") for a log width.</summary>
    private static string WidthText(double logWidth) => $"x{Quantity.Text(Math.Exp(logWidth))}";

    /// <summary>
    /// Order of verdicts from best to worst: reproduces, within-rounding, consistent, not-recomputable, differs. A
    /// sentence's verdict is the worst of its parts' (<see cref="Combine"/>).
    /// </summary>
    public static int Rank(Verdict v) => v switch
    {
        Verdict.Reproduces => 0,
        Verdict.WithinRounding => 1,
        Verdict.Consistent => 2,
        Verdict.NotRecomputable => 3,
        Verdict.Differs => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };

    /// <summary>
    /// The verdict of a sentence with several parts, decided in advance: it differs if any part differs, is not
    /// recomputable if any part is not (and none differs), and otherwise takes the weakest pass of its parts.
    /// </summary>
    public static Verdict Combine(IEnumerable<Verdict> parts) => parts.MaxBy(Rank);

    /// <summary>
    /// The verdict-bearing reading: the one <paramref name="claim"/> declares (column <c>reading</c> of
    /// <c>claims.csv</c>), or the only one. It never depends on which reading passes. A declared reading the check
    /// does not compute, several readings and none declared, or a declared reading that takes a shared quantity
    /// another way than the audit, are data errors naming the row.
    /// </summary>
    public static ReadingOutcome Choose(Claim claim, IReadOnlyList<ReadingOutcome> outcomes)
    {
        if (claim.DeclaredReading.Length == 0)
        {
            if (outcomes.Count == 1) return outcomes[0];
            throw new Data.BundleInputException(claim.Origin, $"column 'reading': claim '{claim.ClaimId}' has {outcomes.Count} readings " +
                $"({string.Join(", ", outcomes.Select(o => o.Reading.Name))}); declare the one the audit takes and the paper's words for it");
        }
        var chosen = outcomes.FirstOrDefault(o => o.Reading.Name == claim.DeclaredReading)
            ?? throw new Data.BundleInputException(claim.Origin, $"column 'reading': claim '{claim.ClaimId}' declares '{claim.DeclaredReading}', " +
                $"which its check does not compute ({string.Join(", ", outcomes.Select(o => o.Reading.Name))})");
        if (!chosen.Eligible)
        {
            throw new Data.BundleInputException(claim.Origin, $"column 'reading': claim '{claim.ClaimId}' declares '{claim.DeclaredReading}', " +
                "which reads a shared quantity another way than the audit (VerdictPolicy.QuantityReadings)");
        }
        return chosen;
    }

    /// <summary>
    /// Claims that read one shared quantity two ways on their verdict-bearing readings: one line per quantity read
    /// more than one way, naming the claims. Rows that differ or are not recomputable read nothing.
    /// </summary>
    public static IReadOnlyList<string> ConflictingReadings(IEnumerable<AuditRow> rows)
    {
        var uses = rows.Where(r => r.Verdict is not (Verdict.Differs or Verdict.NotRecomputable))
            .SelectMany(r => r.Assumes.Select(a => (claim: r.ClaimId, quantity: a[..a.IndexOf('=', StringComparison.Ordinal)], reading: a[(a.IndexOf('=',
                StringComparison.Ordinal) + 1)..])));
        return uses.GroupBy(u => u.quantity, StringComparer.Ordinal)
            .Where(g => g.Select(u => u.reading).Distinct(StringComparer.Ordinal).Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: " + string.Join("; ", g.GroupBy(u => u.reading, StringComparer.Ordinal)
                .Select(r => $"{r.Key} in {string.Join(", ", r.Select(u => u.claim))}")))
            .ToList();
    }
}
