using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.FSharp.Core;
using Plotly.NET;
using ReproBundle.Browser;
using ReproBundle.Charts;
using ReproBundle.Output;

namespace ReproBundle.Figures;

/// <summary>
/// The figure exporter every chart of the bundle goes through. <see cref="Write"/> writes
/// <c>figures/&lt;name&gt;.html</c> (offline: plotly.js loaded from the one <c>figures/plotly.min.js</c> beside it, no
/// CDN request, a div id derived from the name instead of Plotly.NET's random GUID) and <c>figures/&lt;name&gt;.json</c> (the chart's data and layout,
/// indented, the text snapshot tests lock). Both are byte-identical across runs, cultures and time zones.
/// <see cref="RenderPngs"/>, called once at the end of a run, renders <c>figures/&lt;name&gt;.png</c> for every
/// figure written so far in ONE Chromium session with plotly.js loaded once; with <see cref="DrawPngsAsWritten"/> the browser
/// draws each PNG as soon as its figure is written, and <see cref="RenderPngs"/> only waits for the last ones.
/// </summary>
public static partial class FigureWriter
{
    /// <summary>The output folder of figures.</summary>
    public const string Folder = "figures";

    /// <summary>PNG size used when a chart's layout sets no width or height [px].</summary>
    public const int DefaultWidth = 1000, DefaultHeight = 650;

    [GeneratedRegex("^[a-z0-9][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("<div id=\"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\"", RegexOptions.CultureInvariant)]
    private static partial Regex DivGuid();

    [GeneratedRegex("<script[^>]*\\ssrc\\s*=\\s*[\"']?([^\"' >]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes <c>figures/&lt;name&gt;.html</c> and <c>figures/&lt;name&gt;.json</c> into <paramref name="stage"/>.
    /// <paramref name="name"/> is lower-case letters, digits and underscores (it becomes a file name and an HTML id).
    /// The PNG follows when <see cref="RenderPngs"/> runs.
    /// </summary>
    public static void Write(OutputStage stage, string name, GenericChart chart)
    {
        if (!NamePattern().IsMatch(name)) throw new ArgumentException($"figure name '{name}' must match [a-z0-9][a-z0-9_]*", nameof(name));
        var figure = Figure(chart, name);
        stage.WriteText($"{Folder}/{name}.json", figure.Json);
        // RenderPngs draws from what was written here (the JSON text and the layout's size), never re-reading the file.
        var written = Drawn.GetOrCreateValue(stage);
        lock (written)
        {
            written.Figures[name] = figure;
            // A PNG the previous run drew from the same figure JSON, plotly.js and settings is taken over, not drawn again.
            if (written.Session?.Reuse.Reusable($"{Folder}/{name}.png", figure.Source) is { } previousPng)
            {
                stage.WriteBytes($"{Folder}/{name}.png", previousPng);
                written.Reused.Add(name);
            }
            // With a browser attached (DrawPngsAsWritten), the PNG is queued now and drawn while the run goes on.
            else if ((written.Renderer ?? (written.Renderer = written.Session?.Renderer())) is { } renderer && written.Queued.Add(name))
            {
                renderer.Queue(PngJobFor(stage, name, figure));
            }
        }
        stage.WriteBytes($"{Folder}/{name}.html", HtmlBytes(name, chart));
        if (!stage.WrittenFiles.ContainsKey($"{Folder}/{PlotlyJsFileName}")) stage.WriteBytes($"{Folder}/{PlotlyJsFileName}", PlotlyJsUtf8.Value);
    }

    /// <summary>
    /// The chart's <c>{"data": [...], "layout": {...}}</c> as indented JSON with a final newline. Plotly.NET serializes
    /// numbers in invariant round-trip form and properties in the order they were set, so the text is stable.
    /// </summary>
    public static string FigureJson(GenericChart chart) => Figure(chart).Json;

    /// <summary>A figure as written: its <see cref="FigureJson"/> text and its PNG size [px] (the layout's, else the defaults).</summary>
    private sealed record WrittenFigure(string Json, int Width, int Height)
    {
        /// <summary>What its PNG is drawn from.</summary>
        public PngSource Source { get; } = PngSource.For(Json, Width, Height);
    }

    /// <summary>
    /// What <see cref="Write"/> put into one stage: the figures by name, the browser that draws their PNGs as they are written
    /// (<see cref="DrawPngsAsWritten"/>, or null) and the names already queued to it.
    /// </summary>
    private sealed class StageFigures
    {
        public readonly Dictionary<string, WrittenFigure> Figures = new(StringComparer.Ordinal);
        public PngRenderer? Renderer;
        public readonly HashSet<string> Queued = new(StringComparer.Ordinal);
        public PngSession? Session;
        public readonly HashSet<string> Reused = new(StringComparer.Ordinal);
    }

    /// <summary>The figures <see cref="Write"/> put into each stage, for <see cref="RenderPngs"/>.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OutputStage, StageFigures> Drawn = new();

    private static PngJob PngJobFor(OutputStage stage, string name, WrittenFigure f) => new(f.Json, stage.PathFor($"{Folder}/{name}.png"), f.Width, f.Height);

    /// <summary>
    /// From now on, every figure <see cref="Write"/> puts into <paramref name="stage"/> is queued to <paramref name="renderer"/> at
    /// once, so its PNG is drawn while the run builds the next chart; <see cref="RenderPngs"/> with the same renderer then waits
    /// for them (and queues any figure written before this call).
    /// </summary>
    public static void DrawPngsAsWritten(OutputStage stage, PngRenderer renderer)
    {
        var drawn = Drawn.GetOrCreateValue(stage);
        lock (drawn) drawn.Renderer = renderer;
    }

    /// <summary>
    /// From now on, every figure <see cref="Write"/> puts into <paramref name="stage"/> takes over the previous run's PNG when it was
    /// drawn from the same source (<see cref="PngReuse"/>), and otherwise is queued to the session's browser, which starts with the
    /// first figure that needs it. <see cref="FinishPngs"/> then waits for the drawings.
    /// </summary>
    public static void AttachPngSession(OutputStage stage, PngSession session)
    {
        var drawn = Drawn.GetOrCreateValue(stage);
        lock (drawn) drawn.Session = session;
    }

    /// <summary>
    /// What each PNG recorded in <paramref name="stage"/> was drawn from (drawn this run or reused), by path
    /// (<c>figures/&lt;name&gt;.png</c>), for the manifest's <c>png_sources</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, PngSource> PngSources(OutputStage stage)
    {
        var drawn = Drawn.GetOrCreateValue(stage);
        lock (drawn)
        {
            return drawn.Figures.Where(f => stage.WrittenFiles.ContainsKey($"{Folder}/{f.Key}.png"))
                .ToDictionary(f => $"{Folder}/{f.Key}.png", f => f.Value.Source, StringComparer.Ordinal);
        }
    }

    private static WrittenFigure Figure(GenericChart chart, string name = "")
    {
        var figure = JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();
        // The HTML page embeds the same data and layout, and the PNG is drawn from this JSON: one check covers all three.
        if (Escaping.PlotlyText.LiveMarkup(figure) is { } live)
        {
            throw new InvalidOperationException($"figure '{name}': text at {live.Path} holds markup the bundle did not write ('{live.Markup}'): text from data must go through PlotlyText.Data");
        }
        var layout = figure["layout"]!.DeepClone();
        var stable = new JsonObject
        {
            ["data"] = figure["data"]!.DeepClone(),
            ["layout"] = layout,
        };
        return new WrittenFigure(stable.ToJsonString(Indented) + "\n", layout["width"]?.GetValue<int>() ?? DefaultWidth, layout["height"]?.GetValue<int>() ?? DefaultHeight);
    }

    /// <summary>The stable HTML element id of a figure: <c>fig-&lt;name&gt;</c>.</summary>
    public static string DivId(string name) => $"fig-{name}";

    /// <summary>
    /// The file name of the one plotly.js copy each figures folder holds (<c>figures/plotly.min.js</c>, and
    /// <c>site/figures/plotly.min.js</c> beside the site's copies); every figure page loads it by this relative name.
    /// </summary>
    public const string PlotlyJsFileName = OfflineChartPage.PlotlyJsFileName;

    /// <summary>
    /// The chart as an offline HTML page: plotly.js is loaded from <see cref="PlotlyJsFileName"/> in the same folder (one
    /// 3.6 MB copy per folder instead of one per figure), nothing from the network, and the random GUID Plotly.NET puts in
    /// the div id and render function is replaced by ids derived from <paramref name="name"/>.
    /// </summary>
    public static string Html(string name, GenericChart chart)
    {
        var options = DisplayOptions.init(
            DocumentTitle: FSharpOption<string>.Some(name), DocumentCharset: FSharpOption<string>.Some("UTF-8"),
            DocumentDescription: null, DocumentFavicon: null, AdditionalHeadTags: null, ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NewCDN(PlotlyJsFileName)));
        var html = GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(options, chart)).Replace("\r\n", "\n");
        var matches = DivGuid().Matches(html);
        if (matches.Count != 1) throw new InvalidOperationException($"figure '{name}': expected one Plotly.NET chart div with a GUID id, found {matches.Count}");
        var guid = matches[0].Groups[1].Value;
        html = html.Replace(guid, DivId(name)).Replace(guid.Replace("-", ""), $"fig_{name}");
        html = OfflineChartPage.EscapeEmbeddedJson(html, $"figure '{name}'");
        var scripts = ScriptSource().Matches(html);
        if (scripts.Count != 1 || scripts[0].Groups[1].Value != PlotlyJsFileName)
        {
            throw new InvalidOperationException($"figure '{name}': the HTML must load exactly one script, the local {PlotlyJsFileName}, and found {scripts.Count} script references");
        }
        return html;
    }

    /// <summary>The UTF-8 bytes of <see cref="Html"/>.</summary>
    public static byte[] HtmlBytes(string name, GenericChart chart) => OutputStage.Utf8.GetBytes(Html(name, chart));

    private static readonly Lazy<byte[]> PlotlyJsUtf8 = new(() => OutputStage.Utf8.GetBytes(PlotlyJs()));

    /// <summary>plotly.js as Plotly.NET embeds it (the build the figure pages load): <see cref="OfflineChartPage.PlotlyJs"/>.</summary>
    public static string PlotlyJs() => OfflineChartPage.PlotlyJs();

    /// <summary>The names of the figures written into <paramref name="stage"/> so far, in path order.</summary>
    public static IReadOnlyList<string> WrittenFigures(OutputStage stage) =>
        stage.WrittenFiles.Keys.Where(k => k.StartsWith(Folder + "/", StringComparison.Ordinal) && k.EndsWith(".json", StringComparison.Ordinal))
            .Select(k => k[(Folder.Length + 1)..^".json".Length]).ToList();

    /// <summary>
    /// Renders <c>figures/&lt;name&gt;.png</c> for every figure written into <paramref name="stage"/>, in one Chromium
    /// session (<see cref="PngRenderer"/>), and records each PNG in the stage. When no Chromium is found
    /// (<see cref="ChromiumLocator.Find"/>), writes none and prints one line saying how to get them: HTML and JSON are
    /// already written. When the browser fails (see <see cref="PngRenderer.Finish"/>), the PNGs it did not draw are
    /// returned in <see cref="PngOutcome.Missing"/> with the reason. Pass a <paramref name="renderer"/> started early with
    /// <see cref="PngRenderer.Start"/> to overlap Chromium's start-up with the rest of the run; without one, a browser is
    /// started here.
    /// </summary>
    public static PngOutcome RenderPngs(OutputStage stage, TextWriter log, PngRenderer? renderer = null) =>
        RenderPngsWith(stage, log, renderer, renderer?.ChromiumPath ?? ChromiumLocator.Find());

    /// <summary>
    /// <see cref="RenderPngs"/> for a run with a <see cref="PngSession"/>: PNGs taken over
    /// from the previous run are counted in <see cref="PngOutcome.Reused"/>; the rest are drawn by the session's browser, which is
    /// started only if any is left to draw.
    /// </summary>
    public static PngOutcome FinishPngs(OutputStage stage, TextWriter log, PngSession session) =>
        RenderPngsWith(stage, log, null, session.ChromiumPath, session);

    /// <summary><see cref="RenderPngs(OutputStage, TextWriter, PngRenderer?)"/> with the Chromium already looked up (null: none).</summary>
    internal static PngOutcome RenderPngsWith(OutputStage stage, TextWriter log, PngRenderer? renderer, string? chromiumPath, PngSession? session = null)
    {
        var drawn = Drawn.GetOrCreateValue(stage);
        List<string> reused;
        lock (drawn) reused = [.. drawn.Reused.Order(StringComparer.Ordinal)];
        var names = WrittenFigures(stage).Where(n => !reused.Contains(n)).ToList();
        if (names.Count == 0) return PngOutcome.None with { Reused = reused };
        if (chromiumPath is null)
        {
            log.WriteLine($"figures: wrote {names.Count} figures as HTML and JSON but no PNG: no Chromium found; to get PNGs, {ChromiumLocator.InstallHint} and run reproduce again");
            return PngOutcome.None with { Reused = reused };
        }
        renderer ??= session?.Renderer();
        using var own = renderer is null ? PngRenderer.Start(chromiumPath, PlotlyJs()) : null;
        var drawing = renderer ?? own!;
        lock (drawn)
        {
            // Figures not queued as they were written (no browser attached, or written before it was) are queued now.
            var queued = ReferenceEquals(drawn.Renderer, drawing) ? drawn.Queued : [];
            foreach (var name in names.Where(n => !queued.Contains(n)))
            {
                drawing.Queue(drawn.Figures.TryGetValue(name, out var f)
                    ? PngJobFor(stage, name, f)
                    : throw new InvalidOperationException($"figures/{name}.json was not written by FigureWriter.Write, so its PNG has no figure to draw"));
            }
            drawn.Renderer = null;
        }
        var failed = drawing.Finish();
        var missing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = $"{Folder}/{name}.png";
            if (failed.TryGetValue(stage.PathFor(path), out var reason)) missing[path] = reason;
            else stage.RecordWritten(path);
        }
        return new PngOutcome(names.Count - missing.Count, missing)
        {
            Drawn = [.. names.Where(n => !missing.ContainsKey($"{Folder}/{n}.png"))],
            Reused = reused,
        };
    }
}

/// <summary>What PNG export did: how many PNGs were written, and which could not be drawn and why.</summary>
/// <param name="Written">PNGs written.</param>
/// <param name="Missing">Output paths (<c>figures/&lt;name&gt;.png</c>) of PNGs a browser fault left undrawn, with the reason, sorted by path.</param>
public sealed record PngOutcome(int Written, IReadOnlyDictionary<string, string> Missing)
{
    /// <summary>No PNG written and none missing (no figures, no Chromium, or <c>--no-png</c>).</summary>
    public static PngOutcome None { get; } = new(0, new SortedDictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The figures whose PNG was drawn this run, in path order.</summary>
    public IReadOnlyList<string> Drawn { get; init; } = [];

    /// <summary>The figures whose PNG was taken over from the previous run (same figure JSON, plotly.js and renderer settings), in path order.</summary>
    public IReadOnlyList<string> Reused { get; init; } = [];

    /// <summary>One line for the log: which PNGs were drawn and which reused.</summary>
    public string DrawnAndReusedLine() =>
        $"pngs: {Drawn.Count} drawn{(Drawn.Count > 0 ? $" ({string.Join(", ", Drawn)})" : "")}, {Reused.Count} reused (figure JSON, plotly.js and renderer settings unchanged)";
}
