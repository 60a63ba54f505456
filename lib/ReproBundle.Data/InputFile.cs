using System.Text;

namespace ReproBundle.Data;

/// <summary>
/// Reads one input file within bounds: it must exist, be a regular file (not a folder, not a symbolic-link loop),
/// be readable, be at most <see cref="MaxBytes"/> long, be valid UTF-8 and hold no NUL byte. Every failure is a
/// <see cref="BundleInputException"/> naming the file (and the line, for bad bytes), never an I/O exception.
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
            if (info.Length > MaxBytes) throw new BundleInputException(path, $"is {info.Length} bytes, more than the {MaxBytes >> 20} MB an input may have");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            // The length is read again through the open handle: a file that grows meanwhile is still bounded.
            var buffer = new byte[Math.Min(stream.Length, MaxBytes) + 1];
            int total = 0, read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > MaxBytes) throw new BundleInputException(path, $"is more than the {MaxBytes >> 20} MB an input may have");
            return buffer[..total];
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
}
