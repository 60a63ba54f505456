using System.Numerics;

namespace ReproBundle;

/// <summary>
/// What every equation of the model needs besides the four operators, for its two number types: a point
/// (<see cref="double"/>) and a range (<see cref="Interval"/>). Each equation is written once as a generic method
/// <c>F&lt;T&gt;</c> constrained to the arithmetic operators it uses and to scaling by a <see cref="double"/> (which
/// <see cref="double"/> and <see cref="Interval"/> implement and an integer does not, so a literal <c>3</c> cannot pick <c>int</c>); these helpers supply constants and the few
/// non-arithmetic steps. The JIT specializes each call for the value type, so a point costs what plain
/// <see cref="double"/> code costs.
/// </summary>
public static class Quantity
{
    /// <summary>The constant <paramref name="value"/> as a <typeparamref name="T"/> (a degenerate interval for <see cref="Interval"/>).</summary>
    public static T Of<T>(double value) where T : struct =>
        typeof(T) == typeof(double) ? (T)(object)value
        : typeof(T) == typeof(Interval) ? (T)(object)Interval.Point(value)
        : throw new NotSupportedException($"{typeof(T)} is neither double nor Interval");

    /// <summary>max(a, b), elementwise for intervals (every max(x, y) for x in a, y in b).</summary>
    public static T Max<T>(T a, T b) where T : struct =>
        typeof(T) == typeof(double) ? (T)(object)Math.Max((double)(object)a, (double)(object)b)
        : typeof(T) == typeof(Interval) ? (T)(object)Interval.Max((Interval)(object)a, (Interval)(object)b)
        : throw new NotSupportedException($"{typeof(T)} is neither double nor Interval");

    /// <summary>The range of <paramref name="value"/> as an interval (a point becomes [v, v]).</summary>
    public static Interval AsInterval<T>(T value) where T : struct =>
        typeof(T) == typeof(double) ? Interval.Point((double)(object)value)
        : typeof(T) == typeof(Interval) ? (Interval)(object)value
        : throw new NotSupportedException($"{typeof(T)} is neither double nor Interval");

    /// <summary>
    /// A number as the bundle's sentences, labels and notes show it (the one text formatter): three significant
    /// figures, but whole digits are never rounded away (8333.33 gives "8333", 23.8806 "23.9", 0.132124 "0.132");
    /// a value that would round to a whole number it is not gets the decimals that show the difference, up to six
    /// (0.99998 gives "0.99998"); invariant culture, no exponent, no thousands separator. Every sentence that states
    /// a value an equation consumed or produced formats it here, from the value.
    /// </summary>
    public static string Text(double value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (value == 0 || !double.IsFinite(value)) return value.ToString(invariant);
        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (magnitude >= 2) return Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", invariant);
        var decimals = Math.Min(15, 2 - magnitude);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        while (rounded == Math.Round(rounded) && rounded != value && decimals < 6)
        {
            decimals++;
            rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        }
        return rounded.ToString("0." + new string('#', decimals), invariant);
    }

    /// <summary>A range as sentences show it: "lo-hi" (<see cref="Text(double)"/> for each end), or one number when both ends read the same.</summary>
    public static string Text(Interval value)
    {
        var lo = Text(value.Lo);
        var hi = Text(value.Hi);
        return lo == hi ? lo : $"{lo}-{hi}";
    }

    /// <summary>A fraction as a percentage for sentences: 0.8 gives "80%" (a range "40-90%").</summary>
    public static string Percent(Interval fraction) => Text(fraction * 100.0) + "%";

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless every value of <paramref name="value"/> lies in [lo, hi].</summary>
    public static void RequireWithin<T>(T value, double lo, double hi, string name) where T : struct
    {
        var v = AsInterval(value);
        if (v.Lo < lo || v.Hi > hi) throw new ArgumentOutOfRangeException(name, v.ToString(), $"must lie in [{Interval.Format(lo)}, {Interval.Format(hi)}]");
    }
}
