using Xunit;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>Where the bundle's notebooks and data are, found from the test's own folder.</summary>
internal static class NotebookPaths
{
    public static string Root => TestPaths.RepoRoot;

    public static string NotebooksDirectory => Path.Combine(Root, "notebooks");

    public static string DataDirectory => Path.Combine(Root, "data");

    private static readonly Lazy<bool> LibraryBuilt = new(() =>
    {
        NotebookExecution.EnsureLibraryBuilt(Root);
        return true;
    });

    /// <summary>
    /// <see cref="NotebookExecution.EnsureLibraryBuilt"/> once per test run (a failure is kept and fails every caller): each
    /// call is a <c>dotnet build</c> of the library, a whole MSBuild run (seconds of CPU) even when nothing changed, and
    /// nothing changes the library while the tests run. Called by every test that runs a notebook or a twin.
    /// </summary>
    public static void EnsureLibraryBuilt() => _ = LibraryBuilt.Value;

    /// <summary>Every notebooks/*.ipynb by file name: the theory data of the notebook tests, so a new notebook joins them.</summary>
    public static TheoryData<string> NotebookNames()
    {
        var names = new TheoryData<string>();
        foreach (var path in NotebookRunner.FindNotebooks(NotebooksDirectory)) names.Add(Path.GetFileName(path));
        return names;
    }
}
