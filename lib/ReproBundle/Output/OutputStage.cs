using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReproBundle.Data;

namespace ReproBundle.Output;

/// <summary>
/// Collects every file a run writes in a private staging folder next to the output folder and publishes them
/// only when the whole run succeeded (<see cref="Commit"/>), so a failed run leaves nothing half-written. All text
/// is UTF-8 without BOM, LF line ends, invariant culture.
/// </summary>
/// <remarks>
/// <para><b>Ownership.</b> A run deletes only files it wrote itself: the <c>outputs</c> of the previous
/// <c>MANIFEST.json</c> in the output folder that the new run no longer writes. Every other file in the folder (a
/// user's notes, screenshots) is left alone. A stage that writes a manifest (<c>reproduce</c>) refuses to overwrite an
/// existing file that the previous manifest does not list.</para>
/// <para><b>One run at a time.</b> The constructor takes an advisory lock, <c>.&lt;name&gt;.lock</c> beside the output
/// folder (a <see cref="FileStream"/> with <see cref="FileShare.None"/>, an <c>flock</c> on Unix), held until
/// <see cref="Dispose"/>; a second run waits up to <see cref="LockWait"/> and then stops with exit code 2. The lock file
/// itself is left in place (deleting it would race with the next run).</para>
/// <para><b>Publishing and recovery (a roll-forward journal).</b> <see cref="Commit"/> first writes the journal
/// <c>.&lt;name&gt;.journal.json</c> beside the output folder (written to a temporary name, flushed, renamed: the rename
/// is the commit point). It lists the staging folder, the files to move in (MANIFEST.json last) and the previous run's
/// files to delete. Then it deletes, moves each file by rename, removes the staging folder and finally the journal.
/// Every step can be repeated, so when a run is killed after the commit point, the next run (or
/// <see cref="Recover"/>) replays the journal and the folder holds the complete new tree; when killed before it, the
/// next run removes the staging folder and the folder holds the complete old tree. Under the lock, any
/// <c>.&lt;name&gt;.staging-*</c> folder left by a dead run is removed. A reader who looks while a publish is under way
/// (a few milliseconds) can see a mix; the manifest, moved last, always describes a complete tree.</para>
/// <para><b>Interruption.</b> When <see cref="ProcessCancellation"/> fires (the CLI wires it to SIGINT and SIGTERM),
/// the next write throws <see cref="OperationCanceledException"/> and <see cref="Dispose"/> removes the staging folder;
/// once the journal is written, publishing completes regardless.</para>
/// </remarks>
public sealed class OutputStage : IDisposable
{
    private readonly SortedDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private readonly FileStream _lock;
    private bool _committed;

    /// <summary>The name of the manifest, whose <c>outputs</c> name the files a run owns.</summary>
    public const string ManifestName = "MANIFEST.json";

    /// <summary>How long a second run waits for the lock of an output folder before it gives up.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Cancelled when the process is asked to stop (the CLI sets it to a token that SIGINT and SIGTERM cancel);
    /// every stage checks it before each write and before publishing.
    /// </summary>
    public static CancellationToken ProcessCancellation { get; set; }

    /// <summary>The largest manifest or journal a run reads back [bytes].</summary>
    public const int MaxManifestBytes = 16 << 20;

    /// <summary>
    /// Test hook: <c>REPROBUNDLE_TEST_STEP_MS</c> (0-1000) pauses after each staged file and each publish step, so the kill
    /// tests can land a signal inside the staging and publish windows. Unset (0) in normal use.
    /// </summary>
    private static readonly int TestStepDelayMs =
        int.TryParse(Environment.GetEnvironmentVariable("REPROBUNDLE_TEST_STEP_MS"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var ms) ? Math.Clamp(ms, 0, 1000) : 0;

    /// <summary>The final output folder.</summary>
    public string OutputRoot { get; }

    /// <summary>The staging folder files are written to until <see cref="Commit"/>.</summary>
    public string StagingRoot { get; }

    /// <summary>UTF-8 without byte-order mark, the encoding of every text output.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>
    /// Checks <paramref name="outputRoot"/> (<see cref="OutputFolder.Check"/>), takes its lock, completes or rolls back
    /// an interrupted earlier run, removes stale staging folders and creates a fresh staging folder beside it (same file
    /// system, so moves are renames). Refusals throw <see cref="BundleInputException"/> naming <c>--output</c>.
    /// </summary>
    /// <param name="outputRoot">The output folder.</param>
    /// <param name="dataDirectory">The run's data folder, which the output may not be, contain or lie in; null for none.</param>
    public OutputStage(string outputRoot, string? dataDirectory = null)
    {
        OutputFolder.Check(outputRoot, dataDirectory);
        OutputRoot = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(OutputRoot) ?? ".";
        var name = Path.GetFileName(OutputRoot);
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BundleInputException(OutputFolder.Option, $"cannot create '{BundleInputException.Shorten(parent)}': {e.Message}");
        }
        _lock = TakeLock(Path.Combine(parent, $".{name}.lock"), outputRoot);
        try
        {
            Recover(OutputRoot);
            StagingRoot = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(StagingRoot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _lock.Dispose();
            throw new BundleInputException(OutputFolder.Option, $"cannot write beside '{BundleInputException.Shorten(outputRoot)}': {e.Message}");
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    private static FileStream TakeLock(string path, string outputRoot)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new BundleInputException(OutputFolder.Option, $"cannot write beside '{BundleInputException.Shorten(outputRoot)}': {e.Message}");
            }
            catch (IOException) when (File.Exists(path) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException e) when (File.Exists(path))
            {
                throw new BundleInputException(OutputFolder.Option,
                    $"another run is writing to '{BundleInputException.Shorten(outputRoot)}' (it holds {Path.GetFileName(path)}); wait for it to finish or choose another folder ({e.GetType().Name})");
            }
            catch (IOException e)
            {
                throw new BundleInputException(OutputFolder.Option, $"cannot write beside '{BundleInputException.Shorten(outputRoot)}': {e.Message}");
            }
        }
    }

    /// <summary>
    /// Brings <paramref name="outputRoot"/> to a complete tree after an interrupted run: replays a committed journal
    /// (the new tree), or else removes the staging folders of dead runs (the old tree stays). Call it only while holding
    /// the folder's lock (the constructor does); tests call it after killing a run.
    /// </summary>
    public static void Recover(string outputRoot)
    {
        var root = Path.GetFullPath(outputRoot).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(root) ?? ".";
        var name = Path.GetFileName(root);
        var journal = Path.Combine(parent, $".{name}.journal.json");
        if (File.Exists(journal)) Journal.Read(journal, root).Apply();
        File.Delete(journal + ".tmp");
        if (!Directory.Exists(parent)) return;
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.staging-*"))
        {
            Directory.Delete(stale, recursive: true);
        }
    }

    /// <summary>The staging path of <paramref name="relativePath"/> (forward slashes), creating its folder.</summary>
    public string PathFor(string relativePath)
    {
        var full = Path.Combine(StagingRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Writes text (newlines normalised to LF) and records its hash for the manifest.</summary>
    public void WriteText(string relativePath, string text)
    {
        WriteBytes(relativePath, Utf8.GetBytes(text.Replace("\r\n", "\n")));
    }

    /// <summary>Writes bytes and records their hash for the manifest.</summary>
    public void WriteBytes(string relativePath, byte[] bytes)
    {
        ProcessCancellation.ThrowIfCancellationRequested();
        File.WriteAllBytes(PathFor(relativePath), bytes);
        if (TestStepDelayMs > 0) Thread.Sleep(TestStepDelayMs);
        _hashes[relativePath] = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Records a file that another component wrote at <see cref="PathFor"/> (a PNG from the browser, say).</summary>
    public void RecordWritten(string relativePath)
    {
        _hashes[relativePath] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathFor(relativePath))));
    }

    /// <summary>
    /// Writes a CSV file: a header row of snake_case names, one line per row, cells formatted by
    /// <see cref="FormatCell"/> and quoted only where needed.
    /// </summary>
    public void WriteCsv(string relativePath, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header.Select(Quote))).Append('\n');
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new InvalidOperationException($"{relativePath}: row has {row.Count} cells, header {header.Count}");
            }
            sb.Append(string.Join(',', row.Select(c => Quote(FormatCell(c))))).Append('\n');
        }
        WriteText(relativePath, sb.ToString());
    }

    /// <summary>Invariant, round-trip text for a cell: doubles with "R", null as empty, booleans lower-case.</summary>
    public static string FormatCell(object? value) => value switch
    {
        null => "",
        double d => Interval.Format(d),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    /// <summary>The files written so far and their SHA-256, in path order.</summary>
    public IReadOnlyDictionary<string, string> WrittenFiles => _hashes;

    /// <summary>
    /// Publishes the staged files: checks that none would overwrite a file the previous run did not write, writes the
    /// journal (the commit point), then replays it (see the remarks of <see cref="OutputStage"/>).
    /// </summary>
    public void Commit()
    {
        ProcessCancellation.ThrowIfCancellationRequested();
        var previous = PreviousOutputs(OutputRoot);
        var strict = _hashes.ContainsKey(ManifestName);
        foreach (var file in _hashes.Keys)
        {
            var target = Path.Combine(OutputRoot, file);
            if (Directory.Exists(target))
            {
                throw new BundleInputException(OutputFolder.Option, $"'{BundleInputException.Shorten(target)}' is a folder where this run writes a file; move it away");
            }
            if (strict && File.Exists(target) && !previous.Contains(file))
            {
                throw new BundleInputException(OutputFolder.Option,
                    $"'{BundleInputException.Shorten(target)}' exists and was not written by an earlier run (its {ManifestName} does not list it); move it away or choose another folder");
            }
            for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(OutputRoot, dir)))
                {
                    throw new BundleInputException(OutputFolder.Option, $"'{BundleInputException.Shorten(Path.Combine(OutputRoot, dir))}' is a file where this run needs a folder; move it away");
                }
            }
        }
        var add = _hashes.Keys.Where(k => k != ManifestName).Append(ManifestName).Where(_hashes.ContainsKey).ToList();
        var remove = previous.Where(p => !_hashes.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var journal = new Journal(JournalPath(OutputRoot), OutputRoot, StagingRoot, add, remove);
        journal.Write();
        _committed = true;
        journal.Apply();
    }

    private static string JournalPath(string root) => Path.Combine(Path.GetDirectoryName(root) ?? ".", $".{Path.GetFileName(root)}.journal.json");

    /// <summary>
    /// The <c>outputs</c> of the manifest in <paramref name="outputRoot"/>: the files the previous run wrote. Empty when
    /// there is no manifest; a manifest that is not one this program wrote is bad input.
    /// </summary>
    public static IReadOnlySet<string> PreviousOutputs(string outputRoot)
    {
        var path = Path.Combine(outputRoot, ManifestName);
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        try
        {
            using var doc = ReadJsonLimited(path);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                throw new BundleInputException(path, "is not a manifest written by reproduce (no 'outputs' object); move it away");
            }
            foreach (var p in outputs.EnumerateObject())
            {
                result.Add(CheckRelative(path, p.Name));
            }
            result.Add(ManifestName);
            return result;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new BundleInputException($"{path}:{(e.LineNumber ?? 0) + 1}", "is not valid JSON, so this run cannot tell which files it owns; move it away");
        }
    }

    /// <summary>Parses a JSON file of at most <see cref="MaxManifestBytes"/> with a depth limit of 16.</summary>
    internal static System.Text.Json.JsonDocument ReadJsonLimited(string path)
    {
        if (new FileInfo(path).Length > MaxManifestBytes)
        {
            throw new BundleInputException(path, $"is larger than {MaxManifestBytes >> 20} MB");
        }
        return System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path), new System.Text.Json.JsonDocumentOptions { MaxDepth = 16 });
    }

    /// <summary>A relative path a manifest or journal may name: forward slashes, no '..', not absolute, no control characters.</summary>
    internal static string CheckRelative(string file, string relative)
    {
        if (relative.Length == 0 || relative.Length > 1024 || relative.StartsWith('/') || relative.Contains('\\')
            || relative.Split('/').Any(seg => seg is "" or "." or "..") || relative.Any(char.IsControl))
        {
            throw new BundleInputException(file, $"names '{BundleInputException.Shorten(relative)}', which is not a plain relative path; move the file away");
        }
        return relative;
    }

    /// <summary>The publish journal: what to move in and what to delete; replaying it is idempotent.</summary>
    private sealed record Journal(string Path, string OutputRoot, string StagingRoot, IReadOnlyList<string> Add, IReadOnlyList<string> Remove)
    {
        public void Write()
        {
            using var buffer = new MemoryStream();
            using (var w = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("staging", System.IO.Path.GetFileName(StagingRoot));
                w.WriteStartArray("add");
                foreach (var a in Add) w.WriteStringValue(a);
                w.WriteEndArray();
                w.WriteStartArray("remove");
                foreach (var r in Remove) w.WriteStringValue(r);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            var tmp = Path + ".tmp";
            using (var f = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                f.Write(buffer.ToArray());
                f.Flush(flushToDisk: true);
            }
            File.Move(tmp, Path, overwrite: true);
        }

        public static Journal Read(string path, string outputRoot)
        {
            try
            {
                using var doc = ReadJsonLimited(path);
                var root = doc.RootElement;
                var staging = root.GetProperty("staging").GetString() ?? "";
                if (staging.Contains('/') || !staging.StartsWith($".{System.IO.Path.GetFileName(outputRoot)}.staging-", StringComparison.Ordinal))
                {
                    throw new BundleInputException(path, "names a staging folder this program did not create; move it away");
                }
                List<string> List(string name) => root.GetProperty(name).EnumerateArray().Select(e => CheckRelative(path, e.GetString() ?? "")).ToList();
                return new Journal(path, outputRoot, System.IO.Path.Combine(System.IO.Path.GetDirectoryName(outputRoot) ?? ".", staging), List("add"), List("remove"));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new BundleInputException(path, "is not a publish journal this program wrote; move it away");
            }
        }

        public void Apply()
        {
            var stepDelay = TestStepDelayMs;
            var touched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in Remove)
            {
                var target = System.IO.Path.Combine(OutputRoot, r);
                if (File.Exists(target)) File.Delete(target);
                if (System.IO.Path.GetDirectoryName(r) is { Length: > 0 } dir) touched.Add(dir);
                if (stepDelay > 0) Thread.Sleep(stepDelay);
            }
            foreach (var a in Add)
            {
                var from = System.IO.Path.Combine(StagingRoot, a);
                if (!File.Exists(from)) continue; // moved by an earlier, interrupted replay
                var to = System.IO.Path.Combine(OutputRoot, a);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
                File.Move(from, to, overwrite: true);
                if (stepDelay > 0) Thread.Sleep(stepDelay);
            }
            // Folders emptied by the deletions go too (deepest first), never one holding anything else.
            foreach (var dir in touched.Reverse())
            {
                for (var d = dir; !string.IsNullOrEmpty(d); d = System.IO.Path.GetDirectoryName(d))
                {
                    var full = System.IO.Path.Combine(OutputRoot, d);
                    if (!Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).Any()) break;
                    Directory.Delete(full);
                }
            }
            if (Directory.Exists(StagingRoot)) Directory.Delete(StagingRoot, recursive: true);
            File.Delete(Path);
        }
    }

    /// <summary>Removes the staging folder when the run did not commit.</summary>
    public void Dispose()
    {
        try
        {
            if (!_committed && Directory.Exists(StagingRoot))
            {
                Directory.Delete(StagingRoot, recursive: true);
            }
        }
        finally
        {
            _lock.Dispose();
        }
    }
}
