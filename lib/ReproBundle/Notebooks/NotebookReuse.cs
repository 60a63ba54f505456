using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReproBundle.Output;

namespace ReproBundle.Notebooks;

/// <summary>
/// <c>reproduce --notebooks</c> runs again only the notebooks whose inputs changed. A notebook's key is the SHA-256 of its
/// file, the other files of the notebooks folder (the shared setup scripts), every file under the data folder, the
/// reviewer's assumptions file, the library build the notebooks load (the bundle's assemblies in
/// <c>lib/ReproBundle/bin/Release/net10.0</c>) and the runner's build. <c>MANIFEST.json</c> records it per executed
/// notebook under <c>notebook_sources</c>; an executed copy whose key is unchanged, and whose file still has the hash the
/// manifest lists, is taken over instead of run.
/// </summary>
public static class NotebookReuse
{
    /// <summary>The manifest property mapping each executed notebook (<c>notebooks/NAME.ipynb</c>) to its key.</summary>
    public const string ManifestProperty = "notebook_sources";

    private static readonly ConditionalWeakTable<OutputStage, SortedDictionary<string, string>> Keys = new();

    /// <summary>The key of every notebook in <paramref name="notebooks"/> (full paths), by path.</summary>
    public static IReadOnlyDictionary<string, string> KeysOf(IReadOnlyList<string> notebooks, string notebooksDirectory, string dataDirectory,
        string? assumptionsFile, string repositoryRoot)
    {
        var shared = new StringBuilder();
        void Add(string label, string root, IEnumerable<string> files)
        {
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                shared.Append(label).Append(' ').Append(Path.GetRelativePath(root, file).Replace('\\', '/')).Append(' ')
                    .Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
            }
        }
        Add("notebooks", notebooksDirectory, Directory.EnumerateFiles(notebooksDirectory).Where(f => !f.EndsWith(".ipynb", StringComparison.Ordinal)));
        Add("data", dataDirectory, Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories));
        if (assumptionsFile is not null) Add("assumptions", Path.GetDirectoryName(Path.GetFullPath(assumptionsFile))!, [Path.GetFullPath(assumptionsFile)]);
        var library = Path.Combine(repositoryRoot, "lib", "ReproBundle", "bin", "Release", "net10.0");
        if (Directory.Exists(library)) Add("library", library, Directory.EnumerateFiles(library, "ReproBundle*.dll"));
        shared.Append("runner ").Append(Assembly.GetEntryAssembly()?.ManifestModule.ModuleVersionId).Append('\n');
        var common = shared.ToString();
        return notebooks.ToDictionary(n => n, n => Convert.ToHexStringLower(SHA256.HashData(
            OutputStage.Utf8.GetBytes($"notebook {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(n)))}\n{common}"))), StringComparer.Ordinal);
    }

    /// <summary>
    /// The executed copy of <paramref name="outputPath"/> (<c>notebooks/NAME.ipynb</c>) the previous run in
    /// <paramref name="outputRoot"/> wrote with <paramref name="key"/>, when its file is unchanged; else null.
    /// </summary>
    public static string? Reusable(string outputRoot, string outputPath, string key)
    {
        var manifest = Path.Combine(outputRoot, OutputStage.ManifestName);
        if (!File.Exists(manifest)) return null;
        try
        {
            using var doc = OutputStage.ReadJsonLimited(manifest);
            if (!doc.RootElement.TryGetProperty(ManifestProperty, out var sources) || !sources.TryGetProperty(outputPath, out var recorded)
                || recorded.GetString() != key || !doc.RootElement.GetProperty("outputs").TryGetProperty(outputPath, out var hash)) return null;
            var bytes = File.ReadAllBytes(Path.Combine(outputRoot, outputPath));
            return Convert.ToHexStringLower(SHA256.HashData(bytes)) == hash.GetString() ? OutputStage.Utf8.GetString(bytes) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException
                                     or Data.BundleInputException)
        {
            return null;
        }
    }

    /// <summary>Records the key of an executed notebook written into <paramref name="stage"/>.</summary>
    public static void Record(OutputStage stage, string outputPath, string key)
    {
        var keys = Keys.GetOrCreateValue(stage);
        lock (keys) keys[outputPath] = key;
    }

    /// <summary>Writes the manifest's <c>notebook_sources</c> (nothing when the run executed no notebook).</summary>
    public static void WriteManifestProperty(Utf8JsonWriter w, OutputStage stage)
    {
        if (!Keys.TryGetValue(stage, out var keys) || keys.Count == 0) return;
        w.WriteStartObject(ManifestProperty);
        lock (keys)
        {
            foreach (var (path, key) in keys) w.WriteString(path, key);
        }
        w.WriteEndObject();
    }
}
