using ReproBundle.Data;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>Issue 13, class 1: a run removes or replaces only files its previous MANIFEST.json lists; a user's files stay.</summary>
public class OutputOwnershipTests
{
    private static void Run(string root, params (string Path, string Text)[] files)
    {
        using var stage = new OutputStage(root);
        foreach (var (path, text) in files) stage.WriteText(path, text);
        // A real manifest's hashes: the SHA-256 of each file's bytes (a file whose bytes no longer match is the user's).
        var outputs = string.Join(",", files.Select(f => $"\"{f.Path}\":\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(f.Text)))}\""));
        stage.WriteText(OutputStage.ManifestName, $"{{\"outputs\":{{{outputs}}}}}\n");
        stage.Commit();
    }

    [Fact]
    public void A_run_removes_only_files_its_previous_manifest_lists_and_keeps_the_users_files()
    {
        using var temp = TestPaths.NewTempDir();
        var root = Path.Combine(temp.Path, "out");
        Run(root, ("tables/a.csv", "1\n"), ("tables/b.csv", "2\n"));
        File.WriteAllText(Path.Combine(root, "tables", "mine.txt"), "the user's");

        Run(root, ("tables/a.csv", "3\n"));

        Assert.Equal("3\n", File.ReadAllText(Path.Combine(root, "tables", "a.csv")));
        Assert.False(File.Exists(Path.Combine(root, "tables", "b.csv")), "a file the new run no longer writes is removed");
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(root, "tables", "mine.txt")));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".out.staging-*"));
    }

    [Fact]
    public void A_file_no_earlier_run_wrote_is_never_overwritten()
    {
        using var temp = TestPaths.NewTempDir();
        var root = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(Path.Combine(root, "tables"));
        File.WriteAllText(Path.Combine(root, "tables", "a.csv"), "the user's");

        var e = Assert.Throws<BundleInputException>(() => Run(root, ("tables/a.csv", "1\n")));

        Assert.Equal("--output", e.Location);
        Assert.Contains("was not written by an earlier run", e.Problem);
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(root, "tables", "a.csv")));
        Assert.Equal(["a.csv"], Directory.GetFiles(Path.Combine(root, "tables")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".out.staging-*"));
    }
}
