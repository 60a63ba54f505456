using System.Security.Cryptography;
using System.Text;
using ReproBundle.Data;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, class 1: the output checks look at the folders and files themselves, not at their names: one lock per real
/// folder, no write or delete through a symbolic link inside the output folder, the staging sweep removes only folders
/// carrying the bundle's marker, a listed file is replaced or removed only while its bytes match the previous manifest,
/// and <c>uncertainty --output</c> follows the same rules.
/// </summary>
public class OutputIdentityTests
{
    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A run that writes <paramref name="files"/> and a manifest listing them with their real hashes; returns the notes of Commit.</summary>
    private static IReadOnlyList<string> Run(string root, params (string Path, string Text)[] files)
    {
        using var stage = new OutputStage(root);
        foreach (var (path, text) in files) stage.WriteText(path, text);
        stage.WriteOwnershipManifest("test");
        return stage.Commit();
    }

    [Fact]
    public void Two_names_of_one_folder_share_one_lock()
    {
        using var temp = TestPaths.NewTempDir();
        var real = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(real);
        var alias = Path.Combine(temp.Path, "alias");
        File.CreateSymbolicLink(alias, real);

        using var first = new OutputStage(real);
        var e = Assert.Throws<BundleInputException>(() => new OutputStage(alias).Dispose());

        Assert.Equal("--output", e.Location);
        Assert.Contains("another run is writing", e.Problem);
    }

    [Fact]
    public void A_symbolic_link_inside_the_output_folder_is_refused_and_never_followed()
    {
        using var temp = TestPaths.NewTempDir();
        var root = Path.Combine(temp.Path, "out");
        Run(root, ("tables/a.csv", "1\n"), ("tables/b.csv", "2\n"));
        // The user (or an attacker) turns tables/ into a link to another folder holding files of the same names.
        var elsewhere = Path.Combine(temp.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "a.csv"), "1\n");
        File.WriteAllText(Path.Combine(elsewhere, "b.csv"), "2\n");
        Directory.Delete(Path.Combine(root, "tables"), recursive: true);
        File.CreateSymbolicLink(Path.Combine(root, "tables"), elsewhere);

        var e = Assert.Throws<BundleInputException>(() => Run(root, ("tables/a.csv", "3\n")));

        Assert.Contains($"'{Path.Combine(root, "tables")}' is a symbolic link inside the output folder", e.Problem);
        Assert.Equal("1\n", File.ReadAllText(Path.Combine(elsewhere, "a.csv")));
        Assert.True(File.Exists(Path.Combine(elsewhere, "b.csv")), "a file behind the link was deleted");
        Assert.False(File.Exists(Path.Combine(temp.Path, ".out.journal.json")));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".out.staging-*"));
    }

    [Fact]
    public void The_staging_sweep_removes_only_folders_with_the_bundles_marker()
    {
        using var temp = TestPaths.NewTempDir();
        var root = Path.Combine(temp.Path, "out");
        var users = Path.Combine(temp.Path, ".out.staging-mine");
        Directory.CreateDirectory(users);
        File.WriteAllText(Path.Combine(users, "keep.txt"), "the user's");
        // A dead run's staging folder: what the constructor makes, left behind by a stage that is never disposed.
        var dead = new OutputStage(root);
        var deadStaging = dead.StagingRoot;
        Assert.True(File.Exists(Path.Combine(deadStaging, OutputStage.StagingMarker)));
        typeof(OutputStage).GetField("_lock", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .GetValue(dead).As<FileStream>().Dispose(); // the dead run's lock is gone with its process

        Run(root, ("a.txt", "1\n"));

        Assert.False(Directory.Exists(deadStaging), "the dead run's staging folder stays");
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(users, "keep.txt")));
    }

    [Fact]
    public void A_listed_file_changed_by_the_user_is_neither_overwritten_nor_deleted()
    {
        using var temp = TestPaths.NewTempDir();
        var root = Path.Combine(temp.Path, "out");
        Run(root, ("claims_audit.md", "audit\n"), ("claims_diff.md", "diff\n"));
        File.AppendAllText(Path.Combine(root, "claims_diff.md"), "my notes\n");
        File.AppendAllText(Path.Combine(root, "claims_audit.md"), "my notes\n");

        // Overwriting the changed file: refused, naming it, nothing published.
        var e = Assert.Throws<BundleInputException>(() => Run(root, ("claims_audit.md", "audit 2\n")));
        Assert.Contains($"'{Path.Combine(root, "claims_audit.md")}' was changed after the run that wrote it", e.Problem);
        Assert.Equal("audit\nmy notes\n", File.ReadAllText(Path.Combine(root, "claims_audit.md")));

        // Deleting the changed file (a run without --assumptions no longer writes claims_diff.md): left in place, and said.
        File.WriteAllText(Path.Combine(root, "claims_audit.md"), "audit\n");
        var notes = Run(root, ("claims_audit.md", "audit 2\n"));
        Assert.Equal("diff\nmy notes\n", File.ReadAllText(Path.Combine(root, "claims_diff.md")));
        Assert.Contains(notes, n => n.Contains("claims_diff.md") && n.Contains("left in place"));
        Assert.DoesNotContain("claims_diff.md", File.ReadAllText(Path.Combine(root, OutputStage.ManifestName)));
        Assert.Contains(Sha("audit 2\n"), File.ReadAllText(Path.Combine(root, OutputStage.ManifestName)));
    }

    [Fact]
    public void A_users_edit_of_claims_diff_md_survives_the_next_run_without_assumptions()
    {
        using var temp = TestPaths.NewTempDir();
        var output = Path.Combine(temp.Path, "out");
        var assumptions = Path.Combine(temp.Path, "mine.yaml");
        File.WriteAllText(assumptions, "table1.h100.capex_usd: 60000\n");
        var first = FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", TestPaths.DataDir, "--assumptions", assumptions, "--output", output]);
        Assert.True(first.Code == 0, first.Stderr);
        var diff = Path.Combine(output, "claims_diff.md");
        File.AppendAllText(diff, "\nMy reading of the flipped verdicts: ...\n");
        var edited = File.ReadAllText(diff);

        var second = FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", TestPaths.DataDir, "--output", output]);

        Assert.True(second.Code == 0, second.Stderr);
        Assert.Equal(edited, File.ReadAllText(diff));
        Assert.Contains($"warning: '{diff}' was written by an earlier run but changed since, so it was left in place", second.Stdout);
        Assert.False(File.Exists(Path.Combine(output, "claims_diff.csv")), "an unchanged file the run no longer writes is still removed");
    }

    [Fact]
    public void Uncertainty_output_never_overwrites_a_users_file_nor_takes_over_reproduces_folder()
    {
        using var temp = TestPaths.NewTempDir();
        var output = Path.Combine(temp.Path, "unc");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "uncertainty.csv"), "the user's");

        var run = FaultCorpusTests.RunInProcess(["uncertainty", "--samples", "1000", "--threads", "1", "--data", TestPaths.DataDir, "--output", output]);

        Assert.Equal(2, run.Code);
        Assert.Contains($"{Path.Combine(output, "uncertainty.csv")}' exists and was not written by an earlier run", run.Stderr);
        Assert.Equal("the user's", File.ReadAllText(Path.Combine(output, "uncertainty.csv")));

        // A folder that holds reproduce's outputs is not uncertainty's to write into (it would remove them all).
        var reproduced = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(reproduced);
        File.WriteAllText(Path.Combine(reproduced, "claims_audit.md"), "audit\n");
        File.WriteAllText(Path.Combine(reproduced, OutputStage.ManifestName),
            $"{{\"generator\": \"ReproBundle.Cli reproduce\", \"outputs\": {{\"claims_audit.md\": \"{Sha("audit\n")}\"}}}}\n");
        var into = FaultCorpusTests.RunInProcess(["uncertainty", "--samples", "1000", "--threads", "1", "--data", TestPaths.DataDir, "--output", reproduced]);
        Assert.Equal(2, into.Code);
        Assert.Contains("holds the outputs of 'ReproBundle.Cli reproduce'", into.Stderr);
        Assert.Equal("audit\n", File.ReadAllText(Path.Combine(reproduced, "claims_audit.md")));
    }
}

internal static class ObjectCast
{
    public static T As<T>(this object? value) => (T)value!;
}
