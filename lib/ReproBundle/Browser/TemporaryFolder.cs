using ReproBundle.Data;

namespace ReproBundle.Browser;

/// <summary>
/// Makes the PNG export's temporary folder in <see cref="Path.GetTempPath"/> (<c>TMPDIR</c>, else <c>/tmp</c>). A
/// temporary folder that is missing or refuses writing is an environment fault of its own: exit 2 naming TMPDIR, before
/// anything is published (issue 26, item 6).
/// </summary>
internal static class TemporaryFolder
{
    /// <summary>A new, empty folder under the temporary folder whose name starts with <paramref name="prefix"/>.</summary>
    public static string Create(string prefix)
    {
        try
        {
            return Directory.CreateTempSubdirectory(prefix).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var tmp = Path.GetTempPath();
            var what = Directory.Exists(tmp) ? "cannot be written" : "does not exist";
            throw new BundleInputException("TMPDIR", $"the temporary folder '{BundleInputException.Shorten(tmp)}' {what} ({e.Message}); set TMPDIR to a writable folder, or pass --no-png");
        }
    }
}
