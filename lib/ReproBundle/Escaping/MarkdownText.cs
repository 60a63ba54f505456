namespace ReproBundle.Escaping;

/// <summary>
/// The one escaper for text from data or from the user that a Markdown output of the bundle shows (<c>claims_audit.md</c>,
/// <c>claims_diff.md</c>; issue 26, item 4). A Markdown renderer (CommonMark, GitHub's) passes raw HTML through: a quote
/// holding <c>&lt;script&gt;</c> would be live markup on a forge. Every '&lt;' is written as the entity <c>&amp;lt;</c>, which
/// renders as the character and can never open a tag, a comment, a processing instruction or an autolink; line breaks
/// become spaces (a value stays on its line, in its table cell or list item).
/// </summary>
public static class MarkdownText
{
    /// <summary>Text for a paragraph, list item or heading: '&lt;' as an entity, line breaks as spaces.</summary>
    public static string Inline(string text) =>
        text.Replace("<", "&lt;", StringComparison.Ordinal).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Text for a table cell: <see cref="Inline"/>, and '|' escaped so it does not end the cell.</summary>
    public static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>
    /// A code span showing <paramref name="text"/> literally (a code span is never read as HTML): fenced by one more backtick
    /// than the longest run inside it, so a backtick in the text cannot end it early; for a table cell, '|' escaped.
    /// </summary>
    public static string CodeCell(string text)
    {
        var flat = text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        int longest = 0, run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = flat.StartsWith('`') || flat.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{flat}{pad}{fence}";
    }

    /// <summary>
    /// Text shown literally (review.md): every character that starts emphasis, code, a link, HTML, a table cell or a heading
    /// backslash-escaped, line breaks and tabs as spaces, other control characters dropped.
    /// </summary>
    public static string Literal(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t') sb.Append(' ');
            else if (char.IsControl(c)) continue;
            else if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '!' or '&' or '~') sb.Append('\\').Append(c);
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
