using System.CommandLine;
using System.Globalization;

namespace ReproBundle.Cli;

/// <summary>
/// Numeric options parsed with the invariant culture. System.CommandLine parses with the current culture,
/// so under LANG=de_DE "0.8" would silently become 8; the bundle's numbers always use '.'.
/// </summary>
internal static class InvariantOptions
{
    /// <summary>An optional double option (null when not given); a value that is not an invariant-culture number is a usage error naming the option.</summary>
    public static Option<double?> OptionalDouble(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }
            result.AddError($"{name}: '{token}' is not a number (use '.' as the decimal point, e.g. 0.7)");
            return double.NaN;
        },
    };
}
