using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReproBundle.Escaping;

/// <summary>
/// Text in plotly.js figures (issue 26, item 4). plotly.js renders a subset of HTML in trace names, axis titles, tick
/// labels, annotations, titles, legend and hover text (<c>&lt;a href&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;br&gt;</c>, <c>&lt;span style&gt;</c>
/// ...). <see cref="Data"/> is the one escaper for text that comes from data (platform names, axis names, sources, registry
/// entries); <see cref="LiveMarkup"/> is the check the figure exporter runs on every string of every figure before it is
/// written, so markup the bundle did not write itself can never reach a page, a JSON file or a PNG.
/// </summary>
public static partial class PlotlyText
{
    /// <summary>Text from data as plotly.js text: '&amp;', '&lt;' and '&gt;' as entities, which plotly.js shows as the characters.</summary>
    public static string Data(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// The first piece of markup in any string of <paramref name="figure"/> (a figure's JSON) that is not one of the
    /// bundle's own formatting tags (<c>&lt;br&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;sub&gt;</c>,
    /// <c>&lt;span style="..."&gt;</c> and their ends), with the JSON path of the string; null when there is none.
    /// </summary>
    public static (string Path, string Markup)? LiveMarkup(JsonNode? figure)
    {
        switch (figure)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (LiveMarkup(value) is { } hit) return ($"{key}/{hit.Path}".TrimEnd('/'), hit.Markup);
                }
                return null;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (LiveMarkup(a[i]) is { } hit) return ($"{i}/{hit.Path}".TrimEnd('/'), hit.Markup);
                }
                return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                foreach (Match m in TagStart().Matches(s))
                {
                    if (!OwnTag().IsMatch(s, m.Index)) return ("", s.Substring(m.Index, Math.Min(40, s.Length - m.Index)));
                }
                return null;
            default:
                return null;
        }
    }

    [GeneratedRegex(@"<[A-Za-z/!?]", RegexOptions.CultureInvariant)]
    private static partial Regex TagStart();

    [GeneratedRegex(@"\G(?:<br>|</?(?:b|i|sup|sub)>|<span style=""[a-z0-9:;#.\- ]*"">|</span>)", RegexOptions.CultureInvariant)]
    private static partial Regex OwnTag();
}
