using System.Text.Json;
using System.Text.RegularExpressions;
using Plotly.NET;

namespace ReproBundle.Charts;

/// <summary>
/// What every offline chart page of the bundle shares, the figures of <c>reproduce</c> (FigureWriter in lib/ReproBundle) and
/// the charts a file-based twin writes (<c>NotebookTwin</c> in lib/ReproBundle.Display): the one local plotly.js they load,
/// and the escaping that keeps text from data/ inside the page's render script.
/// </summary>
public static partial class OfflineChartPage
{
    /// <summary>
    /// The file name of the one plotly.js copy a folder of chart pages holds; every page loads it by this relative name.
    /// </summary>
    public const string PlotlyJsFileName = "plotly.min.js";

    private static readonly Lazy<string> PlotlyJsText = new(ReadPlotlyJs);

    /// <summary>plotly.js as Plotly.NET embeds it (the build its chart pages are written for), with Unix line ends.</summary>
    public static string PlotlyJs() => PlotlyJsText.Value;

    private static string ReadPlotlyJs()
    {
        var assembly = typeof(GenericChart).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    [GeneratedRegex(@"^(    var (?:data|layout|config) = )(.*);$", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex EmbeddedJson();

    /// <summary>
    /// Plotly.NET's page (<c>GenericChart.toEmbeddedHTML</c>) with its data, layout and config lines passed through
    /// <see cref="EscapeJsonForHtml"/>. Throws when the page does not hold exactly those three lines (<paramref name="what"/>
    /// names the chart in the message).
    /// </summary>
    public static string EscapeEmbeddedJson(string html, string what)
    {
        if (EmbeddedJson().Count(html) != 3) throw new InvalidOperationException($"{what}: expected Plotly.NET's data, layout and config lines in the render script");
        return EmbeddedJson().Replace(html, m => m.Groups[1].Value + EscapeJsonForHtml(m.Groups[2].Value) + ";");
    }

    /// <summary>
    /// JSON text made safe inside an HTML <c>&lt;script&gt;</c> element: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, U+2028 and
    /// U+2029 become <c>\u003c</c>, <c>\u003e</c>, <c>\u0026</c>, <c>\u2028</c>, <c>\u2029</c>. In valid JSON these characters
    /// occur only inside string literals, where the escapes mean the same characters, so the data is unchanged while no
    /// text from data/ can close the script (<c>&lt;/script&gt;</c>) or open a comment. Throws when the text is not JSON.
    /// </summary>
    public static string EscapeJsonForHtml(string json)
    {
        using (JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 }))
        {
            // parsed only to prove the replacements below act inside string literals
        }
        var sb = new System.Text.StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            switch (c)
            {
                case '<': sb.Append("\\u003c"); break;
                case '>': sb.Append("\\u003e"); break;
                case '&': sb.Append("\\u0026"); break;
                case '\u2028': sb.Append("\\u2028"); break;
                case '\u2029': sb.Append("\\u2029"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
