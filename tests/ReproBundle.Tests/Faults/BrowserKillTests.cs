using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReproBundle.Browser;
using Xunit;
using Xunit.Abstractions;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, class 3: the run's browser dies with its run in every case. A real <c>reproduce</c> (with PNGs) is stopped
/// during the PNG phase by SIGKILL, and another by two Ctrl-Cs; 2 s later no process of the browser's process group is
/// left. A browser whose run died is ended by the next run. (A normal run's PNGs: ReproducePngTests and PngRendererTests.)
/// </summary>
[Collection(HeavyProcesses.Name)]
public class BrowserKillTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("SIGKILL", new[] { 9 })]
    [InlineData("two Ctrl-Cs", new[] { 2, 2 })]
    public void A_run_stopped_during_the_png_phase_leaves_no_browser(string name, int[] signals)
    {
        using var temp = TestPaths.NewTempDir();
        var tmp = Path.Combine(temp.Path, "tmp");
        Directory.CreateDirectory(tmp);
        // A private TMPDIR: the browser's pid file (BrowserLifetime.RecordFolder) says when the PNG phase has begun and which group is the run's.
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, StandardErrorEncoding = Encoding.UTF8 };
        // SIGINT at its default whatever the test runner inherited (see KillTests), then exec dotnet in the same process.
        foreach (var a in new[]
                 {
                     "-c", "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                     "dotnet", Path.Combine(AppContext.BaseDirectory, "ReproBundle.Cli.dll"), "reproduce", "--data", TestPaths.DataDir, "--output", Path.Combine(temp.Path, "out"),
                 })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["TMPDIR"] = tmp;
        psi.Environment.Remove("REPROBUNDLE_DEBUG");
        using var run = Process.Start(psi)!;
        var stderrText = new StringBuilder();
        run.ErrorDataReceived += (_, e) => { lock (stderrText) stderrText.AppendLine(e.Data); };
        run.BeginErrorReadLine();
        _ = run.StandardOutput.ReadToEndAsync();
        var records = Path.Combine(tmp, "reprobundle-browsers");
        var clock = Stopwatch.StartNew();
        string[] pidFiles = [];
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && !run.HasExited
               && (pidFiles = Directory.Exists(records) ? Directory.GetFiles(records, "*.pid") : []).Length == 0)
        {
            Thread.Sleep(20);
        }
        Assert.True(pidFiles.Length == 1, $"{name}: no browser pid file appeared (exit {(run.HasExited ? run.ExitCode : -1)}): {(run.HasExited ? stderrText.ToString() : "")}");
        var group = int.Parse(File.ReadAllText(pidFiles[0]).Split(' ')[0], CultureInfo.InvariantCulture);
        Thread.Sleep(300); // the browser starts its renderer
        var before = GroupMembers(group);
        Assert.NotEmpty(before);

        foreach (var signal in signals)
        {
            using var kill = Process.Start("kill", ["-s", signal == 9 ? "KILL" : "INT", run.Id.ToString(CultureInfo.InvariantCulture)])!;
            kill.WaitForExit();
            Thread.Sleep(50);
        }
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(30)), $"{name}: the run did not end");
        Thread.Sleep(2_000);

        var left = GroupMembers(group);
        log.WriteLine($"{name}: {before.Count} browser process(es) before, {left.Count} 2 s after; exit {run.ExitCode}");
        Assert.True(left.Count == 0, $"{name}: browser processes left: {string.Join(", ", left)}");
    }

    [Fact]
    public void A_browser_left_by_a_dead_run_is_ended_by_the_next()
    {
        // The "browser" is a watchdog shell like the one BrowserLifetime starts (its $0 names it), in a group of its own,
        // running a sleep; its owner a process that has exited. A sleep that is not ours, recorded the same way, is left alone.
        using var owner = Process.Start("/bin/true")!;
        owner.WaitForExit();
        using var orphan = Process.Start("/usr/bin/setsid", ["/bin/sh", "-c", "sleep 300 & wait $!", "reprobundle-browser"])!;
        using var stranger = Process.Start("/bin/sleep", ["300"])!;
        Thread.Sleep(100);
        Directory.CreateDirectory(BrowserLifetime.RecordFolder);
        var record = Path.Combine(BrowserLifetime.RecordFolder, $"{orphan.Id}.pid");
        // The owner's start time is that of a process that no longer exists (its pid may be reused: the start times differ).
        File.WriteAllText(record, $"{orphan.Id} {BrowserLifetime.StartTime(orphan.Id)} {owner.Id} 1\n");
        var forged = Path.Combine(BrowserLifetime.RecordFolder, $"{stranger.Id}.pid");
        File.WriteAllText(forged, $"{stranger.Id} {BrowserLifetime.StartTime(stranger.Id)} {owner.Id} 1\n");
        try
        {
            Assert.True(BrowserLifetime.EndOrphans() >= 1);
            Assert.True(orphan.WaitForExit(5_000), "the orphaned browser is still running");
            Assert.False(File.Exists(record));
            Assert.False(stranger.HasExited, "a process that is not a browser of ours was ended");
        }
        finally
        {
            if (!orphan.HasExited) orphan.Kill(entireProcessTree: true);
            stranger.Kill();
            File.Delete(forged);
        }
    }

    /// <summary>The processes whose process group is <paramref name="group"/> (from /proc), as "pid comm".</summary>
    private static List<string> GroupMembers(int group)
    {
        var members = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out _)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // Field 5 (pgrp) is rest[2]; a zombie (state Z) is already dead.
                if (rest[0] != "Z" && rest[2] == group.ToString(CultureInfo.InvariantCulture)) members.Add($"{Path.GetFileName(dir)} {stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')]}");
            }
            catch (IOException)
            {
                // The process ended while listed.
            }
        }
        return members;
    }
}
