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
/// <para><b>Ownership (checked on the files themselves).</b> A run replaces or deletes only files that the previous
/// <c>MANIFEST.json</c> in the output folder lists AND whose bytes still match the SHA-256 it records. A listed file
/// that was changed since is the user's: a run that must write it stops (exit 2, naming it); a run that would delete it
/// leaves it and says so (<see cref="Commit"/> returns the note). Every other file is left alone, and an unlisted file at
/// a path the run writes stops it. Every command that writes keeps a manifest (<c>reproduce</c> its full one,
/// <c>uncertainty</c> <see cref="WriteOwnershipManifest"/>); a folder whose manifest names another command is refused.</para>
/// <para><b>Identities, not names.</b> The output folder is resolved to its real path first, so two names of one folder
/// share one lock, one staging area and one journal. No path the run writes or deletes may be, or lie under, a symbolic
/// link inside the output folder (exit 2 naming the link; links are never followed).</para>
/// <para><b>One run at a time.</b> The constructor takes an advisory lock, <c>.&lt;name&gt;.lock</c> beside the real output
/// folder (a <see cref="FileStream"/> with <see cref="FileShare.None"/>, an <c>flock</c> on Unix), held until
/// <see cref="Dispose"/>; a second run waits up to <see cref="LockWait"/> and then stops with exit code 2. The lock file
/// itself is left in place (deleting it would race with the next run).</para>
/// <para><b>Publishing (a journal, and an undo).</b> Before the commit point <see cref="Commit"/> checks every path and
/// probes every folder it will write into (a new file of <see cref="ProbeBytes"/>, same file system as the staging
/// folder). It then writes the journal <c>.&lt;name&gt;.journal.json</c> (temporary name, flushed, renamed: the commit
/// point) and moves the files in, setting each replaced or deleted file aside in the staging folder first. A failing
/// step undoes every step before it (the complete old tree) or, if that fails too, completes the publish (the complete
/// new tree); the error names the path. When the run is killed after the commit point, the next run (or
/// <see cref="Recover"/>) replays the journal: the complete new tree. When killed before it, the next run removes the
/// dead run's staging folder: the complete old tree. Only folders holding the bundle's <see cref="StagingMarker"/> are
/// removed. A reader who looks while a publish is under way (a few milliseconds) can see a mix; the manifest, moved
/// last, always describes a complete tree.</para>
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
        // The real folder, every symbolic link resolved: two names of one folder share one lock, one staging area, one journal.
        OutputRoot = OutputFolder.RealPath(Path.GetFullPath(outputRoot), OutputFolder.Option).TrimEnd(Path.DirectorySeparatorChar);
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
            File.WriteAllText(Path.Combine(StagingRoot, StagingMarker), StagingMarkerText);
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
            // Only a folder this program made: a real folder (not a link) holding the marker with the program's text.
            if (IsOwnStaging(stale)) Directory.Delete(stale, recursive: true);
        }
    }

    /// <summary>The file every staging folder holds from its creation, so the sweep never removes a folder a user made.</summary>
    public const string StagingMarker = ".reprobundle-staging";

    private const string StagingMarkerText = "ReproBundle staging folder: removed by the next run when its run died before publishing\n";

    private static bool IsOwnStaging(string folder)
    {
        var marker = Path.Combine(folder, StagingMarker);
        return FileStatus.Of(folder).Kind == FileKind.Directory && FileStatus.Of(marker).Kind == FileKind.Regular
            && new FileInfo(marker).Length == Utf8.GetByteCount(StagingMarkerText) && File.ReadAllText(marker) == StagingMarkerText;
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
    /// Writes a <c>MANIFEST.json</c> that names <paramref name="generator"/> and the SHA-256 of every file staged so far,
    /// for a command that keeps no other record (<c>uncertainty</c>): the next run into the folder then replaces or
    /// removes only these files, and only while they are unchanged.
    /// </summary>
    public void WriteOwnershipManifest(string generator)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("generator", generator);
            w.WriteStartObject("outputs");
            foreach (var (path, hash) in _hashes) w.WriteString(path, hash);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        WriteBytes(ManifestName, [.. buffer.ToArray(), (byte)'\n']);
    }

    /// <summary>
    /// Publishes the staged files. Before the commit point, it checks every path it will write or delete: none may be a
    /// symbolic link or lie under one (links inside the output folder are never followed), none may be a file that the
    /// previous manifest does not list or whose bytes no longer match it (the user's now), and every folder it writes
    /// into must accept a new file and lie on the staging folder's file system. Then it writes the journal (the commit
    /// point) and moves the files in; a failure after that point puts every file back within this call (or, when even
    /// that fails, completes the publish), so the folder holds the complete old or the complete new tree, and the error
    /// names the path. Returns notes for the reader: files the run would have removed but left because they were changed.
    /// </summary>
    public IReadOnlyList<string> Commit()
    {
        ProcessCancellation.ThrowIfCancellationRequested();
        var previous = PreviousManifest.Read(OutputRoot);
        if (_hashes.ContainsKey(ManifestName) && previous.Generator is { } before && GeneratorOf(PathFor(ManifestName)) is { } now && before != now)
        {
            throw new BundleInputException(OutputFolder.Option,
                $"'{BundleInputException.Shorten(OutputRoot)}' holds the outputs of '{before}' (its {ManifestName}); '{now}' writes to a folder of its own: choose another folder");
        }
        foreach (var file in _hashes.Keys)
        {
            var target = Path.Combine(OutputRoot, file);
            CheckNoLink(file);
            if (Directory.Exists(target))
            {
                throw new BundleInputException(OutputFolder.Option, $"'{BundleInputException.Shorten(target)}' is a folder where this run writes a file; move it away");
            }
            for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(OutputRoot, dir)))
                {
                    throw new BundleInputException(OutputFolder.Option, $"'{BundleInputException.Shorten(Path.Combine(OutputRoot, dir))}' is a file where this run needs a folder; move it away");
                }
            }
            if (!File.Exists(target) || file == ManifestName) continue;
            if (!previous.Outputs.TryGetValue(file, out var listed))
            {
                throw new BundleInputException(OutputFolder.Option,
                    $"'{BundleInputException.Shorten(target)}' exists and was not written by an earlier run (its {ManifestName} does not list it); move it away or choose another folder");
            }
            if (Sha256OfFile(target) != listed)
            {
                throw new BundleInputException(OutputFolder.Option,
                    $"'{BundleInputException.Shorten(target)}' was changed after the run that wrote it (its bytes no longer match {ManifestName}), so it is yours now; move it away, then run again");
            }
        }
        var notes = new List<string>();
        var remove = new List<string>();
        foreach (var file in previous.Outputs.Keys.Where(p => !_hashes.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(OutputRoot, file);
            CheckNoLink(file);
            if (!File.Exists(target)) continue;
            if (Sha256OfFile(target) != previous.Outputs[file])
            {
                notes.Add($"'{BundleInputException.Shorten(target)}' was written by an earlier run but changed since, so it was left in place (it is yours now; the new {ManifestName} does not list it)");
                continue;
            }
            remove.Add(file);
        }
        if (previous.Exists && !_hashes.ContainsKey(ManifestName)) CheckNoLink(ManifestName);
        var add = _hashes.Keys.Where(k => k != ManifestName).Append(ManifestName).Where(_hashes.ContainsKey).ToList();
        CheckWritable(add.Concat(remove));
        var journal = new Journal(JournalPath(OutputRoot), OutputRoot, StagingRoot, add, remove);
        try
        {
            journal.Write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(journal.Path + ".tmp");
            throw new BundleInputException(OutputFolder.Option, $"cannot write the publish journal '{BundleInputException.Shorten(journal.Path)}': {e.Message}; nothing was published");
        }
        _committed = true;
        try
        {
            journal.ApplyOrUndo();
        }
        catch (BundleInputException)
        {
            // Undone (or completed): nothing is left to replay, so Dispose removes what is left of the staging folder.
            _committed = File.Exists(journal.Path);
            throw;
        }
        return notes;
    }

    private static string? GeneratorOf(string manifestPath)
    {
        using var doc = ReadJsonLimited(manifestPath);
        return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("generator", out var g)
            && g.ValueKind == System.Text.Json.JsonValueKind.String ? g.GetString() : null;
    }

    private static string Sha256OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Refuses <paramref name="relative"/> when it, or a folder on its way from the output folder, is a symbolic link or is
    /// not a regular file or folder: the run never writes or deletes through a link (it could lead anywhere, the data folder included).
    /// </summary>
    private void CheckNoLink(string relative)
    {
        var parts = relative.Split('/');
        var path = OutputRoot;
        for (var i = 0; i < parts.Length; i++)
        {
            path = Path.Combine(path, parts[i]);
            var status = FileStatus.Of(path);
            if (status.Kind == FileKind.Missing) return;
            if (status.Kind == FileKind.SymbolicLink)
            {
                throw new BundleInputException(OutputFolder.Option,
                    $"'{BundleInputException.Shorten(path)}' is a symbolic link inside the output folder; a run never writes or deletes through a link: remove the link (or choose another folder)");
            }
            var expected = i < parts.Length - 1 ? FileKind.Directory : FileKind.Regular;
            if (status.Kind != expected && status.Kind != FileKind.Unknown && !(i == parts.Length - 1 && status.Kind == FileKind.Directory))
            {
                throw new BundleInputException(OutputFolder.Option, $"'{BundleInputException.Shorten(path)}' is {status.Describe()} where this run writes; move it away");
            }
        }
    }

    /// <summary>
    /// Before the commit point: every folder the publish writes into (or the nearest one that exists) must accept a new
    /// file of <see cref="ProbeBytes"/> and lie on the staging folder's file system (a move is then a rename, which needs
    /// no space and cannot be half done). A refusal names the folder; nothing is published.
    /// </summary>
    private void CheckWritable(IEnumerable<string> files)
    {
        var stagingDevice = FileStatus.Of(StagingRoot).Device;
        var folders = new SortedSet<string>(StringComparer.Ordinal) { OutputRoot };
        foreach (var file in files)
        {
            var dir = Path.GetDirectoryName(Path.Combine(OutputRoot, file))!;
            while (!Directory.Exists(dir) && dir.Length > OutputRoot.Length) dir = Path.GetDirectoryName(dir)!;
            folders.Add(dir);
        }
        // The output folder itself may not exist yet: its parent then takes the new folder.
        if (!Directory.Exists(OutputRoot)) folders.Add(Path.GetDirectoryName(OutputRoot) ?? "/");
        var probeName = $".reprobundle-probe-{Environment.ProcessId}-{Guid.NewGuid():N}";
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var status = FileStatus.Of(folder);
            if ((status.Kind != FileKind.Unknown && stagingDevice != 0 && status.Device != stagingDevice) || ForeignDeviceForTest.Value == folder)
            {
                throw new BundleInputException(OutputFolder.Option,
                    $"'{BundleInputException.Shorten(folder)}' is on another file system than the staging folder (a mount point?), so files cannot be moved into it atomically; nothing was published");
            }
            var probe = Path.Combine(folder, probeName);
            try
            {
                using (var f = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    f.Write(new byte[ProbeBytes]);
                    f.Flush(flushToDisk: false);
                }
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try
                {
                    File.Delete(probe);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    // It was never created.
                }
                throw new BundleInputException(OutputFolder.Option, $"cannot write into '{BundleInputException.Shorten(folder)}' ({e.Message}); nothing was published");
            }
            if (FailProbeForTest.Value == folder) throw new BundleInputException(OutputFolder.Option, $"cannot write into '{BundleInputException.Shorten(folder)}' (injected by a test); nothing was published");
        }
    }

    /// <summary>The bytes the pre-publish probe writes in each target folder [bytes]: room for new folder entries and the journal.</summary>
    public const int ProbeBytes = 64 << 10;

    /// <summary>Test hook: the publish step (1-based move) at which <see cref="Journal.ApplyOrUndo"/> throws, as a full disk would.</summary>
    internal static readonly AsyncLocal<int> FailPublishStepForTest = new();

    /// <summary>Test hook: a folder treated as a mount point of another file system (where the test cannot mount one).</summary>
    internal static readonly AsyncLocal<string?> ForeignDeviceForTest = new();

    /// <summary>Test hook: a folder whose pre-publish probe fails.</summary>
    internal static readonly AsyncLocal<string?> FailProbeForTest = new();

    private static string JournalPath(string root) => Path.Combine(Path.GetDirectoryName(root) ?? ".", $".{Path.GetFileName(root)}.journal.json");

    /// <summary>
    /// The <c>outputs</c> of the manifest in <paramref name="outputRoot"/>: the files the previous run wrote. Empty when
    /// there is no manifest; a manifest that is not one this program wrote is bad input.
    /// </summary>
    public static IReadOnlySet<string> PreviousOutputs(string outputRoot)
    {
        var manifest = PreviousManifest.Read(outputRoot);
        var result = new HashSet<string>(manifest.Outputs.Keys, StringComparer.Ordinal);
        if (manifest.Exists) result.Add(ManifestName);
        return result;
    }

    /// <summary>The previous run's manifest: whether there is one, the command that wrote it, and each output's SHA-256.</summary>
    private sealed record PreviousManifest(bool Exists, string? Generator, IReadOnlyDictionary<string, string> Outputs)
    {
        public static PreviousManifest Read(string outputRoot)
        {
            var path = Path.Combine(outputRoot, ManifestName);
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var status = FileStatus.Of(path);
            if (status.Kind == FileKind.Missing) return new PreviousManifest(false, null, result);
            if (status.Kind is not (FileKind.Regular or FileKind.Unknown))
            {
                throw new BundleInputException(path, $"is {status.Describe()}, not a manifest written by reproduce; move it away");
            }
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
                    result[CheckRelative(path, p.Name)] = p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() ?? "" : "";
                }
                var generator = doc.RootElement.TryGetProperty("generator", out var g) && g.ValueKind == System.Text.Json.JsonValueKind.String ? g.GetString() : null;
                return new PreviousManifest(true, generator, result);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new BundleInputException($"{path}:{(e.LineNumber ?? 0) + 1}", "is not valid JSON, so this run cannot tell which files it owns; move it away");
            }
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

    /// <summary>
    /// The publish journal: what to move in and what to delete. <see cref="Apply"/> (a replay after a killed run) rolls
    /// forward and can be repeated; <see cref="ApplyOrUndo"/> (the run's own publish) keeps each replaced or deleted file in
    /// the staging folder until the end, so a failing step can put every file back.
    /// </summary>
    private sealed record Journal(string Path, string OutputRoot, string StagingRoot, IReadOnlyList<string> Add, IReadOnlyList<string> Remove)
    {
        /// <summary>The folder inside the staging folder that holds the files a publish replaced or deleted, until it is complete.</summary>
        private string Backup => System.IO.Path.Combine(StagingRoot, ".reprobundle-old");

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
                if (FileStatus.Of(path).Kind is not (FileKind.Regular or FileKind.Unknown)) throw new InvalidOperationException();
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

        /// <summary>Refuses a step whose path now goes through a symbolic link (one made after the checks): never followed.</summary>
        private void CheckNoLinkOnTheWay(string relative)
        {
            var path = OutputRoot;
            foreach (var part in relative.Split('/'))
            {
                path = System.IO.Path.Combine(path, part);
                var kind = FileStatus.Of(path).Kind;
                if (kind == FileKind.Missing) return;
                if (kind == FileKind.SymbolicLink) throw new IOException($"'{path}' became a symbolic link during the publish; it is not followed");
            }
        }

        /// <summary>Rolls forward after a killed run: deletes, moves in, removes the staging folder and the journal; idempotent.</summary>
        public void Apply()
        {
            var stepDelay = TestStepDelayMs;
            var touched = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in Remove)
            {
                CheckNoLinkOnTheWay(r);
                var target = System.IO.Path.Combine(OutputRoot, r);
                if (File.Exists(target)) File.Delete(target);
                if (System.IO.Path.GetDirectoryName(r) is { Length: > 0 } dir) touched.Add(dir);
                if (stepDelay > 0) Thread.Sleep(stepDelay);
            }
            foreach (var a in Add)
            {
                var from = System.IO.Path.Combine(StagingRoot, a);
                if (!File.Exists(from)) continue; // moved by an earlier, interrupted replay
                CheckNoLinkOnTheWay(a);
                var to = System.IO.Path.Combine(OutputRoot, a);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
                File.Move(from, to, overwrite: true);
                if (stepDelay > 0) Thread.Sleep(stepDelay);
            }
            RemoveEmptied(touched);
            if (Directory.Exists(StagingRoot)) Directory.Delete(StagingRoot, recursive: true);
            File.Delete(Path);
        }

        /// <summary>Folders emptied by the deletions go too (deepest first), never one holding anything else.</summary>
        private void RemoveEmptied(IEnumerable<string> folders)
        {
            foreach (var dir in folders.OrderByDescending(d => d, StringComparer.Ordinal))
            {
                for (var d = dir; !string.IsNullOrEmpty(d); d = System.IO.Path.GetDirectoryName(d))
                {
                    var full = System.IO.Path.Combine(OutputRoot, d);
                    if (FileStatus.Of(full).Kind != FileKind.Directory || Directory.EnumerateFileSystemEntries(full).Any()) break;
                    Directory.Delete(full);
                }
            }
        }

        /// <summary>
        /// The run's own publish: each replaced or deleted file is first moved aside into the staging folder, then the new
        /// one moved in. When a step fails, every step done is undone in reverse order and the journal deleted (the complete
        /// old tree), and a <see cref="BundleInputException"/> names the failing path. When the undo fails too, the journal is
        /// replayed (the complete new tree); only if that fails as well does the journal stay for the next run, and the message says so.
        /// </summary>
        public void ApplyOrUndo()
        {
            var stepDelay = TestStepDelayMs;
            var failAt = FailPublishStepForTest.Value;
            var done = new List<(string Relative, bool Added, bool HadOld)>();
            var created = new List<string>();
            var step = 0;
            string current = OutputRoot;
            try
            {
                void Count()
                {
                    step++;
                    if (failAt > 0 && step == failAt) throw new IOException("No space left on device (injected by a test)");
                }
                foreach (var r in Remove)
                {
                    current = System.IO.Path.Combine(OutputRoot, r);
                    CheckNoLinkOnTheWay(r);
                    if (!File.Exists(current)) continue;
                    Count();
                    var aside = System.IO.Path.Combine(Backup, r);
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(aside)!);
                    File.Move(current, aside);
                    done.Add((r, false, true));
                    if (stepDelay > 0) Thread.Sleep(stepDelay);
                }
                foreach (var a in Add)
                {
                    current = System.IO.Path.Combine(OutputRoot, a);
                    CheckNoLinkOnTheWay(a);
                    Count();
                    var hadOld = File.Exists(current);
                    if (hadOld)
                    {
                        var aside = System.IO.Path.Combine(Backup, a);
                        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(aside)!);
                        File.Move(current, aside);
                    }
                    done.Add((a, true, hadOld));
                    for (var d = System.IO.Path.GetDirectoryName(current)!; !Directory.Exists(d); d = System.IO.Path.GetDirectoryName(d)!) created.Add(d);
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(current)!);
                    File.Move(System.IO.Path.Combine(StagingRoot, a), current);
                    if (stepDelay > 0) Thread.Sleep(stepDelay);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var failed = $"'{BundleInputException.Shorten(current)}' could not be published ({e.Message})";
                try
                {
                    Undo(done, created);
                    File.Delete(Path);
                }
                catch (Exception undo) when (undo is IOException or UnauthorizedAccessException)
                {
                    try
                    {
                        Apply();
                        throw new BundleInputException(OutputFolder.Option, $"{failed} and could not be put back ({undo.Message}), so the publish was completed instead: the folder holds the new tree");
                    }
                    catch (Exception forward) when (forward is IOException or UnauthorizedAccessException)
                    {
                        throw new BundleInputException(OutputFolder.Option,
                            $"{failed}; putting the old files back failed ({undo.Message}) and completing it failed ({forward.Message}); the journal '{BundleInputException.Shorten(Path)}' stays and the next run completes the publish");
                    }
                }
                throw new BundleInputException(OutputFolder.Option, $"{failed}; every file was put back, the folder holds its previous tree and nothing was published");
            }
            // Complete: the new tree is in place. The set-aside old files go with the staging folder.
            RemoveEmptied(Remove.Select(System.IO.Path.GetDirectoryName).OfType<string>().Where(d => d.Length > 0));
            if (Directory.Exists(StagingRoot)) Directory.Delete(StagingRoot, recursive: true);
            File.Delete(Path);
        }

        private void Undo(List<(string Relative, bool Added, bool HadOld)> done, List<string> created)
        {
            for (var i = done.Count - 1; i >= 0; i--)
            {
                var (relative, added, hadOld) = done[i];
                var target = System.IO.Path.Combine(OutputRoot, relative);
                if (added && File.Exists(target)) File.Move(target, System.IO.Path.Combine(StagingRoot, relative));
                var aside = System.IO.Path.Combine(Backup, relative);
                if (hadOld && File.Exists(aside)) File.Move(aside, target);
            }
            foreach (var dir in created.Distinct().OrderByDescending(d => d.Length))
            {
                if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
            }
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
