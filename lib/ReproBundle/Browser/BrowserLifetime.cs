using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ReproBundle.Browser;

/// <summary>
/// Ties every browser the bundle starts to the process that started it (issue 26, item 3), three ways:
/// <list type="number">
/// <item>On Linux the browser is started through util-linux's <c>setpriv --pdeathsig KILL</c>, so the kernel sends it
/// SIGKILL when its parent dies, SIGKILL of the parent included. The signal follows the THREAD that forked the child, so
/// every browser is started from one dedicated thread that lives as long as the process (a thread-pool thread that
/// retires would take the browser with it).</item>
/// <item>Each running browser is listed in a pid file (<see cref="RecordFolder"/>: the browser's pid and start time, and
/// its owner's); a later run ends browsers whose owner is dead before it starts its own
/// (<see cref="EndOrphans"/>), in case the first tie was missing (no <c>setpriv</c>).</item>
/// <item><see cref="EndAll"/> ends every browser this process started, for a second Ctrl-C.</item>
/// </list>
/// </summary>
public static class BrowserLifetime
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = new();
    private static readonly Lazy<Thread> Starter = new(() =>
    {
        var thread = new Thread(StartLoop) { IsBackground = true, Name = "ReproBundle browser starter" };
        thread.Start();
        return thread;
    });
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    /// <summary>The folder of pid files of running browsers: <c>reprobundle-browsers</c> in the temporary folder.</summary>
    public static string RecordFolder => Path.Combine(Path.GetTempPath(), "reprobundle-browsers");

    /// <summary>The watchdog: runs the browser, waits for it, and kills its own process group when told to stop.</summary>
    private const string WatchdogScript = "trap 'trap - TERM HUP; kill -KILL 0' TERM HUP; \"$@\" & wait $!";

    private const string Shell = "/bin/sh";

    /// <summary>util-linux's <c>setsid</c> when installed (Linux only), else null.</summary>
    public static string? SetSid { get; } = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists)
        : null;

    /// <summary>util-linux's <c>setpriv</c> when installed (Linux only), else null: the browser then relies on the pid files.</summary>
    public static string? SetPriv { get; } = OperatingSystem.IsLinux()
        ? new[] { "/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv" }.FirstOrDefault(File.Exists)
        : null;

    /// <summary>
    /// Starts <paramref name="start"/> (a browser) from the long-lived starter thread, wrapped in <c>setpriv --pdeathsig KILL</c>
    /// when available, records its pid file and returns the process.
    /// </summary>
    internal static Process Start(ProcessStartInfo start)
    {
        if (SetPriv is { } setpriv && SetSid is { } setsid && File.Exists(Shell))
        {
            // setpriv: the kernel sends SIGTERM to the watchdog shell when this process dies; setsid: the shell leads a
            // process group of its own, which the browser and every process it starts join (Debian's chromium is a shell
            // script that starts the real binary as a child, and the binary starts renderers: killing one pid is not
            // enough). The shell runs the browser and, on SIGTERM or SIGHUP, kills the whole group.
            var wrapped = new ProcessStartInfo(setpriv)
            {
                UseShellExecute = false,
                RedirectStandardError = start.RedirectStandardError,
                RedirectStandardOutput = start.RedirectStandardOutput,
                RedirectStandardInput = start.RedirectStandardInput,
            };
            foreach (var arg in new[] { "--pdeathsig", "TERM", "--", setsid, Shell, "-c", WatchdogScript, WatchdogName, start.FileName })
            {
                wrapped.ArgumentList.Add(arg);
            }
            foreach (var arg in start.ArgumentList) wrapped.ArgumentList.Add(arg);
            start = wrapped;
        }
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Starter.Value;
        Requests.Add((start, started));
        var process = started.Task.GetAwaiter().GetResult();
        Running[process.Id] = process;
        Record(process.Id);
        return process;
    }

    private static void StartLoop()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start"));
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }

    /// <summary>Forgets a browser that was ended (its pid file goes).</summary>
    internal static void Forget(int pid)
    {
        // The watchdog led a process group: anything of the browser's that outlived the tree walk goes with it.
        if (Running.TryRemove(pid, out _) && SetSid is not null) KillGroup(pid);
        try
        {
            File.Delete(Path.Combine(RecordFolder, $"{pid.ToString(CultureInfo.InvariantCulture)}.pid"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A pid file left behind is ignored once its browser is gone (the start time no longer matches).
        }
    }

    /// <summary>Ends, at once, every browser this process started and has not ended yet (a second Ctrl-C).</summary>
    public static void EndAll()
    {
        foreach (var (pid, process) in Running)
        {
            try
            {
                KillGroup(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
            Forget(pid);
        }
    }

    /// <summary>
    /// Ends every browser listed in <see cref="RecordFolder"/> whose owner is no longer running (its pid is gone or now
    /// names another process: the start times are compared) and which is still the same browser. Returns how many it ended.
    /// </summary>
    public static int EndOrphans()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(RecordFolder)) return 0;
        var ended = 0;
        foreach (var file in Directory.EnumerateFiles(RecordFolder, "*.pid"))
        {
            try
            {
                var fields = File.ReadAllText(file).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length != 4) continue;
                var numbers = fields.Select(f => long.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
                var (browser, browserStart, owner, ownerStart) = ((int)numbers[0], numbers[1], (int)numbers[2], numbers[3]);
                if (StartTime(owner) == ownerStart) continue; // its run is alive
                if (StartTime(browser) == browserStart && IsOurWatchdog(browser))
                {
                    using var orphan = Process.GetProcessById(browser);
                    KillGroup(browser);
                    orphan.Kill(entireProcessTree: true);
                    orphan.WaitForExit(5_000);
                    ended++;
                }
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException
                                          or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Not a record of ours, or the process ended meanwhile: nothing to end.
            }
        }
        return ended;
    }

    /// <summary>
    /// True when <paramref name="pid"/> runs the watchdog shell this class starts (its arguments name
    /// <c>reprobundle-browser</c>) as this user: a pid file someone else wrote cannot make a run kill an unrelated process.
    /// </summary>
    private static bool IsOurWatchdog(int pid)
    {
        var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        var args = File.ReadAllText(Path.Combine(proc, "cmdline")).Split('\0');
        var status = File.ReadAllLines(Path.Combine(proc, "status")).FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var uid = status?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        var self = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            ?.Split('\t', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        return uid is not null && uid == self && args.Contains(WatchdogName);
    }

    /// <summary>The watchdog shell's <c>$0</c>, which names it in the process list.</summary>
    private const string WatchdogName = "reprobundle-browser";

    /// <summary>SIGKILL to the process group led by <paramref name="leader"/>; nothing when there is none.</summary>
    private static void KillGroup(int leader)
    {
        if (OperatingSystem.IsLinux() && leader > 1) _ = Kill(-leader, 9);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void Record(int pid)
    {
        try
        {
            Directory.CreateDirectory(RecordFolder);
            var line = string.Join(' ', pid, StartTime(pid), Environment.ProcessId, StartTime(Environment.ProcessId));
            File.WriteAllText(Path.Combine(RecordFolder, $"{pid.ToString(CultureInfo.InvariantCulture)}.pid"), line + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without the record, the kernel's tie (setpriv) still ends the browser with its run.
        }
    }

    /// <summary>
    /// The start time of process <paramref name="pid"/> in clock ticks since boot (field 22 of <c>/proc/PID/stat</c>), or -1
    /// when there is no such process: with the pid, it names one process even after the pid is reused.
    /// </summary>
    public static long StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(rest[19], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }
}
