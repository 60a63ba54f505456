namespace ReproBundle.Data;

/// <summary>
/// One input of the paper with its provenance: a row of <c>data/inputs.csv</c>.
/// </summary>
/// <param name="Name">Dotted name, e.g. <c>appc.h100.tok_s</c>; the key overrides use.</param>
/// <param name="Value">The value; a point for a single printed number, an interval for a printed range.</param>
/// <param name="Unit">The unit as text (e.g. <c>bytes/s</c>).</param>
/// <param name="Source">A paper locator with the short phrase quoted, or <c>bundle-assumption</c>.</param>
/// <param name="Reference">A key into <c>data/references.bib</c>, or empty.</param>
/// <param name="Note">Rationale (required for a bundle assumption) or reading note.</param>
/// <param name="Origin">Where the value was read: <c>file:line</c>.</param>
public sealed record InputValue(string Name, Interval Value, string Unit, string Source, string Reference, string Note, string Origin)
{
    /// <summary>The value a bundle assumption carries in its <see cref="Source"/>.</summary>
    public const string BundleAssumption = "bundle-assumption";

    /// <summary>True when the paper does not state this value and the bundle assumed it.</summary>
    public bool IsBundleAssumption => Source == BundleAssumption;

    /// <summary>The single value of a point input; throws when the input is a range.</summary>
    public double Scalar => Value.IsPoint
        ? Value.Lo
        : throw new InvalidOperationException($"{Origin}: input '{Name}' is the range {Value}, a single number was expected");
}

/// <summary>What values an input may take; checked when data/ is loaded and when a reviewer overrides it.</summary>
public enum InputDomain
{
    /// <summary>Strictly greater than zero.</summary>
    Positive,

    /// <summary>A fraction in (0, 1], such as a utilization.</summary>
    Fraction,

    /// <summary>A share in [0, 1], such as the SRAM-resident share of the weights.</summary>
    Share,

    /// <summary>A factor of at least 1, such as a batch efficiency.</summary>
    AtLeastOne,
}
