using System.Text;
using ReproBundle.Data;

namespace ReproBundle.Cli;

/// <summary>
/// Standard output that names itself when it refuses a write (<c>&gt; /dev/full</c>, a closed pipe): the failure becomes
/// bad input of <c>stdout</c> (exit 2, one line on stderr) instead of an anonymous I/O error (issue 26, item 6). What the
/// run published before it printed stays published; the message says so.
/// </summary>
internal sealed class StdoutGuard(TextWriter inner) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // the base property allows null
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <inheritdoc />
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc />
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc />
    public override void WriteLine() => Guard(inner.WriteLine);

    /// <inheritdoc />
    public override void Flush() => Guard(inner.Flush);

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new BundleInputException("stdout", $"cannot be written ({e.Message}); outputs already published by this run stay in place");
        }
    }
}
