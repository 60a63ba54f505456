using Xunit;

namespace ReproBundle.Tests.Output;

/// <summary>
/// A second <c>reproduce</c> with nothing changed rewrites nothing (<see cref="UnchangedRun"/>), and anything that changes
/// an output (an edited output file, a changed input) makes the run run again.
/// </summary>
public sealed class UnchangedRunTests
{
    private static CliResult Reproduce(string data, string output, int exitCode = 0) =>
        CliProcess.RunIn(TestPaths.RepoRoot, new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["TZ"] = "UTC" },
            "reproduce", "--data", data, "--output", output, "--no-png").AssertExit(exitCode);

    [Fact]
    public void A_second_run_with_nothing_changed_rewrites_nothing_and_any_change_runs_again()
    {
        using var copy = TestPaths.CopyOfData();
        var data = Path.Combine(copy.Path, "data");
        var output = Path.Combine(copy.Path, "out");
        var first = Reproduce(data, output);
        Assert.DoesNotContain("nothing was rewritten", first.Stdout);
        var manifest = Path.Combine(output, "MANIFEST.json");
        var table = Path.Combine(output, "tables", "break_even.csv");
        var tableBytes = File.ReadAllBytes(table);
        var written = File.GetLastWriteTimeUtc(manifest);
        Thread.Sleep(20);

        // Nothing changed: the same summary lines, nothing rewritten (the manifest keeps its time stamp).
        var second = Reproduce(data, output);
        Assert.Contains("nothing was rewritten and no PNG drawn", second.Stdout);
        Assert.Contains("wrote 0 files", second.Stdout);
        var summary = first.Stdout.Split('\n').First(l => l.StartsWith("claims audit:", StringComparison.Ordinal));
        Assert.Contains(summary, second.Stdout);
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));

        // An output edited by hand is not replayed over: the run runs, finds the file is the user's now and stops (exit 2)
        // without touching it; once the user moves it away, the run writes it back.
        File.AppendAllText(table, "edited\n");
        var edited = File.ReadAllBytes(table);
        var third = Reproduce(data, output, exitCode: 2);
        Assert.DoesNotContain("nothing was rewritten", third.Stdout);
        Assert.Contains("break_even.csv", third.Stderr);
        Assert.Equal(edited, File.ReadAllBytes(table));
        File.Delete(table);
        var thirdAgain = Reproduce(data, output);
        Assert.DoesNotContain("nothing was rewritten", thirdAgain.Stdout);
        Assert.Equal(tableBytes, File.ReadAllBytes(table));

        // A changed input: the run runs again.
        var registryReadme = Path.Combine(data, "registry", "README.md");
        File.AppendAllText(registryReadme, "\n");
        var fourth = Reproduce(data, output);
        Assert.DoesNotContain("nothing was rewritten", fourth.Stdout);
    }
}
