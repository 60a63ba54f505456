using System.Diagnostics;
using ReproBundle.Data;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, class 2: a publish cannot half-fail. A folder that refuses writing is found before the commit point; a
/// failure after it (a file that cannot be replaced, a full disk) is undone within the same run. Either way the folder
/// holds the complete old tree when the call returns, no journal or staging folder is left, and the message names the path.
/// </summary>
public class PublishFaultTests
{
    private static void Run(string root, string version)
    {
        using var stage = new OutputStage(root);
        stage.WriteText("claims_audit.md", $"audit {version}\n");
        stage.WriteText("tables/a.csv", $"a {version}\n");
        stage.WriteText("tables/b.csv", $"b {version}\n");
        stage.WriteText("figures/f.json", $"f {version}\n");
        if (version == "1") stage.WriteText("tables/old.csv", "only in the old tree\n");
        stage.WriteOwnershipManifest("test");
        stage.Commit();
    }

    private static (string Root, string OldTree) OldTree(TempDir temp)
    {
        var root = Path.Combine(temp.Path, "out");
        Run(root, "1");
        File.WriteAllText(Path.Combine(root, "my-notes.txt"), "the user's own file");
        return (root, FaultCorpusTests.Fingerprint(root));
    }

    private static void AssertOldTreeAndClean(string tempPath, string root, string oldTree)
    {
        Assert.Equal(oldTree, FaultCorpusTests.Fingerprint(root));
        Assert.False(File.Exists(Path.Combine(tempPath, ".out.journal.json")), "journal left behind");
        Assert.Empty(Directory.GetDirectories(tempPath, ".out.staging-*"));
    }

    [Fact]
    public void A_failure_in_the_middle_of_the_publish_puts_every_file_back_and_names_the_path()
    {
        using var temp = TestPaths.NewTempDir();
        var (root, oldTree) = OldTree(temp);
        // Step 1 sets tables/old.csv aside, steps 2-3 replace claims_audit.md and figures/f.json: step 4 fails as a full disk would.
        OutputStage.FailPublishStepForTest.Value = 4;
        try
        {
            var e = Assert.Throws<BundleInputException>(() => Run(root, "2"));
            Assert.Contains($"'{Path.Combine(root, "tables", "a.csv")}' could not be published (No space left on device", e.Problem);
            Assert.Contains("every file was put back", e.Problem);
        }
        finally
        {
            OutputStage.FailPublishStepForTest.Value = 0;
        }
        AssertOldTreeAndClean(temp.Path, root, oldTree);
    }

    [Fact]
    public void A_file_that_cannot_be_replaced_is_found_mid_publish_and_the_old_tree_is_restored()
    {
        using var temp = TestPaths.NewTempDir();
        var (root, oldTree) = OldTree(temp);
        var locked = Path.Combine(root, "tables", "b.csv");
        // Root ignores mode bits; the immutable attribute stops even root from renaming the file (a real EPERM mid-publish).
        if (!Chattr("+i", locked))
        {
            OutputStage.FailPublishStepForTest.Value = 5; // no chattr here: the same step fails by injection
        }
        try
        {
            var e = Assert.Throws<BundleInputException>(() => Run(root, "2"));
            Assert.Contains($"'{locked}' could not be published", e.Problem);
        }
        finally
        {
            OutputStage.FailPublishStepForTest.Value = 0;
            Chattr("-i", locked);
        }
        AssertOldTreeAndClean(temp.Path, root, oldTree);
    }

    [Fact]
    public void A_read_only_subfolder_is_found_before_the_commit_point()
    {
        using var temp = TestPaths.NewTempDir();
        var (root, oldTree) = OldTree(temp);
        var folder = Path.Combine(root, "figures");
        if (!Chattr("+i", folder)) OutputStage.FailProbeForTest.Value = folder;
        try
        {
            var e = Assert.Throws<BundleInputException>(() => Run(root, "2"));
            Assert.Contains($"cannot write into '{folder}'", e.Problem);
            Assert.Contains("nothing was published", e.Problem);
        }
        finally
        {
            OutputStage.FailProbeForTest.Value = null;
            Chattr("-i", folder);
        }
        AssertOldTreeAndClean(temp.Path, root, oldTree);
    }

    [Fact]
    public void A_mount_point_inside_the_output_folder_is_found_before_the_commit_point()
    {
        using var temp = TestPaths.NewTempDir();
        var root = Path.Combine(temp.Path, "out");
        Run(root, "1");
        var folder = Path.Combine(root, "figures");
        // A tmpfs over figures/ (root may mount here): a move into it would be a copy across file systems, not a rename.
        var mounted = Tool("/usr/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder);
        if (!mounted) OutputStage.ForeignDeviceForTest.Value = folder;
        try
        {
            var oldTree = FaultCorpusTests.Fingerprint(root);
            var e = Assert.Throws<BundleInputException>(() => Run(root, "2"));
            Assert.Contains($"'{folder}' is on another file system than the staging folder", e.Problem);
            AssertOldTreeAndClean(temp.Path, root, oldTree);
        }
        finally
        {
            OutputStage.ForeignDeviceForTest.Value = null;
            if (mounted) Tool("/usr/bin/umount", folder);
        }
    }

    private static bool Tool(string path, params string[] args)
    {
        if (!File.Exists(path)) return false;
        using var p = Process.Start(new ProcessStartInfo(path, args) { RedirectStandardError = true })!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    /// <summary>Runs <c>chattr</c>; false when it is missing or the file system does not support the attribute.</summary>
    private static bool Chattr(string change, string path)
    {
        if (!File.Exists("/usr/bin/chattr")) return false;
        using var p = Process.Start(new ProcessStartInfo("/usr/bin/chattr", [change, path]) { RedirectStandardError = true })!;
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
