using System.Text;
using System.Text.RegularExpressions;
using ReproBundle.Data;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, item 4: markup fed through every text field of every input file (the text columns of data/*.csv and
/// data/figures/*.csv, a registry entry's name, known solutions, blockers and body, a BibTeX title, the name of an
/// assumptions file) reaches no output as live markup: not the figure JSON (plotly.js renders an HTML subset in names,
/// labels, annotations and titles; the PNG is drawn from this JSON), not the figure and site HTML (raw or inside embedded
/// JSON), not the Markdown reports, not the Atom feeds. One in-process run without PNGs and one scan of every file.
/// </summary>
public class MarkupEverywhereTests
{
    private const string Payload = " <a href=x>L</a><script>s</script><img src=x>";

    /// <summary>The free-text columns of each data file (ids, numbers and closed vocabularies are validated elsewhere).</summary>
    private static readonly Dictionary<string, string[]> TextColumns = new(StringComparer.Ordinal)
    {
        ["claims.csv"] = ["section", "quote", "published", "explanation"],
        ["findings.csv"] = ["title", "statement"],
        ["inputs.csv"] = ["unit", "source", "note"],
        ["not_claims.csv"] = ["section", "statement", "why"],
        ["related_inputs.csv"] = ["reason"],
        ["table1_baselines.csv"] = ["platform", "precision", "source", "note"],
        ["table2_projections.csv"] = ["metric", "unit", "source", "note"],
        ["figures/radar_assumptions.csv"] = ["source", "rationale"],
        ["figures/software_maturity_rubric.csv"] = ["criterion", "points_0", "points_1", "points_2"],
        ["figures/software_maturity_scores.csv"] = ["source", "rationale"],
    };

    /// <summary>The payload's tags as a browser, plotly.js or a Markdown renderer would read them: raw, or '&lt;' escaped for JSON or JavaScript.</summary>
    private static readonly Regex Live = new(@"(?:<|\\u003c|\\x3c)(?:a href=x|script>s|img src=x)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void Markup_in_every_text_field_reaches_no_output_as_live_markup()
    {
        using var temp = TestPaths.CopyOfData();
        var env = new FaultEnv(temp.Path);
        foreach (var (file, columns) in TextColumns) AppendToColumns(env.P(file), columns);
        FaultCorpus.Replace(env, "registry/B01.md", "name: \"Memory-bandwidth wall (decode)\"", $"name: \"Memory-bandwidth wall (decode){Payload}\"");
        FaultCorpus.Replace(env, "registry/B01.md", "  - \"FP4 QAT\"", $"  - \"FP4 QAT{Payload}\"");
        FaultCorpus.Replace(env, "registry/B01.md", "  - \"CapEx\"", $"  - \"CapEx{Payload}\"");
        File.AppendAllText(env.P("registry/B01.md"), $"\nA body line{Payload}\n");
        FaultCorpus.Replace(env, "references.bib", "title = {GQA:", $"title = {{GQA:{Payload}");
        var assumptions = env.Aside("mine <img src=x>.yaml", "model.utilization: 0.5\n");

        var (code, stdout, stderr, _) = FaultCorpusTests.RunInProcess(env.Reproduce("--assumptions", assumptions));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        var scanned = new Dictionary<string, int>(StringComparer.Ordinal);
        var escapedSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(env.Output, "*", SearchOption.AllDirectories))
        {
            var ext = Path.GetExtension(path);
            if (ext is not (".html" or ".json" or ".md" or ".atom" or ".xml" or ".svg")) continue;
            // MANIFEST.json is data (it names the assumptions file, markup and all), never rendered; figure JSON is plotly.js text.
            if (ext == ".json" && Path.GetFileName(path) == "MANIFEST.json") continue;
            var source = File.ReadAllText(path, Encoding.UTF8);
            // A Markdown file is judged by what a renderer makes of it (GitHub-like: raw HTML passes, code spans are literal).
            var text = ext == ".md" ? Markdig.Markdown.ToHtml(source, MarkdownRenderer) : source;
            var rel = Path.GetRelativePath(env.Output, path);
            var live = Live.Match(text);
            Assert.False(live.Success, $"{rel} holds live markup: ...{(live.Success ? text.Substring(Math.Max(0, live.Index - 60), Math.Min(120, text.Length - Math.Max(0, live.Index - 60))) : "")}...");
            if (ext == ".atom") Assert.DoesNotContain("type=\"html\"", text);
            scanned[ext] = scanned.GetValueOrDefault(ext) + 1;
            if (source.Contains("&lt;a href=x", StringComparison.Ordinal) || source.Contains("&amp;lt;a href=x", StringComparison.Ordinal)) escapedSeen.Add(rel);
        }

        // The payload did reach every kind of output, escaped (the scan is not vacuous).
        Assert.True(escapedSeen.Contains("claims_audit.md"), $"{"claims_audit.md"} not among: {string.Join(", ", escapedSeen.Order(StringComparer.Ordinal))}");
        Assert.True(escapedSeen.Contains("claims_diff.md"), $"{"claims_diff.md"} not among: {string.Join(", ", escapedSeen.Order(StringComparer.Ordinal))}");
        Assert.True(escapedSeen.Contains(Path.Combine("figures", "fig1_radar_inference.json")), $"{Path.Combine("figures", "fig1_radar_inference.json")} not among: {string.Join(", ", escapedSeen.Order(StringComparer.Ordinal))}");
        Assert.True(escapedSeen.Contains(Path.Combine("figures", "fig2_cost_per_mtokens.json")), $"{Path.Combine("figures", "fig2_cost_per_mtokens.json")} not among: {string.Join(", ", escapedSeen.Order(StringComparer.Ordinal))}");
        Assert.True(escapedSeen.Contains(Path.Combine("figures", "registry_dependencies.json")), $"{Path.Combine("figures", "registry_dependencies.json")} not among: {string.Join(", ", escapedSeen.Order(StringComparer.Ordinal))}");
        Assert.True(escapedSeen.Contains(Path.Combine("site", "index.html")), $"{Path.Combine("site", "index.html")} not among: {string.Join(", ", escapedSeen.Order(StringComparer.Ordinal))}");
        Assert.True(scanned.GetValueOrDefault(".atom") > 0 && scanned.GetValueOrDefault(".html") > 10 && scanned.GetValueOrDefault(".json") > 5, string.Join(", ", scanned));
    }

    [Theory]
    [InlineData("{\"data\": [{\"name\": \"<b>H100</b> <a href=x>L</a>\"}]}", "data/0/name", "<a href=x>L</a>")]
    [InlineData("{\"layout\": {\"title\": {\"text\": \"<b>t</b><br><span style=\\\"font-size:12px\\\">s</span><img src=x>\"}}}", "layout/title/text", "<img src=x>")]
    [InlineData("{\"layout\": {\"annotations\": [{\"text\": \"ok\"}, {\"text\": \"<!-- c -->\"}]}}", "layout/annotations/1/text", "<!-- c -->")]
    public void The_figure_check_finds_markup_the_bundle_did_not_write(string json, string path, string markup)
    {
        var hit = Escaping.PlotlyText.LiveMarkup(System.Text.Json.Nodes.JsonNode.Parse(json));
        Assert.NotNull(hit);
        Assert.Equal((path, markup), hit.Value);
    }

    [Fact]
    public void The_figure_check_passes_the_bundles_own_tags_and_escaped_data()
    {
        var text = "<b>Fig. 1</b><br><span style=\"font-size:12px\">sub</span> <i>x</i><sup>2</sup> " + Escaping.PlotlyText.Data("<a href=x>L</a> & <script>");
        Assert.Equal("&lt;a href=x&gt;L&lt;/a&gt; &amp; &lt;script&gt;", Escaping.PlotlyText.Data("<a href=x>L</a> & <script>"));
        Assert.Null(Escaping.PlotlyText.LiveMarkup(new System.Text.Json.Nodes.JsonObject { ["t"] = text }));
    }

    [Theory]
    [InlineData("a <script>x</script> | b\nc", "a &lt;script>x&lt;/script> \\| b c")]
    [InlineData("5 < 7", "5 &lt; 7")]
    public void Markdown_cells_escape_what_a_renderer_reads_as_html(string text, string expected) =>
        Assert.Equal(expected, Escaping.MarkdownText.Cell(text));

    [Theory]
    [InlineData("my.yaml", "`my.yaml`")]
    [InlineData("a`<img src=x>`.yaml", "``a`<img src=x>`.yaml``")]
    [InlineData("`x", "`` `x ``")]
    public void A_code_span_cannot_be_closed_by_a_backtick_in_its_text(string text, string expected) =>
        Assert.Equal(expected, Escaping.MarkdownText.CodeCell(text));

    private static readonly Markdig.MarkdownPipeline MarkdownRenderer = Markdig.MarkdownExtensions.UseAdvancedExtensions(new Markdig.MarkdownPipelineBuilder()).Build();

    /// <summary>Rewrites a CSV file with <see cref="Payload"/> appended to every cell of <paramref name="columns"/> (comment lines dropped).</summary>
    private static void AppendToColumns(string path, string[] columns)
    {
        var table = CsvTable.Load(path, columns);
        static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var sb = new StringBuilder(string.Join(',', table.Columns.Select(Quote)) + "\n");
        foreach (var row in table.Rows)
        {
            sb.Append(string.Join(',', table.Columns.Select(c => Quote(columns.Contains(c) && row[c].Length > 0 ? row[c] + Payload : row[c])))).Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }
}
