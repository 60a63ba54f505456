using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReproBundle.Browser;
using ReproBundle.Output;

namespace ReproBundle.Figures;

/// <summary>
/// What a PNG was drawn from: the SHA-256 of its figure JSON (<c>figures/&lt;name&gt;.json</c>, data and layout), the
/// plotly.js build that drew it and the renderer's settings (format, size, scale). Recorded per PNG in <c>MANIFEST.json</c>
/// under <c>png_sources</c>; two PNGs with equal sources are the same drawing, so a PNG whose source is unchanged is
/// reused instead of redrawn, and a committed PNG is checked through its source rather than its bytes (Chromium's
/// rasterizer is not byte-stable across builds).
/// </summary>
/// <param name="FigureJsonSha256">SHA-256 (lower-case hex) of the figure JSON's UTF-8 bytes.</param>
/// <param name="PlotlyJs">The plotly.js build: <c>plotly.js v&lt;version&gt;</c> from its header comment, and the first 16 hex digits of its SHA-256.</param>
/// <param name="Renderer">The drawing call and its settings, e.g. <c>Plotly.toImage png 1000x650 scale 1</c>.</param>
public sealed partial record PngSource(string FigureJsonSha256, string PlotlyJs, string Renderer)
{
    /// <summary>The source of a PNG drawn by <see cref="PngRenderer"/> from <paramref name="figureJson"/> at the given size [px].</summary>
    public static PngSource For(string figureJson, int width, int height) =>
        new(Convert.ToHexStringLower(SHA256.HashData(OutputStage.Utf8.GetBytes(figureJson))), PlotlyJsBuild.Value, RendererSettings(width, height));

    /// <summary>The renderer's settings as recorded: <see cref="PngRenderer"/> calls <c>Plotly.toImage</c> with format png, this size and scale 1.</summary>
    public static string RendererSettings(int width, int height) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Plotly.toImage png {width}x{height} scale 1");

    private static readonly Lazy<string> PlotlyJsBuild = new(() => PlotlyJsBuildOf(FigureWriter.PlotlyJs()));

    /// <summary>The build of a plotly.js text: its version from the header comment and a short hash of the whole text.</summary>
    internal static string PlotlyJsBuildOf(string plotlyJs)
    {
        var version = PlotlyVersion().Match(plotlyJs.Length > 2000 ? plotlyJs[..2000] : plotlyJs);
        var hash = Convert.ToHexStringLower(SHA256.HashData(OutputStage.Utf8.GetBytes(plotlyJs)))[..16];
        return version.Success ? $"plotly.js v{version.Groups[1].Value} sha256:{hash}" : $"plotly.js sha256:{hash}";
    }

    [GeneratedRegex(@"plotly\.js v([0-9][0-9A-Za-z.\-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PlotlyVersion();
}

/// <summary>
/// The PNGs of the previous run in an output folder that can be reused: those its <c>MANIFEST.json</c> lists under
/// <c>png_sources</c> whose file is still there with the SHA-256 the manifest's <c>outputs</c> records. A PNG is reused
/// only when its new source (<see cref="PngSource"/>) equals the recorded one; anything unreadable or changed is drawn again.
/// </summary>
public sealed class PngReuse
{
    /// <summary>The manifest property that maps each PNG (<c>figures/&lt;name&gt;.png</c>) to what it was drawn from.</summary>
    public const string ManifestProperty = "png_sources";

    private readonly string _outputRoot;
    private readonly IReadOnlyDictionary<string, (PngSource Source, string Sha256)> _previous;

    private PngReuse(string outputRoot, IReadOnlyDictionary<string, (PngSource Source, string Sha256)> previous)
    {
        _outputRoot = outputRoot;
        _previous = previous;
    }

    /// <summary>Nothing to reuse (no previous run, or <c>--no-png</c>).</summary>
    public static PngReuse None { get; } = new("", new Dictionary<string, (PngSource, string)>());

    /// <summary>How many PNGs the previous manifest recorded with a source.</summary>
    public int Count => _previous.Count;

    /// <summary>
    /// Reads the previous run's PNG sources from <c>MANIFEST.json</c> in <paramref name="outputRoot"/>. A missing or
    /// unreadable manifest, or one without <c>png_sources</c>, gives <see cref="None"/>: every PNG is drawn (the
    /// ownership check of <see cref="OutputStage"/> reports a manifest that is not this program's).
    /// </summary>
    public static PngReuse Load(string outputRoot)
    {
        var root = Path.GetFullPath(outputRoot);
        var manifest = Path.Combine(root, OutputStage.ManifestName);
        if (!File.Exists(manifest)) return None;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest), new JsonDocumentOptions { MaxDepth = 16 });
            if (!doc.RootElement.TryGetProperty(ManifestProperty, out var sources) || sources.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Object)
            {
                return None;
            }
            var previous = new Dictionary<string, (PngSource, string)>(StringComparer.Ordinal);
            foreach (var p in sources.EnumerateObject())
            {
                if (!p.Name.StartsWith(FigureWriter.Folder + "/", StringComparison.Ordinal) || !p.Name.EndsWith(".png", StringComparison.Ordinal)
                    || p.Name.Contains("..", StringComparison.Ordinal) || p.Value.ValueKind != JsonValueKind.Object
                    || !outputs.TryGetProperty(p.Name, out var hash) || hash.ValueKind != JsonValueKind.String)
                {
                    continue;
                }
                string? Text(string name) => p.Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (Text("figure_json_sha256") is { } figure && Text("plotly_js") is { } plotly && Text("renderer") is { } renderer)
                {
                    previous[p.Name] = (new PngSource(figure, plotly, renderer), hash.GetString()!);
                }
            }
            return new PngReuse(root, previous);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return None;
        }
    }

    /// <summary>
    /// The bytes of the previous PNG at <paramref name="pngPath"/> (<c>figures/&lt;name&gt;.png</c>) when it was drawn from
    /// <paramref name="source"/> and the file still has the hash the manifest recorded; else null (draw it).
    /// </summary>
    public byte[]? Reusable(string pngPath, PngSource source)
    {
        if (!_previous.TryGetValue(pngPath, out var previous) || previous.Source != source) return null;
        try
        {
            var bytes = File.ReadAllBytes(Path.Combine(_outputRoot, pngPath));
            return Convert.ToHexStringLower(SHA256.HashData(bytes)) == previous.Sha256 ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the <c>png_sources</c> object of a manifest: each PNG written this run, sorted by path, with its source.</summary>
    public static void WriteManifestProperty(Utf8JsonWriter w, IReadOnlyDictionary<string, PngSource> sources)
    {
        w.WriteStartObject(ManifestProperty);
        foreach (var (path, source) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            w.WriteStartObject(path);
            w.WriteString("figure_json_sha256", source.FigureJsonSha256);
            w.WriteString("plotly_js", source.PlotlyJs);
            w.WriteString("renderer", source.Renderer);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}

/// <summary>
/// The PNG side of one <c>reproduce</c> run: what the previous run left that can be reused (<see cref="PngReuse"/>) and the
/// browser, started only when a figure must be drawn. When nothing can be reused (a first run), the browser starts at once
/// so its start-up overlaps the rest of the run; otherwise it starts with the first changed figure, and a run that
/// changes no figure starts none.
/// </summary>
public sealed class PngSession : IDisposable
{
    private readonly object _gate = new();
    private PngRenderer? _renderer;

    /// <summary>The Chromium to draw with, or null when none is installed (changed figures then get no PNG).</summary>
    public string? ChromiumPath { get; }

    /// <summary>The previous run's reusable PNGs.</summary>
    public PngReuse Reuse { get; }

    private PngSession(string? chromiumPath, PngReuse reuse)
    {
        ChromiumPath = chromiumPath;
        Reuse = reuse;
    }

    /// <summary>Reads what <paramref name="outputRoot"/>'s previous run can lend, and starts the browser now when nothing can be reused.</summary>
    public static PngSession Open(string outputRoot, string? chromiumPath)
    {
        var session = new PngSession(chromiumPath, PngReuse.Load(outputRoot));
        if (session.Reuse.Count == 0) session.Renderer();
        return session;
    }

    /// <summary>True once a browser was started for this run.</summary>
    public bool BrowserStarted
    {
        get { lock (_gate) return _renderer is not null; }
    }

    /// <summary>The browser, started on the first call; null when no Chromium is installed.</summary>
    public PngRenderer? Renderer()
    {
        lock (_gate)
        {
            if (_renderer is null && ChromiumPath is not null) _renderer = PngRenderer.Start(ChromiumPath, FigureWriter.PlotlyJs());
            return _renderer;
        }
    }

    /// <summary>Starts ending the browser (when one was started) and returns at once; <see cref="Dispose"/> waits for it.</summary>
    public Task EndAsync()
    {
        lock (_gate) return _renderer?.EndAsync() ?? Task.CompletedTask;
    }

    /// <summary>Ends the browser's process tree, when one was started.</summary>
    public void Dispose()
    {
        PngRenderer? renderer;
        lock (_gate) renderer = _renderer;
        renderer?.Dispose();
    }
}
