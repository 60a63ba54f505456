using System.Text.Json;
using ReproBundle.Figures;

namespace ReproBundle.Output;

/// <summary>One way a freshly reproduced output differs from the committed <c>output/</c>.</summary>
/// <param name="Path">The file, relative to the output folder (forward slashes).</param>
/// <param name="What">What differs: the first differing line with both texts, a file on one side only, or a PNG's source.</param>
public sealed record OutputDifference(string Path, string What);

/// <summary>
/// The approved results committed under <c>output/</c> and the check that they are current. What is tracked is every
/// output but the large reproducible ones (<see cref="IsTracked"/>, the same rule as <c>.gitignore</c>); <see cref="Compare"/>
/// compares a committed folder with a fresh <c>reproduce</c> run byte for byte, PNGs through what they were drawn from.
/// </summary>
public static class CommittedOutput
{
    /// <summary>The one command, run from the repository root, that refreshes <c>output/</c> (PNGs whose figure did not change are reused).</summary>
    public const string RefreshCommand = "dotnet run --project lib/ReproBundle.Cli -c Release -- reproduce";

    /// <summary>The file in the committed folder that <c>reproduce</c> does not write (it describes the folder).</summary>
    public const string FolderReadme = "README.md";

    /// <summary>Largest line echoed in a difference [characters].</summary>
    private const int EchoLimit = 160;

    /// <summary>
    /// True for an output the repository tracks: everything <c>reproduce</c> writes except the figure pages
    /// (<c>figures/*.html</c>) and their <c>plotly.min.js</c> (3.6 MB, useless on the forge without it), the site
    /// (<c>site/</c>, 4.9 MB), the executed notebooks (<c>notebooks/</c>) and a reviewer's <c>claims_diff*</c> (not the approved
    /// result, and only written with <c>--assumptions</c>, like <c>review.md</c>). Their bytes are still locked through the
    /// SHA-256 that the tracked <c>MANIFEST.json</c> records for each. Files others put beside the results (the twins' charts
    /// in <c>twins/</c>, the browser tests' <c>screenshots/</c>) are not outputs of <c>reproduce</c> and are never compared.
    /// </summary>
    public static bool IsTracked(string relativePath) =>
        !(relativePath.StartsWith("site/", StringComparison.Ordinal)
          || relativePath.StartsWith("notebooks/", StringComparison.Ordinal)
          || relativePath == $"{FigureWriter.Folder}/{FigureWriter.PlotlyJsFileName}"
          || (relativePath.StartsWith(FigureWriter.Folder + "/", StringComparison.Ordinal) && relativePath.EndsWith(".html", StringComparison.Ordinal))
          || relativePath.StartsWith("claims_diff", StringComparison.Ordinal)
          || relativePath == "review.md"
          || relativePath.StartsWith("twins/", StringComparison.Ordinal)
          || relativePath.StartsWith("screenshots/", StringComparison.Ordinal)
          || relativePath == FolderReadme
          || relativePath.StartsWith('.'));

    /// <summary>The tracked outputs present in <paramref name="folder"/>, relative, sorted (ordinal).</summary>
    public static IReadOnlyList<string> TrackedFiles(string folder) =>
        !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace(System.IO.Path.DirectorySeparatorChar, '/'))
            .Where(IsTracked).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Compares the tracked outputs of <paramref name="committed"/> (the repository's <c>output/</c>) with those of
    /// <paramref name="fresh"/> (a <c>reproduce</c> run on the same data): text and JSON byte for byte (the first differing
    /// line is named), a PNG through its entry in <c>MANIFEST.json</c>'s <c>png_sources</c> (figure JSON hash, plotly.js build,
    /// renderer settings), since Chromium does not draw byte-identical PNGs across builds. Files on one side only are
    /// differences. Text files come first, then PNGs, then <c>MANIFEST.json</c>. Empty when <paramref name="committed"/> is current.
    /// </summary>
    public static IReadOnlyList<OutputDifference> Compare(string committed, string fresh)
    {
        var a = TrackedFiles(committed);
        var b = TrackedFiles(fresh);
        static int Order(string p) => p == OutputStage.ManifestName ? 2 : p.EndsWith(".png", StringComparison.Ordinal) ? 1 : 0;
        var differences = new List<OutputDifference>();
        var committedSources = new Lazy<IReadOnlyDictionary<string, string>>(() => PngSourceTexts(committed));
        var freshSources = new Lazy<IReadOnlyDictionary<string, string>>(() => PngSourceTexts(fresh));
        foreach (var path in a.Union(b).OrderBy(Order).ThenBy(p => p, StringComparer.Ordinal))
        {
            var inCommitted = a.Contains(path);
            var inFresh = b.Contains(path);
            if (!inFresh)
            {
                differences.Add(new(path, "output/ holds it, but reproduce no longer writes it"));
            }
            else if (!inCommitted)
            {
                differences.Add(new(path, "reproduce writes it, but output/ does not hold it"));
            }
            else if (path.EndsWith(".png", StringComparison.Ordinal))
            {
                var was = committedSources.Value.GetValueOrDefault(path);
                var now = freshSources.Value.GetValueOrDefault(path);
                if (was is null || now is null || was != now)
                {
                    differences.Add(new(path, $"drawn from {was ?? "a source MANIFEST.json does not record"}; the current figure is drawn from {now ?? "a source the new MANIFEST.json does not record"}"));
                }
            }
            else if (FirstDifference(File.ReadAllBytes(System.IO.Path.Combine(committed, path)), File.ReadAllBytes(System.IO.Path.Combine(fresh, path))) is { } what)
            {
                differences.Add(new(path, what));
            }
        }
        return differences;
    }

    /// <summary>
    /// The first line where two files differ, as <c>line N: output/ has «…», reproduce writes «…»</c>; null when the bytes are equal.
    /// Lines are split at LF; a file that is a prefix of the other differs at the first line past its end.
    /// </summary>
    public static string? FirstDifference(byte[] committed, byte[] fresh)
    {
        if (committed.AsSpan().SequenceEqual(fresh)) return null;
        var was = OutputStage.Utf8.GetString(committed).Split('\n');
        var now = OutputStage.Utf8.GetString(fresh).Split('\n');
        for (var i = 0; i < Math.Max(was.Length, now.Length); i++)
        {
            var x = i < was.Length ? was[i] : null;
            var y = i < now.Length ? now[i] : null;
            if (x != y)
            {
                return $"line {i + 1}: output/ has {Echo(x)}, reproduce writes {Echo(y)}";
            }
        }
        // Same text, different bytes (an invalid UTF-8 sequence decoded alike): name the byte.
        var at = committed.AsSpan().CommonPrefixLength(fresh);
        return $"byte {at + 1} differs";
    }

    private static string Echo(string? line) =>
        line is null ? "nothing (the file ends before)" : $"\"{(line.Length > EchoLimit ? line[..EchoLimit] + "..." : line)}\"";

    /// <summary>Each PNG's <c>png_sources</c> entry of the manifest in <paramref name="folder"/>, as one line of text; empty when unreadable.</summary>
    private static IReadOnlyDictionary<string, string> PngSourceTexts(string folder)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var manifest = System.IO.Path.Combine(folder, OutputStage.ManifestName);
        if (!File.Exists(manifest)) return result;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest), new JsonDocumentOptions { MaxDepth = 16 });
            if (!doc.RootElement.TryGetProperty(PngReuse.ManifestProperty, out var sources) || sources.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in sources.EnumerateObject())
            {
                if (p.Value.ValueKind != JsonValueKind.Object) continue;
                string Text(string name) => p.Value.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "?";
                result[p.Name] = $"figure JSON sha256 {Text("figure_json_sha256")[..Math.Min(16, Text("figure_json_sha256").Length)]}..., {Text("plotly_js")}, {Text("renderer")}";
            }
        }
        catch (JsonException)
        {
            // An unreadable manifest records no source: every PNG differs, and the manifest itself is reported as text.
        }
        return result;
    }

    /// <summary>
    /// The report of <see cref="Compare"/> for a failing check: how many files differ, each file with what differs (at most
    /// <paramref name="limit"/>), and the one command that refreshes <c>output/</c>.
    /// </summary>
    public static string Report(IReadOnlyList<OutputDifference> differences, int limit = 20)
    {
        var lines = new List<string> { $"output/ is not what reproduce writes now: {differences.Count} file(s) differ" };
        lines.AddRange(differences.Take(limit).Select(d => $"  output/{d.Path}: {d.What}"));
        if (differences.Count > limit) lines.Add($"  ... and {differences.Count - limit} more");
        lines.Add($"refresh it from the repository root with: {RefreshCommand}   (then commit output/)");
        return string.Join('\n', lines);
    }
}
