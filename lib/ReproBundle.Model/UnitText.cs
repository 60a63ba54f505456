namespace ReproBundle;

/// <summary>A number and its unit in the audit's sentences, the noun agreeing with the number as shown.</summary>
public static class UnitText
{
    /// <summary>
    /// <paramref name="numberText"/> (already formatted by <see cref="Quantity.Text(double)"/>) followed by
    /// <paramref name="unit"/>: a unit that starts with a plural count noun ("GPUs", "entries", "streams per $1M") reads
    /// singular after a number shown as exactly 1 ("1 GPU", "1 entry"), plural otherwise ("2 GPUs", "1.5 GPUs", "1-2 GPUs");
    /// symbols and rates ("x", "GB", "tok/s", "%") never change. An empty unit gives the number alone.
    /// </summary>
    public static string After(string numberText, string unit)
    {
        if (unit.Length == 0) return numberText;
        var space = unit.IndexOf(' ', StringComparison.Ordinal);
        var (noun, rest) = space < 0 ? (unit, "") : (unit[..space], unit[space..]);
        var pluralNoun = noun.Length > 2 && noun.EndsWith('s') && noun.All(char.IsAsciiLetter);
        if (pluralNoun && numberText is "1" or "-1")
        {
            noun = noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y" : noun[..^1];
        }
        return $"{numberText} {noun}{rest}";
    }
}
