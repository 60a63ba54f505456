using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReproBundle.Output;

/// <summary>
/// Collects every file a run writes in a private staging folder next to the output folder and moves them
/// into place only when the whole run succeeded (<see cref="Commit"/>), so a failed run leaves nothing
/// half-written. All text is UTF-8 without BOM, LF line ends, invariant culture.
/// </summary>
public sealed class OutputStage : IDisposable
{
    private readonly SortedDictionary<string, string> _hashes = new(StringComparer.Ordinal);
    private bool _committed;

    /// <summary>The final output folder.</summary>
    public string OutputRoot { get; }

    /// <summary>The staging folder files are written to until <see cref="Commit"/>.</summary>
    public string StagingRoot { get; }

    /// <summary>UTF-8 without byte-order mark, the encoding of every text output.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(false);

    /// <summary>Creates a staging folder beside <paramref name="outputRoot"/> (same file system, so moves are renames).</summary>
    public OutputStage(string outputRoot)
    {
        OutputRoot = Path.GetFullPath(outputRoot);
        var parent = Path.GetDirectoryName(OutputRoot.TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        Directory.CreateDirectory(parent);
        StagingRoot = Path.Combine(parent, $".{Path.GetFileName(OutputRoot)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(StagingRoot);
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
        File.WriteAllBytes(PathFor(relativePath), bytes);
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
    /// Moves every staged top-level entry into the output folder, replacing entries of the same name and
    /// leaving others (for example screenshots written by tests) alone.
    /// </summary>
    public void Commit()
    {
        Directory.CreateDirectory(OutputRoot);
        foreach (var entry in Directory.EnumerateFileSystemEntries(StagingRoot).Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(OutputRoot, Path.GetFileName(entry));
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            else if (File.Exists(target)) File.Delete(target);
            if (Directory.Exists(entry)) Directory.Move(entry, target);
            else File.Move(entry, target);
        }
        Directory.Delete(StagingRoot, recursive: true);
        _committed = true;
    }

    /// <summary>Removes the staging folder when the run did not commit.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingRoot))
        {
            Directory.Delete(StagingRoot, recursive: true);
        }
    }
}
