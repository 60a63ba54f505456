namespace ReproBundle.Data;

/// <summary>How a recomputed value is compared with the printed one (column <c>rule</c> of <c>claims.csv</c>).</summary>
public enum ClaimRule
{
    /// <summary>The recomputed ends equal the printed ends (after the paper's rounding).</summary>
    Equal,

    /// <summary>The recomputed value lies inside the printed range.</summary>
    Contains,

    /// <summary>Every recomputed value is at least the printed value (a capacity or a bound must cover a need).</summary>
    AtLeast,

    /// <summary>Every recomputed value is at most the printed value.</summary>
    AtMost,

    /// <summary>Every recomputed value is strictly greater than the printed threshold ("&gt;10x").</summary>
    GreaterThan,

    /// <summary>A statement: the check returns 1 when it holds.</summary>
    Holds,
}

/// <summary>
/// The paper's rounding for a claim (column <c>rounding</c>): <c>printed</c> (half a unit in the last digit the
/// paper prints, docs/verdict-policy.md), <c>exact</c> (a count, a threshold or a statement: no tolerance), or
/// the explicit forms <c>dp:N</c> (N decimals) and <c>sig:N</c> (N significant figures).
/// </summary>
/// <param name="Kind">"printed", "exact", "dp" or "sig".</param>
/// <param name="Digits">N for dp and sig.</param>
public readonly record struct Rounding(string Kind, int Digits)
{
    /// <summary>Parses the text form; null with an error message when malformed.</summary>
    public static Rounding? TryParse(string text, out string error)
    {
        error = "";
        if (text == "exact") return new Rounding("exact", 0);
        if (text == "printed") return new Rounding("printed", 0);
        var parts = text.Split(':');
        if (parts.Length == 2 && parts[0] is "dp" or "sig" && int.TryParse(parts[1], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 12 && !(parts[0] == "sig" && n == 0))
        {
            return new Rounding(parts[0], n);
        }
        error = $"'{text}' is not a rounding (printed, exact, dp:N or sig:N)";
        return null;
    }

    /// <summary>Rounds <paramref name="value"/> the way the paper prints it (half away from zero).</summary>
    public double Apply(double value)
    {
        switch (Kind)
        {
            case "dp":
                return Math.Round(value, Digits, MidpointRounding.AwayFromZero);
            case "sig":
                if (value == 0) return 0;
                var magnitude = Math.Floor(Math.Log10(Math.Abs(value)));
                var scale = Math.Pow(10, magnitude - Digits + 1);
                return Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
            default:
                return value;
        }
    }

    /// <summary>Words for the audit: "rounded to 0 decimals", "rounded to 2 significant figures".</summary>
    public string Describe() => Kind switch
    {
        "dp" => $"rounded to {Digits} decimal{(Digits == 1 ? "" : "s")}",
        "sig" => $"rounded to {Digits} significant figure{(Digits == 1 ? "" : "s")}",
        "printed" => "to the printed digits",
        _ => "no rounding",
    };

    /// <inheritdoc />
    public override string ToString() => Kind is "exact" or "printed" ? Kind : $"{Kind}:{Digits}";
}

/// <summary>One row of <c>data/claims.csv</c>: a numeric claim of the paper as printed.</summary>
/// <param name="ClaimId">Stable id, section-prefixed.</param>
/// <param name="Section">Locator: §, table or appendix.</param>
/// <param name="Quote">The claim in the paper's words (short).</param>
/// <param name="PublishedText">The printed value as text.</param>
/// <param name="Published">The printed value as a number or range (1 for a statement).</param>
/// <param name="Unit">Unit of the printed and recomputed values.</param>
/// <param name="Rule">How to compare.</param>
/// <param name="Rounding">The paper's rounding of the printed value.</param>
/// <param name="Explanation">Why a difference arises, or what is missing; shown when the verdict is not a pass.</param>
/// <param name="Origin">file:line of the row.</param>
/// <param name="PublishedValueText">The printed value's digits as written in <c>published_value</c> ("0.20-1.50",
/// "12000"): the verdict policy reads the tolerance from them. Null: the round-trip text of <paramref name="Published"/>.</param>
public sealed record Claim(string ClaimId, string Section, string Quote, string PublishedText, Interval Published, string Unit,
    ClaimRule Rule, Rounding Rounding, string Explanation, string Origin, string? PublishedValueText = null)
{
    /// <summary>The printed ends as text ("15" and "50" for "15-50"; a minus after an exponent's e is not a range).</summary>
    public (string Lo, string Hi) PrintedEnds()
    {
        var text = PublishedValueText ?? Published.ToString();
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] == '-' && text[i - 1] is not ('e' or 'E')) return (text[..i], text[(i + 1)..]);
        }
        return (text, text);
    }

    /// <summary>
    /// The sentence (or table cell, or statement printed in several places) the claim reads: claims sharing it are
    /// parts of one verdict (docs/verdict-policy.md, "One sentence, one verdict"). Defaults to the claim id.
    /// </summary>
    public string SentenceId { get; init; } = ClaimId;

    /// <summary>
    /// The reading the audit takes, declared in <c>claims.csv</c> (column <c>reading</c>) before any value is computed;
    /// empty when the check has one reading. The verdict is this reading's, whatever the inputs.
    /// </summary>
    public string DeclaredReading { get; init; } = "";

    /// <summary>The paper's words that justify <see cref="DeclaredReading"/> (column <c>reading_basis</c>).</summary>
    public string ReadingBasis { get; init; } = "";

    /// <summary><paramref name="numberText"/> followed by the claim's <see cref="Unit"/>, the noun agreeing with the number (<see
    /// cref="UnitText.After"/>).</summary>
    public string WithUnit(string numberText) => UnitText.After(numberText, Unit);

    /// <summary>Reads and validates <c>claims.csv</c>.</summary>
    public static IReadOnlyList<Claim> Load(string path)
    {
        var table = CsvTable.Load(path, "claim_id", "section", "quote", "published", "published_value", "unit", "rule", "rounding", "explanation",
            "sentence_id", "reading", "reading_basis");
        var claims = new List<Claim>();
        foreach (var row in table.Rows)
        {
            var id = row.Required("claim_id");
            if (claims.Any(c => c.ClaimId == id)) throw row.Error("claim_id", $"claim '{id}' appears twice");
            var rule = row.Required("rule") switch
            {
                "equal" => ClaimRule.Equal,
                "contains" => ClaimRule.Contains,
                "at-least" => ClaimRule.AtLeast,
                "at-most" => ClaimRule.AtMost,
                "greater-than" => ClaimRule.GreaterThan,
                "holds" => ClaimRule.Holds,
                var other => throw row.Error("rule", $"'{other}' is not a rule (equal, contains, at-least, at-most, greater-than, holds)"),
            };
            var rounding = Rounding.TryParse(row.Required("rounding"), out var roundingError) ?? throw row.Error("rounding", roundingError);
            if (row["reading"].Length > 0 && row["reading_basis"].Length == 0)
            {
                throw row.Error("reading_basis", $"claim '{id}' declares reading '{row["reading"]}' without the paper's words that justify it");
            }
            var published = row.Interval("published_value");
            if ((InputCatalog.MagnitudeViolation(published.Lo) ?? InputCatalog.MagnitudeViolation(published.Hi)) is { } magnitude)
            {
                throw row.Error("published_value", $"{AssumptionOverrides.Echo(row["published_value"])} {magnitude}");
            }
            var claim = new Claim(id, row.Required("section"), row.Required("quote"), row.Required("published"),
                published, row["unit"], rule, rounding, row["explanation"], $"{path}:{row.Line}", row["published_value"].Trim())
            {
                SentenceId = row.Required("sentence_id"),
                DeclaredReading = row["reading"],
                ReadingBasis = row["reading_basis"],
            };
            if (rounding.Kind == "printed")
            {
                var (lo, hi) = claim.PrintedEnds();
                if (!IsPrintedNumber(lo) || !IsPrintedNumber(hi))
                {
                    throw row.Error("published_value", $"{AssumptionOverrides.Echo(row["published_value"])} is not written as the paper prints it " +
                        "(digits with an optional decimal point, no sign or exponent), which rounding 'printed' needs to read the tolerance");
                }
            }
            claims.Add(claim);
        }
        return claims;
    }

    /// <summary>Digits with an optional decimal point and thousands commas ("12000", "0.20", "1,500"): the forms whose last digit gives a tolerance.</summary>
    private static bool IsPrintedNumber(string text)
    {
        var s = text.Trim().Replace(",", "", StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? "0" : s[(dot + 1)..];
        return whole.Length > 0 && whole.All(char.IsAsciiDigit) && fraction.Length > 0 && fraction.All(char.IsAsciiDigit);
    }
}
