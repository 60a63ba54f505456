using System.Globalization;
using System.Numerics;

namespace ReproBundle;

/// <summary>
/// A closed interval [Lo, Hi] of real numbers: the paper's ranges ("15-25", "300-800") and the results of
/// pushing them through its equations. A single printed value is the degenerate interval [v, v].
/// </summary>
/// <remarks>
/// Arithmetic is ordinary interval arithmetic: every result contains every value the operation can take
/// when each operand ranges independently over its interval. That is the honest reading of two
/// independently stated ranges; where the paper pairs range ends instead (low with low), callers say so
/// explicitly with <see cref="PairEnds"/>.
/// The arithmetic operator interfaces (scaling by a double included, which is what keeps integers out) let every equation of the model be written once, generically, for
/// <see cref="double"/> (a point) and <see cref="Interval"/> (a range) alike (see <see cref="Quantity"/>).
/// </remarks>
public readonly record struct Interval :
    IAdditionOperators<Interval, Interval, Interval>, ISubtractionOperators<Interval, Interval, Interval>,
    IMultiplyOperators<Interval, Interval, Interval>, IDivisionOperators<Interval, Interval, Interval>,
    IMultiplyOperators<Interval, double, Interval>
{
    /// <summary>The lower end (inclusive).</summary>
    public double Lo { get; }

    /// <summary>The upper end (inclusive).</summary>
    public double Hi { get; }

    /// <summary>Creates [lo, hi]; throws when an end is not finite or lo &gt; hi.</summary>
    public Interval(double lo, double hi)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi))
        {
            throw new ArgumentException($"interval ends must be finite numbers, got {lo} and {hi}");
        }
        if (lo > hi)
        {
            throw new ArgumentException($"interval low end {Format(lo)} is greater than its high end {Format(hi)}");
        }
        Lo = lo;
        Hi = hi;
    }

    /// <summary>The degenerate interval [value, value].</summary>
    public static Interval Point(double value) => new(value, value);

    /// <summary>Hi - Lo.</summary>
    public double Width => Hi - Lo;

    /// <summary>(Lo + Hi) / 2, the arithmetic midpoint the paper uses in Appendix C ("midpoint of ...").</summary>
    public double Midpoint => (Lo + Hi) / 2;

    /// <summary>True when Lo == Hi.</summary>
    public bool IsPoint => Lo == Hi;

    /// <summary>The single value of a point; throws <see cref="InvalidOperationException"/> when this is a range.</summary>
    public double PointValue => IsPoint ? Lo : throw new InvalidOperationException($"{this} is a range where a single number was expected");

    /// <summary>True when <paramref name="value"/> lies in [Lo, Hi].</summary>
    public bool Contains(double value) => Lo <= value && value <= Hi;

    /// <summary>True when <paramref name="other"/> lies entirely inside this interval.</summary>
    public bool Contains(Interval other) => Lo <= other.Lo && other.Hi <= Hi;

    /// <summary>Sum: [a.Lo + b.Lo, a.Hi + b.Hi].</summary>
    public static Interval operator +(Interval a, Interval b) => new(a.Lo + b.Lo, a.Hi + b.Hi);

    /// <summary>Difference: [a.Lo - b.Hi, a.Hi - b.Lo].</summary>
    public static Interval operator -(Interval a, Interval b) => new(a.Lo - b.Hi, a.Hi - b.Lo);

    /// <summary>Product of two intervals: the hull of the four end products (sign-safe).</summary>
    public static Interval operator *(Interval a, Interval b)
    {
        double p1 = a.Lo * b.Lo, p2 = a.Lo * b.Hi, p3 = a.Hi * b.Lo, p4 = a.Hi * b.Hi;
        return new(Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)), Math.Max(Math.Max(p1, p2), Math.Max(p3, p4)));
    }

    /// <summary>Quotient a / b; b must not contain zero.</summary>
    public static Interval operator /(Interval a, Interval b)
    {
        if (b.Lo <= 0 && b.Hi >= 0)
        {
            throw new DivideByZeroException($"cannot divide by an interval that contains zero: {b}");
        }
        // The four end quotients, not a times the reciprocal of b: a point then divides exactly as a double does
        // (200e9 / 200e9 is 1, where 200e9 * (1 / 200e9) is 0.9999999999999999).
        double q1 = a.Lo / b.Lo, q2 = a.Lo / b.Hi, q3 = a.Hi / b.Lo, q4 = a.Hi / b.Hi;
        return new(Math.Min(Math.Min(q1, q2), Math.Min(q3, q4)), Math.Max(Math.Max(q1, q2), Math.Max(q3, q4)));
    }

    /// <summary>Scales both ends by <paramref name="k"/> (the ends swap when k is negative).</summary>
    public static Interval operator *(Interval a, double k) => a * Point(k);

    /// <summary>Scales both ends by <paramref name="k"/>.</summary>
    public static Interval operator *(double k, Interval a) => a * Point(k);

    /// <summary>Divides both ends by <paramref name="k"/> (k ≠ 0).</summary>
    public static Interval operator /(Interval a, double k) => a / Point(k);

    /// <summary><paramref name="k"/> divided by the interval (which must not contain zero).</summary>
    public static Interval operator /(double k, Interval a) => Point(k) / a;

    /// <summary>Adds <paramref name="k"/> to both ends.</summary>
    public static Interval operator +(Interval a, double k) => new(a.Lo + k, a.Hi + k);

    /// <summary>Elementwise minimum: every min(x, y) for x in a, y in b.</summary>
    public static Interval Min(Interval a, Interval b) => new(Math.Min(a.Lo, b.Lo), Math.Min(a.Hi, b.Hi));

    /// <summary>Elementwise maximum: every max(x, y) for x in a, y in b.</summary>
    public static Interval Max(Interval a, Interval b) => new(Math.Max(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));

    /// <summary>The smallest interval containing both.</summary>
    public static Interval Hull(Interval a, Interval b) => new(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));

    /// <summary>
    /// Applies a function that is monotone in its argument to both ends and sorts the results:
    /// exact for monotone functions, wrong for any other.
    /// </summary>
    public Interval MapMonotone(Func<double, double> f)
    {
        double a = f(Lo), b = f(Hi);
        return new(Math.Min(a, b), Math.Max(a, b));
    }

    /// <summary>
    /// Combines two intervals end with end (lo with lo, hi with hi), the reading in which both ranges move
    /// together. This is not interval arithmetic; the bundle uses it only to show how the paper may have
    /// formed a printed range, and always next to the interval-arithmetic result.
    /// </summary>
    public static Interval PairEnds(Interval a, Interval b, Func<double, double, double> f)
    {
        double x = f(a.Lo, b.Lo), y = f(a.Hi, b.Hi);
        return new(Math.Min(x, y), Math.Max(x, y));
    }

    /// <summary>
    /// Stable text form: "lo-hi" with invariant culture and round-trip precision, or a single number for a
    /// point. <see cref="Parse"/> reads it back to the same value.
    /// </summary>
    public override string ToString() => IsPoint ? Format(Lo) : $"{Format(Lo)}-{Format(Hi)}";

    /// <summary>The invariant, round-trip text of one number (the form every bundle output uses).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses "lo-hi", or one number. Throws <see cref="FormatException"/> with the reason.</summary>
    public static Interval Parse(string text)
    {
        if (TryParse(text, out var value, out var error))
        {
            return value;
        }
        throw new FormatException(error);
    }

    /// <summary>
    /// Parses "lo-hi" (a hyphen between two non-negative numbers; "1e-3" stays one number) or one number,
    /// invariant culture. On failure <paramref name="error"/> says why.
    /// </summary>
    public static bool TryParse(string? text, out Interval value, out string error)
    {
        value = default;
        error = "";
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            error = "empty value where a number or range 'lo-hi' was expected";
            return false;
        }
        int split = -1;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '-' && s[i - 1] != 'e' && s[i - 1] != 'E')
            {
                split = i;
                break;
            }
        }
        string loText = split < 0 ? s : s[..split];
        string hiText = split < 0 ? s : s[(split + 1)..];
        const NumberStyles style = NumberStyles.Float;
        if (!double.TryParse(loText, style, CultureInfo.InvariantCulture, out var lo) || !double.IsFinite(lo))
        {
            error = $"'{s}' is not a number or a range 'lo-hi'";
            return false;
        }
        if (!double.TryParse(hiText, style, CultureInfo.InvariantCulture, out var hi) || !double.IsFinite(hi))
        {
            error = $"'{s}' is not a number or a range 'lo-hi'";
            return false;
        }
        if (lo > hi)
        {
            error = $"range '{s}' has its low end greater than its high end";
            return false;
        }
        value = new Interval(lo, hi);
        return true;
    }
}
