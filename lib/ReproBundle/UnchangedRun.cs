using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReproBundle.Browser;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle;

/// <summary>
/// A <c>reproduce</c> that would rewrite the same bytes is not run again. After a complete run, a state file beside the
/// output folder (<c>.&lt;name&gt;.state.json</c>, like the lock and the journal) records a key of everything the outputs
/// depend on (every file under the data folder, the assumptions file, the options, whether a Chromium is found, the
/// build: the module version ids of the bundle's assemblies and the versions of the packages it references), the
/// SHA-256 of the MANIFEST.json the run published, and what the run printed. The next run with the same key, whose
/// output folder still holds that manifest and every file with the hash it lists, prints the same lines and one saying
/// nothing was rewritten. Runs with <c>--notebooks</c> or non-default Monte Carlo settings always run.
/// </summary>
internal static class UnchangedRun
{
    /// <summary>The largest data folder the key is computed for (larger: the run always runs) [files, bytes].</summary>
    private const int MaxDataFiles = 10_000, MaxDataBytes = 64 << 20;

    /// <summary>The state file of <paramref name="outputRoot"/>: <c>.&lt;name&gt;.state.json</c> beside it.</summary>
    public static string StatePath(string outputRoot)
    {
        var root = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(root) ?? ".", $".{Path.GetFileName(root)}.state.json");
    }

    /// <summary>The key of a run with <paramref name="options"/>, or null when such a run is always run.</summary>
    public static string? Key(ReproduceOptions options)
    {
        if (options.NotebooksDirectory is not null || options.MonteCarlo is not null) return null;
        var text = new StringBuilder();
        foreach (var assembly in new[] { typeof(Reproduction).Assembly, typeof(PaperData).Assembly, typeof(Interval).Assembly,
                     typeof(ReproBundle.Charts.OfflineChartPage).Assembly, Assembly.GetEntryAssembly() })
        {
            if (assembly is not null) text.Append("build ").Append(assembly.GetName().Name).Append(' ').Append(assembly.ManifestModule.ModuleVersionId).Append('\n');
        }
        foreach (var reference in typeof(Reproduction).Assembly.GetReferencedAssemblies().Select(r => r.FullName).Order(StringComparer.Ordinal))
        {
            text.Append("references ").Append(reference).Append('\n');
        }
        text.Append("png ").Append(options.Png ? ChromiumLocator.Find() is null ? "no-chromium" : "yes" : "no").Append('\n');
        var data = Path.GetFullPath(options.DataDirectory);
        if (!Directory.Exists(data)) return null;
        List<(string Relative, string Full)> files;
        try
        {
            files = [.. Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories).Take(MaxDataFiles + 1)
                .Select(f => (Relative: Path.GetRelativePath(data, f).Replace('\\', '/'), Full: f)).OrderBy(f => f.Relative, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (files.Count > MaxDataFiles) return null;
        long total = 0;
        foreach (var (relative, full) in files)
        {
            // A file the loader would refuse (a dangling link, too large, unreadable) makes the run run, so the loader reports it.
            // A FIFO or device is never read here (a read could block): the loader refuses it by name.
            var info = new FileInfo(full);
            if (!IsPlainFile(full)) return null;
            if (!info.Exists || info.Length > InputFile.MaxBytes || (total += info.Length) > MaxDataBytes) return null;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
            text.Append("data ").Append(relative).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(bytes))).Append('\n');
        }
        if (options.AssumptionsFile is { } assumptions)
        {
            var info = new FileInfo(assumptions);
            if (!IsPlainFile(assumptions)) return null;
            if (!info.Exists || info.Length > InputFile.MaxBytes) return null;
            try
            {
                text.Append("assumptions ").Append(info.FullName).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(assumptions)))).Append('\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(OutputStage.Utf8.GetBytes(text.ToString())));
    }

    /// <summary>True for a regular file (after links); a FIFO, device, loop or unreadable status is left to the loader's message.</summary>
    private static bool IsPlainFile(string path)
    {
        try
        {
            return FileStatus.Of(path, follow: true).Kind is FileKind.Regular or FileKind.Unknown;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// When the output folder holds the outputs of a run with <paramref name="key"/>, unchanged: prints what that run printed
    /// and returns its result (no file written); else null. Holds the folder's lock while it looks (and completes an
    /// interrupted publish first, as every run does).
    /// </summary>
    public static ReproductionResult? TryReplay(ReproduceOptions options, string key, TextWriter log)
    {
        var statePath = StatePath(options.OutputDirectory);
        if (!File.Exists(statePath)) return null;
        using var stage = new OutputStage(options.OutputDirectory, options.DataDirectory);
        try
        {
            using var state = OutputStage.ReadJsonLimited(statePath);
            var root = state.RootElement;
            if (root.GetProperty("key").GetString() != key) return null;
            var manifestPath = Path.Combine(stage.OutputRoot, OutputStage.ManifestName);
            if (!File.Exists(manifestPath)) return null;
            if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(manifestPath))) != root.GetProperty("manifest_sha256").GetString()) return null;
            using var manifest = OutputStage.ReadJsonLimited(manifestPath);
            foreach (var output in manifest.RootElement.GetProperty("outputs").EnumerateObject())
            {
                var file = Path.Combine(stage.OutputRoot, OutputStage.CheckRelative(manifestPath, output.Name));
                if (!File.Exists(file) || Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) != output.Value.GetString()) return null;
            }
            // The last run's lines, but its "pngs:" line (which PNGs it drew): this run drew none.
            foreach (var line in (root.GetProperty("log").GetString() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!line.StartsWith("pngs: ", StringComparison.Ordinal)) log.WriteLine(line);
            }
            log.WriteLine($"reproduce: nothing changed since the last run into {stage.OutputRoot} (same data, options and build; every output as MANIFEST.json records it), so nothing was rewritten and no PNG drawn");
            return new ReproductionResult(stage.OutputRoot, 0, [], new Dictionary<string, string>())
            {
                Warnings = [.. root.GetProperty("warnings").EnumerateArray().Select(w => w.GetString() ?? "")],
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or BundleInputException)
        {
            // A state file or manifest this run cannot read is no reason to skip: the run runs, and rewrites the state.
            return null;
        }
    }

    /// <summary>Records a complete run (every PNG drawn) with <paramref name="key"/>: the manifest it published and what it printed.</summary>
    public static void Save(ReproduceOptions options, string key, ReproductionResult result, string printed)
    {
        var statePath = StatePath(options.OutputDirectory);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("manifest_sha256", result.ManifestSha256);
            w.WriteString("log", printed);
            w.WriteStartArray("warnings");
            foreach (var warning in result.Warnings) w.WriteStringValue(warning);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        try
        {
            var tmp = statePath + ".tmp";
            File.WriteAllBytes(tmp, buffer.ToArray());
            File.Move(tmp, statePath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a state file the next run simply runs.
        }
    }
}
