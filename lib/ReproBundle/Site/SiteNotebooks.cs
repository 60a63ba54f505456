using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using ReproBundle.Notebooks;

namespace ReproBundle.Site;

/// <summary>
/// An executed notebook as the site shows it (<c>reproduce --notebooks</c>): <c>site/notebooks/&lt;Name&gt;.html</c>, its
/// markdown rendered, its code shown, its outputs readable with no kernel.
/// </summary>
/// <param name="Name">The notebook's file stem, e.g. <c>04-agent-density</c>.</param>
/// <param name="Document">The executed notebook, read through Microsoft.DotNet.Interactive.Documents.</param>
public sealed record SiteNotebook(string Name, InteractiveDocument Document)
{
    /// <summary>Reads an executed notebook from its JSON (<paramref name="fileName"/> as <c>04-agent-density.ipynb</c> names it in messages).</summary>
    public static SiteNotebook Parse(string fileName, string json) => new(Path.GetFileNameWithoutExtension(fileName), NotebookFile.Parse(json, fileName));

    /// <summary>The page's path under <c>site/</c>.</summary>
    public string PagePath => $"notebooks/{Name}.html";

    /// <summary>The text of the notebook's first markdown heading (its title), or its name.</summary>
    public string Title => Document.Elements.Where(NotebookFile.IsMarkdown)
        .SelectMany(e => e.Contents.Split('\n')).Select(l => l.Trim())
        .FirstOrDefault(l => l.StartsWith('#'))?.TrimStart('#').Trim().Replace("\\$", "$") ?? Name;
}

/// <summary>
/// Which notebook cell draws each figure and table the site shows (§5 figures, the key tables): found by a call the
/// cell's code makes, so a link follows the cell when cells move or get new ids. A marker no cell holds gives no link
/// (a test checks every one resolves in the bundle's notebooks).
/// </summary>
public static class NotebookLinks
{
    /// <summary>Site anchor (<c>figure-NAME</c> or <c>table-NAME</c>), notebook name, text the drawing cell's code contains.</summary>
    public static readonly IReadOnlyList<(string Anchor, string Notebook, string Marker)> Drawn =
    [
        ("figure-fig1_radar_inference", "05-figures", "Fig1RadarInference.Draw("),
        ("figure-fig2_cost_per_mtokens", "05-figures", "PlatformBarFigures.CostPerMillionTokens("),
        ("figure-fig3_energy_per_token", "05-figures", "PlatformBarFigures.EnergyPerToken("),
        ("figure-agent_density_steps", "05-figures", "AgentDensityFigure.Draw("),
        ("figure-table2_ratios", "05-figures", "Table2RatiosFigure.Draw("),
        ("figure-uncertainty_density_ratio", "07-critique-and-uncertainty", "charts[\"uncertainty_density_ratio\"]"),
        ("figure-uncertainty_tornado", "07-critique-and-uncertainty", "charts[\"uncertainty_tornado\"]"),
        ("figure-break_even_volume", "07-critique-and-uncertainty", "charts[\"break_even_volume\"]"),
        ("figure-registry_types", "06-bottleneck-registry", "charts[\"registry_types\"]"),
        ("figure-registry_priority_difficulty", "06-bottleneck-registry", "charts[\"registry_priority_difficulty\"]"),
        ("figure-registry_dependencies", "06-bottleneck-registry", "charts[\"registry_dependencies\"]"),
        ("table-table1_baselines", "01-calibrated-baselines", "Frame.FromRecords(data.Table1.Select("),
        ("table-table2_projections", "03-projections", "Table2Projection.Ratios(data.Table2)"),
        ("table-projections_table", "07-critique-and-uncertainty", "PlatformProjections.Rows(data)"),
        ("table-agent_density", "04-agent-density", "Scenarios.AgentDensityRows(inputs)"),
        ("table-registry_summary", "06-bottleneck-registry", "Taxonomy.Counts(registry)"),
    ];

    /// <summary>The site page that shows <paramref name="anchor"/>: the registry's charts are on the dashboards, the rest on the home page.</summary>
    public static string PageOf(string anchor) => anchor.StartsWith("figure-registry_", StringComparison.Ordinal) ? "dashboards.html" : "index.html";

    /// <summary>For each site anchor, the notebook and the id of the code cell that draws it, among <paramref name="notebooks"/>.</summary>
    public static IReadOnlyDictionary<string, (SiteNotebook Notebook, string CellId)> Resolve(IReadOnlyList<SiteNotebook> notebooks)
    {
        var links = new Dictionary<string, (SiteNotebook, string)>(StringComparer.Ordinal);
        foreach (var (anchor, name, marker) in Drawn)
        {
            var notebook = notebooks.FirstOrDefault(n => n.Name == name);
            var cell = notebook?.Document.Elements.FirstOrDefault(e => !NotebookFile.IsMarkdown(e) && e.Id is not null && e.Contents.Contains(marker, StringComparison.Ordinal));
            if (notebook is not null && cell?.Id is { } id) links[anchor] = (notebook, id);
        }
        return links;
    }
}

/// <summary>One output of a notebook cell as the page shows it.</summary>
/// <param name="Html">Markup the kernel's formatters produced (the bundle's frame tables, charts), or null.</param>
/// <param name="Text">Plain text (a stream, a value's text form, an error), or null.</param>
/// <param name="IsError">True for an error output.</param>
public sealed partial record NotebookOutputView(string? Html, string? Text, bool IsError)
{
    /// <summary>
    /// The outputs of <paramref name="element"/>: HTML when the kernel gave <c>text/html</c>, else <c>text/plain</c>; chart
    /// scripts that would load plotly.js from a CDN or through require.js use the copy the page loads instead
    /// (<see cref="OfflineCharts"/>), so the page works offline.
    /// </summary>
    public static IReadOnlyList<NotebookOutputView> Of(InteractiveDocumentElement element)
    {
        var views = new List<NotebookOutputView>();
        foreach (var output in element.Outputs)
        {
            switch (output)
            {
                case TextElement text:
                    views.Add(new(null, text.Text.Replace("\r\n", "\n"), false));
                    break;
                case ErrorElement error:
                    views.Add(new(null, $"{error.ErrorName}: {error.ErrorValue}", true));
                    break;
                case DisplayElement display:
                    views.Add(FromData(display.Data));
                    break;
                case ReturnValueElement value:
                    views.Add(FromData(value.Data));
                    break;
            }
        }
        return views;
    }

    private static NotebookOutputView FromData(IDictionary<string, object> data)
    {
        if (data.TryGetValue("text/html", out var html)) return new(OfflineCharts(DataText(html)), null, false);
        return new(null, data.TryGetValue("text/plain", out var plain) ? DataText(plain) : "", false);
    }

    private static string DataText(object value) => value switch
    {
        string s => s.Replace("\r\n", "\n"),
        IEnumerable<object> lines => string.Concat(lines).Replace("\r\n", "\n"),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// True when <paramref name="html"/> draws a plotly.js chart; the page then loads the site's plotly.js once, before
    /// the first output.
    /// </summary>
    public static bool DrawsChart(string html) => html.Contains("Plotly.newPlot(", StringComparison.Ordinal);

    /// <summary>
    /// A chart output made to work offline on a page that has loaded plotly.js: a <c>&lt;script src&gt;</c> that loads
    /// plotly.js (from a CDN or anywhere) is removed, and a require.js loader (Plotly.NET's <c>Require</c> reference) is
    /// replaced by a call with the page's <c>window.Plotly</c>.
    /// </summary>
    public static string OfflineCharts(string html) =>
        RequireLoader().Replace(PlotlyScriptTag().Replace(html, ""), "function (modules, ready) { ready(window.Plotly); };");

    [GeneratedRegex("<script[^>]*\\ssrc=\"[^\"]*plotly[^\"]*\"[^>]*>\\s*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex PlotlyScriptTag();

    [GeneratedRegex("requirejs\\.config\\(\\{[^;]*?paths:\\{plotly:'[^']*'\\}\\}\\)\\s*\\|\\|\\s*require;")]
    private static partial Regex RequireLoader();
}
