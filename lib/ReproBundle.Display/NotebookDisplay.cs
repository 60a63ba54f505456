using System.Globalization;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Deedle;

namespace ReproBundle.Notebooks;

/// <summary>
/// How the notebooks show numbers, ranges and Deedle frames. The notebooks' shared setup registers these as
/// .NET Interactive formatters; they live here so <c>dotnet test</c> checks them without a notebook kernel,
/// and so the notebook test can format a library value exactly as a notebook shows it.
/// </summary>
public static partial class NotebookDisplay
{
    /// <summary>
    /// A number as a reader sees it: the bundle's one number formatter for texts, <see cref="Quantity.Text(double)"/>
    /// (invariant culture), so a notebook shows a value exactly as the audit, the figures and the CLI's sentences do.
    /// Full precision is one <c>.ToString("R")</c> away in a cell.
    /// </summary>
    public static string FormatNumber(double value) => Quantity.Text(value);

    /// <summary>A range as "lo-hi", a point as one number: <see cref="Quantity.Text(Interval)"/>.</summary>
    public static string FormatInterval(Interval value) => Quantity.Text(value);

    /// <summary>One table cell: numbers and ranges formatted, null and missing values empty, the rest as text.</summary>
    public static string FormatCell(object? value) => value switch
    {
        null => "",
        double d => FormatNumber(d),
        float f => FormatNumber(f),
        decimal m => FormatNumber((double)m),
        Interval i => FormatInterval(i),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// A Deedle frame as a plain HTML table: one header row of column keys, one row per row key, row keys in the
    /// first column, cells formatted by <see cref="FormatCell"/> and HTML-encoded.
    /// </summary>
    public static string FrameToHtml<TRowKey, TColumnKey>(Frame<TRowKey, TColumnKey> frame)
        where TRowKey : notnull where TColumnKey : notnull
    {
        var html = new StringBuilder();
        html.Append("<table class=\"reprobundle-frame\"><thead><tr><th></th>");
        foreach (var column in frame.ColumnKeys) html.Append("<th>").Append(Encode(FormatCell(column))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        var columns = frame.ColumnKeys.Select(c => frame.GetColumn<object>(c)).ToList();
        foreach (var row in frame.RowKeys)
        {
            html.Append("<tr><th>").Append(Encode(FormatCell(row))).Append("</th>");
            foreach (var column in columns)
            {
                var cell = column.TryGet(row);
                html.Append("<td>").Append(Encode(cell.HasValue ? FormatCell(cell.Value) : "")).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        return html.ToString();
    }

    /// <summary>
    /// <see cref="FrameToHtml{TRowKey, TColumnKey}"/> for a frame known only as <see cref="object"/> (what a
    /// formatter registered for the open type <c>Frame&lt;,&gt;</c> receives).
    /// </summary>
    public static string FrameToHtml(object frame)
    {
        var type = frame.GetType();
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Frame<,>))
        {
            throw new ArgumentException($"{type} is not a Deedle Frame<,>", nameof(frame));
        }
        var method = typeof(NotebookDisplay).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == nameof(FrameToHtml) && m.IsGenericMethodDefinition)
            .MakeGenericMethod(type.GetGenericArguments());
        return (string)method.Invoke(null, [frame])!;
    }

    /// <summary>
    /// Plotly.NET puts a fresh GUID into every chart's div id and render function, so a chart's HTML differs on
    /// every run. This replaces each GUID by one derived from the chart's own content and its position
    /// <paramref name="sequence"/> in the session: the same chart in the same place gives the same bytes, and two
    /// charts in one notebook never share an id.
    /// </summary>
    public static string StableChartHtml(string chartHtml, int sequence)
    {
        var guids = GuidPattern().Matches(chartHtml).Select(m => m.Value).Distinct().ToList();
        var content = chartHtml;
        foreach (var g in guids) content = content.Replace(g, "", StringComparison.Ordinal).Replace(g.Replace("-", ""), "", StringComparison.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{sequence}\n{content}"));
        var result = chartHtml;
        for (int i = 0; i < guids.Count; i++)
        {
            hash[0] ^= (byte)i;
            var stable = new Guid(hash.AsSpan(0, 16)).ToString("D");
            result = result.Replace(guids[i], stable, StringComparison.Ordinal)
                           .Replace(guids[i].Replace("-", ""), stable.Replace("-", ""), StringComparison.Ordinal);
        }
        return result;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    internal static partial Regex GuidPattern();
}
