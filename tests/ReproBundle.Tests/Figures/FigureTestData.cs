using ReproBundle.Data;
using ReproBundle.Figures;

using Xunit;

namespace ReproBundle.Tests.Figures;

/// <summary>The repository's data/ and output/ folders, found from the test assembly's location.</summary>
internal static class FigureTestData
{
    public static string RepoRoot => TestPaths.RepoRoot;

    public static string DataDirectory => Path.Combine(RepoRoot, "data");

    public static PaperData Data { get; } = PaperData.Load(DataDirectory);

    public static FigureInputs Inputs { get; } = FigureInputs.Load(DataDirectory);

    /// <summary>The figure names <c>reproduce</c> writes, for theories.</summary>
    public static TheoryData<string> Names => [.. NameList];

    /// <summary>The figure names as a list.</summary>
    public static IReadOnlyList<string> NameList { get; } = PaperFigures.Charts(Data, Inputs).Select(c => c.Name).ToList();

    /// <summary>A copy of data/ in a fresh temporary folder, for tests that break an input.</summary>
    public static string CopyOfData()
    {
        var target = Directory.CreateTempSubdirectory("reprobundle-data-").FullName;
        TestPaths.CopyDirectory(DataDirectory, target);
        return target;
    }
}
