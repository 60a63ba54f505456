using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ReproBundle.Uncertainty;

/// <summary>The shape of the distribution a ranged input is drawn from.</summary>
public enum PriorKind
{
    /// <summary>A point input: every draw takes the same value.</summary>
    Fixed,

    /// <summary>Uniform on [lo, hi]: for ranges spanning at most 2x (hi / lo &lt;= 2), or starting at zero.</summary>
    Uniform,

    /// <summary>Uniform in log(x) on [lo, hi]: for ranges spanning more than 2x, so each factor of the range is equally likely.</summary>
    LogUniform,
}

/// <summary>
/// The documented prior of one input: a printed range [lo, hi] read as a distribution. The rule is the issue's:
/// log-uniform when the range spans more than 2x (hi / lo &gt; 2), uniform otherwise, and a point stays fixed.
/// A range that starts at or below zero cannot be log-uniform and is uniform whatever its span.
/// </summary>
/// <param name="Range">The range the input is drawn from.</param>
/// <param name="Kind">How it is drawn.</param>
public readonly record struct Prior(Interval Range, PriorKind Kind)
{
    /// <summary>The span above which a range is drawn log-uniformly [hi / lo].</summary>
    public const double LogUniformSpan = 2;

    /// <summary>The prior the rule gives <paramref name="range"/>.</summary>
    public static Prior For(Interval range) =>
        range.IsPoint ? new(range, PriorKind.Fixed)
        : range.Lo > 0 && range.Hi / range.Lo > LogUniformSpan ? new(range, PriorKind.LogUniform)
        : new(range, PriorKind.Uniform);

    /// <summary>
    /// The value at cumulative probability <paramref name="u"/> in [0, 1): lo + u·(hi - lo) for a uniform prior,
    /// lo·exp(u·ln(hi / lo)) for a log-uniform one, the point itself when fixed. A uniform random number in
    /// [0, 1) mapped through this is one draw. Computed by the same vector code as <see cref="Transform"/>, so a
    /// single value and a bulk transform agree to the bit.
    /// </summary>
    public double Quantile(double u)
    {
        Span<double> one = stackalloc double[Vector256<double>.Count];
        one[0] = u;
        Transform(one);
        return one[0];
    }

    /// <summary>
    /// Replaces every uniform number in <paramref name="values"/> (length a multiple of 4) by its quantile
    /// (<see cref="Quantile"/>). Uses <see cref="Vector256"/> arithmetic and <see cref="Vector256.Exp(Vector256{double})"/>
    /// on every machine (the .NET implementation is managed code, so the bits do not depend on the C library's exp).
    /// Compiled optimized at its first call: vector code run by the unoptimized first tier is many times slower, and a
    /// Monte Carlo run is over before the tiered compiler would replace it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(Span<double> values)
    {
        if (values.Length % Vector256<double>.Count != 0) throw new ArgumentException("length must be a multiple of 4", nameof(values));
        var v = MemoryMarshal.Cast<double, Vector256<double>>(values);
        var lo = Vector256.Create(Range.Lo);
        switch (Kind)
        {
            case PriorKind.Fixed:
                v.Fill(lo);
                break;
            case PriorKind.Uniform:
            {
                var width = Vector256.Create(Range.Width);
                for (int i = 0; i < v.Length; i++) v[i] = lo + v[i] * width;
                break;
            }
            default:
            {
                var span = Vector256.Create(Math.Log(Range.Hi / Range.Lo));
                for (int i = 0; i < v.Length; i++) v[i] = lo * Vector256.Exp(v[i] * span);
                break;
            }
        }
    }

    /// <summary>"fixed", "uniform" or "log-uniform", as the output tables print it.</summary>
    public string KindText => Kind switch
    {
        PriorKind.Fixed => "fixed",
        PriorKind.Uniform => "uniform",
        _ => "log-uniform",
    };
}
