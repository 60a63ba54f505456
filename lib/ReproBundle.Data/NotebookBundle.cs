namespace ReproBundle.Data;

/// <summary>
/// Where a notebook finds the bundle and its inputs, shared by the twins (<c>NotebookTwin.Setup</c> in lib/ReproBundle.Display) and the
/// headless runners in <c>lib/ReproBundle</c>: the two environment variables and the search for the bundle root.
/// The kernel-side setup (<c>notebooks/setup-build.csx</c>) reads the same two variables.
/// </summary>
public static class NotebookBundle
{
    /// <summary>Environment variable that overrides the notebooks' data root (default: the bundle's data/ folder).</summary>
    public const string DataRootVariable = "REPROBUNDLE_DATA";

    /// <summary>
    /// Environment variable naming a reviewer's assumptions file (the file <c>reproduce --assumptions</c> takes), which the
    /// notebooks' shared setup applies to their inputs through <see cref="AssumptionOverrides"/>.
    /// </summary>
    public const string AssumptionsVariable = "REPROBUNDLE_ASSUMPTIONS";

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>ReproBundle.sln</c>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReproBundle.sln"))) return dir.FullName;
        }
        return null;
    }
}
