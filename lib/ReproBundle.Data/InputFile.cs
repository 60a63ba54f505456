using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ReproBundle.Data;

/// <summary>
/// Reads one input file within bounds: it must exist, be a regular file (not a folder, not a symbolic-link loop),
/// be readable, be at most <see cref="MaxBytes"/> long, be valid UTF-8 and hold no NUL byte. Every failure is a
/// <see cref="BundleInputException"/> naming the file (and the line, for bad bytes), never an I/O exception. A named
/// pipe, device or socket is refused before it is opened (reading one could block for ever). Inside a
/// <see cref="RecordReads"/> scope, the SHA-256 of the bytes each read returned is kept, so the manifest hashes the very
/// bytes the run computed from (issue 26, item 7).
/// </summary>
public static class InputFile
{
    /// <summary>The largest input file read [bytes]: the bundle's data files are a few kB; 8 MB bounds a hostile one.</summary>
    public const long MaxBytes = 8L << 20;

    /// <summary>Every byte of <paramref name="path"/>, after the existence, type and size checks.</summary>
    /// <param name="path">The file.</param>
    /// <param name="location">What the error names when the file is missing (an option such as <c>--assumptions</c>), or null for the path.</param>
    public static byte[] ReadBytes(string path, string? location = null)
    {
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) throw new BundleInputException(location ?? path, $"'{Short(path)}' is a folder, not a file");
            if (!info.Exists)
            {
                if (info.LinkTarget is not null) throw new BundleInputException(location ?? path, $"'{Short(path)}' is a symbolic link that leads nowhere (or in a loop)");
                throw new BundleInputException(location ?? path, location is null ? "file not found" : $"file '{Short(path)}' not found");
            }
            var status = FileStatus.Of(path, follow: true);
            if (status.Kind is FileKind.Fifo or FileKind.Device or FileKind.Socket)
            {
                throw new BundleInputException(location ?? path, $"'{Short(path)}' is {status.Describe()}, not a regular file; inputs are read from regular files only");
            }
            if (info.Length > MaxBytes) throw new BundleInputException(path, $"is {info.Length} bytes, more than the {MaxBytes >> 20} MB an input may have");
            // Opened without blocking and checked through the handle: a FIFO or device put in place after the check above
            // is still refused, and opening it never waits for a writer.
            var handle = FileStatus.OpenForReading(path, out var opened);
            if (handle is not null && opened.Kind != FileKind.Regular)
            {
                handle.Dispose();
                throw new BundleInputException(location ?? path, $"'{Short(path)}' is {opened.Describe()}, not a regular file; inputs are read from regular files only");
            }
            using var stream = handle is null ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read) : new FileStream(handle, FileAccess.Read);
            // The length is read again through the open handle: a file that grows meanwhile is still bounded.
            var buffer = new byte[Math.Min(stream.Length, MaxBytes) + 1];
            int total = 0, read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > MaxBytes) throw new BundleInputException(path, $"is more than the {MaxBytes >> 20} MB an input may have");
            var bytes = buffer[..total];
            CurrentLog.Value?.Record(path, bytes);
            return bytes;
        }
        catch (UnauthorizedAccessException)
        {
            throw new BundleInputException(path, "cannot be read (permission denied)");
        }
        catch (IOException) when (new FileInfo(path).LinkTarget is not null)
        {
            throw new BundleInputException(path, "is a symbolic link that leads nowhere or in a loop");
        }
        catch (IOException e)
        {
            throw new BundleInputException(path, $"cannot be read: {e.Message.Replace(path, "").Trim(' ', ':', '\'')}");
        }
    }

    /// <summary>
    /// The text of <paramref name="path"/>: strict UTF-8 (a byte-order mark is dropped), no NUL byte. An invalid byte or
    /// a NUL is reported at its line.
    /// </summary>
    public static string ReadText(string path, string? location = null) => Decode(path, ReadBytes(path, location));

    /// <summary>Decodes <paramref name="bytes"/> as read from <paramref name="path"/> with the checks of <see cref="ReadText"/>.</summary>
    public static string Decode(string path, byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        var nul = span.IndexOf((byte)0);
        if (nul >= 0) throw BundleInputException.AtLine(path, LineAt(span, nul), "holds a NUL byte; input files are text");
        try
        {
            return new UTF8Encoding(false, true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw BundleInputException.AtLine(path, LineAt(span, FirstInvalid(span)), "is not valid UTF-8 text (an invalid byte sequence on this line)");
        }
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var consumed, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? 0 : consumed;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..Math.Min(index, bytes.Length)].Count((byte)'\n') + 1;

    private static string Short(string path) => BundleInputException.Shorten(path);

    private static readonly AsyncLocal<ReadLog?> CurrentLog = new();

    /// <summary>
    /// Starts keeping the SHA-256 of every file read through <see cref="ReadBytes"/> on this flow (and the tasks it starts)
    /// until the returned log is disposed. A file read twice with different bytes (edited during the run) is bad input.
    /// </summary>
    public static ReadLog RecordReads()
    {
        var log = new ReadLog(CurrentLog.Value);
        CurrentLog.Value = log;
        return log;
    }

    /// <summary>
    /// The SHA-256 of the bytes read from <paramref name="path"/> in the innermost <see cref="RecordReads"/> scope of this
    /// flow (see <see cref="ReadLog.Sha256Of"/>); outside any scope, the bundle's bug.
    /// </summary>
    public static string Sha256OfRead(string path) =>
        (CurrentLog.Value ?? throw new InvalidOperationException("no RecordReads scope is open")).Sha256Of(path);

    /// <summary>The hashes of the files read in one <see cref="RecordReads"/> scope, by full path.</summary>
    public sealed class ReadLog : IDisposable
    {
        private readonly ConcurrentDictionary<string, string> _sha256 = new(StringComparer.Ordinal);
        private readonly ReadLog? _outer;

        internal ReadLog(ReadLog? outer) => _outer = outer;

        internal void Record(string path, byte[] bytes)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var first = _sha256.GetOrAdd(Path.GetFullPath(path), hash);
            if (first != hash)
            {
                throw new BundleInputException(path, "changed while this run was reading it (two reads gave different bytes); run again once it is no longer being edited");
            }
            _outer?.Record(path, bytes);
        }

        /// <summary>
        /// The SHA-256 (lower-case hex) of the bytes this run read from <paramref name="path"/>. A file the run did not
        /// read is the bundle's bug (the manifest would hash bytes nothing was computed from).
        /// </summary>
        public string Sha256Of(string path) =>
            _sha256.TryGetValue(Path.GetFullPath(path), out var hash)
                ? hash
                : throw new InvalidOperationException($"{path} is listed as an input but was not read through InputFile");

        /// <summary>Ends the scope.</summary>
        public void Dispose() => CurrentLog.Value = _outer;
    }
}
