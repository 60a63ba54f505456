using System.Diagnostics;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Output;

/// <summary>
/// The committed <c>output/</c> is what <c>reproduce</c> writes now: one run into a temporary folder seeded with the
/// committed outputs (so every PNG whose figure did not change is reused, as in the repository), compared byte for byte by
/// <see cref="CommittedOutput.Compare"/>. The run gets a fake browser that cannot start: a current output needs none, and a
/// stale figure is reported through its JSON whether or not its PNG could be drawn.
/// </summary>
public sealed class OutputIsCurrentTests
{
    private static string CommittedFolder => Path.Combine(TestPaths.RepoRoot, "output");

    /// <summary>
    /// Runs <c>reproduce --data <paramref name="dataDir"/></c> into a copy of <paramref name="committed"/>'s tracked files
    /// and returns the differences from <paramref name="committed"/>, with the run's result.
    /// </summary>
    internal static (IReadOnlyList<OutputDifference> Differences, CliResult Result) Check(string dataDir, string committed)
    {
        using var temp = TestPaths.NewTempDir();
        var output = Path.Combine(temp.Path, "out");
        foreach (var file in CommittedOutput.TrackedFiles(committed))
        {
            var target = Path.Combine(output, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(committed, file), target);
        }
        var fakeChromium = Path.Combine(temp.Path, "no-chromium.sh");
        File.WriteAllText(fakeChromium, "#!/bin/sh\necho 'this test needs no browser' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fakeChromium, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var result = CliProcess.RunIn(TestPaths.RepoRoot, new Dictionary<string, string> { ["CHROME_PATH"] = fakeChromium, ["LANG"] = "C.UTF-8", ["TZ"] = "UTC" },
            "reproduce", "--data", dataDir, "--output", output);
        return (CommittedOutput.Compare(committed, output), result);
    }

    [Fact]
    public void The_committed_output_is_what_reproduce_writes_now()
    {
        Assert.True(File.Exists(Path.Combine(CommittedFolder, OutputStage.ManifestName)), $"output/{OutputStage.ManifestName} is not committed; run: {CommittedOutput.RefreshCommand}");
        var (differences, result) = Check(TestPaths.DataDir, CommittedFolder);
        Assert.True(differences.Count == 0, CommittedOutput.Report(differences));
        // Current figures need no browser: every PNG was reused (the fake browser would have failed the run with exit 3).
        result.AssertExit(0);
        Assert.Contains("pngs: 0 drawn, 11 reused", result.Stdout);
    }

    [Fact]
    public void A_changed_input_without_a_new_reproduce_fails_with_the_file_the_line_and_the_command()
    {
        using var copy = TestPaths.CopyOfData();
        var data = Path.Combine(copy.Path, "data");
        var inputs = Path.Combine(data, "inputs.csv");
        var text = File.ReadAllText(inputs);
        // One H100's HBM bandwidth (§2.1, 3.35 TB/s) feeds §3.2's chain for the non-SRAM share: tables/projection_chain.csv.
        const string line = "h100.hbm_bandwidth_bytes_per_s,3.35e12,";
        Assert.Contains(line, text);
        File.WriteAllText(inputs, text.Replace(line, "h100.hbm_bandwidth_bytes_per_s,3.5e12,"));

        var (differences, _) = Check(data, CommittedFolder);
        var report = CommittedOutput.Report(differences);
        Assert.Contains(differences, d => d.Path == "tables/projection_chain.csv" && d.What.StartsWith("line ", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.Path == OutputStage.ManifestName);
        Assert.Contains("output/tables/projection_chain.csv: line ", report);
        Assert.EndsWith($"refresh it from the repository root with: {CommittedOutput.RefreshCommand}   (then commit output/)", report);
    }

    [Fact]
    public void Git_tracks_exactly_what_the_check_compares()
    {
        // .gitignore and CommittedOutput.IsTracked say the same: every output the manifest lists is ignored by git exactly when it is not tracked.
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(CommittedFolder, OutputStage.ManifestName)));
        var paths = manifest.RootElement.GetProperty("outputs").EnumerateObject().Select(p => p.Name)
            .Concat(["site/index.html", "notebooks/01-bandwidth-wall.ipynb", "figures/plotly.min.js", "claims_diff.md", "review.md", "twins/04-agent-density/cell-1.html", "screenshots/site_home.png"]).Distinct().ToList();
        var psi = new ProcessStartInfo("git") { WorkingDirectory = TestPaths.RepoRoot, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "check-ignore", "--no-index", "--stdin" }) psi.ArgumentList.Add(a);
        using var git = Process.Start(psi)!;
        foreach (var p in paths) git.StandardInput.WriteLine($"output/{p}");
        git.StandardInput.Close();
        var ignored = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l["output/".Length..]).ToHashSet(StringComparer.Ordinal);
        git.WaitForExit();
        var disagree = paths.Where(p => CommittedOutput.IsTracked(p) == ignored.Contains(p)).ToList();
        Assert.True(disagree.Count == 0, $".gitignore and CommittedOutput.IsTracked disagree on: {string.Join(", ", disagree)}");
    }
}
