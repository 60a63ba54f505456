using ReproBundle.Data;
using ReproBundle.Registry;

namespace ReproBundle.Tests.Registry;

/// <summary>The repository's data folder, and throw-away copies of it that a test may break.</summary>
internal static class RegistryTestData
{
    public static string RepoRoot => TestPaths.RepoRoot;

    public static string DataDirectory => Path.Combine(RepoRoot, "data");

    public static BottleneckRegistry Seed() => BottleneckRegistry.Load(DataDirectory);

    public static IReadOnlySet<string> ReferenceKeys() => PaperData.LoadReferenceKeys(Path.Combine(DataDirectory, "references.bib"));
}

/// <summary>A temporary copy of data/ (registry, schemas, references, everything) deleted on dispose.</summary>
internal sealed class TempData : IDisposable
{
    public TempData()
    {
        Root = Path.Combine(Path.GetTempPath(), "reprobundle-registry-tests-" + Guid.NewGuid().ToString("N"));
        Data = Path.Combine(Root, "data");
        Copy(RegistryTestData.DataDirectory, Data);
    }

    public string Root { get; }

    public string Data { get; }

    public string Registry => Path.Combine(Data, "registry");

    public string Schemas => Path.Combine(Data, "schemas");

    public string Entry(string fileName) => Path.Combine(Registry, fileName);

    /// <summary>Replaces the first line equal to <paramref name="oldLine"/> in an entry file; fails when absent.</summary>
    public void ReplaceLine(string fileName, string oldLine, string newLine)
    {
        var path = Entry(fileName);
        var lines = File.ReadAllLines(path).ToList();
        var i = lines.IndexOf(oldLine);
        if (i < 0) throw new InvalidOperationException($"{fileName} has no line '{oldLine}'");
        lines.RemoveAt(i);
        lines.InsertRange(i, newLine.Split('\n'));
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    public RegistryLintResult Lint() => RegistryLint.Run(Registry, Schemas, RegistryTestData.ReferenceKeys());

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from)) Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
