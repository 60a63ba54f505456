using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ReproBundle.Browser;

/// <summary>
/// Finds the system Chromium used for PNG export and for the browser tests, the flags it needs on these machines
/// (root, no GPU, a closed network), and starts it with a bounded wait: a browser that fails or hangs costs
/// <see cref="LaunchTimeout"/> at most, and its whole process tree is ended.
/// </summary>
public static partial class ChromiumLocator
{
    /// <summary>
    /// Executable names tried on PATH, in order, when <c>CHROME_PATH</c> is not set. Debian's
    /// <c>chromium-headless-shell</c> comes first: same engine and DevTools protocol as <c>chromium</c>, and it starts
    /// in less than half the time here (no browser UI to load).
    /// </summary>
    public static readonly IReadOnlyList<string> Candidates =
        ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// Flags for a headless run as root with no network: no sandbox (root), no GPU, and no background
    /// networking, component updates or sync, which otherwise keep trying hosts this network refuses.
    /// </summary>
    public static readonly IReadOnlyList<string> HeadlessArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>
    /// Flags added for <see cref="PngRenderer"/>'s browser only, each measured on drawing the 11 figures here with the
    /// same PNG bytes: <c>--enable-begin-frame-control</c> stops the compositor from producing frames nobody looks at
    /// (<c>Plotly.toImage</c> draws into a canvas, not onto the screen; 0.2 CPU-s less), and the GPU and network
    /// services run inside the browser process without a zygote (three processes fewer to start; 0.15 CPU-s less). The
    /// browser tests keep Chromium's defaults.
    /// </summary>
    internal static readonly IReadOnlyList<string> DrawingArgs =
        ["--enable-begin-frame-control", "--in-process-gpu", "--enable-features=NetworkServiceInProcess2", "--no-zygote"];

    /// <summary>
    /// How long a launch may take until Chromium announces its DevTools endpoint and accepts the connection [s]: 15 s. A
    /// healthy start takes 0.3-3 s here even on a loaded machine; a browser that is not up by then is treated as broken.
    /// The environment variable <see cref="LaunchTimeoutVariable"/> (whole seconds, 1-15) shortens it, so the test with a
    /// hanging fake browser proves the timeout path without waiting out the full default.
    /// </summary>
    public static readonly TimeSpan LaunchTimeout = LaunchTimeoutFrom(Environment.GetEnvironmentVariable(LaunchTimeoutVariable));

    /// <summary>
    /// The environment variable that shortens <see cref="LaunchTimeout"/> [s]: whole seconds from 1 to 15; anything else
    /// (unset, empty, not a number, out of range) keeps the 15 s default.
    /// </summary>
    public const string LaunchTimeoutVariable = "REPROBUNDLE_TEST_LAUNCH_TIMEOUT_S";

    /// <summary>The launch timeout that <paramref name="value"/> of <see cref="LaunchTimeoutVariable"/> gives (15 s unless it holds 1-15).</summary>
    internal static TimeSpan LaunchTimeoutFrom(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 15
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(15);

    /// <summary>How long one DevTools call (a page load, a <c>Plotly.toImage</c>) may take before it counts as a browser fault.</summary>
    public static readonly TimeSpan ProtocolTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How a person gets Chromium when none is found.</summary>
    public const string InstallHint =
        "install Debian's chromium-headless-shell (apt-get install -y chromium-headless-shell; chromium works too) or set CHROME_PATH to a Chromium executable";

    [GeneratedRegex(@"DevTools listening on (ws://\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex DevToolsEndpoint();

    /// <summary>
    /// The Chromium executable: <c>CHROME_PATH</c> whenever it is set (a wrong one is a browser fault when the browser is
    /// started, reported as such: exit 3, the PNGs listed as missing), else the first of <see cref="Candidates"/> found on
    /// PATH, else null.
    /// </summary>
    public static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHROME_PATH");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in Candidates)
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The Chromium executable, or an exception whose message says how to get one (for callers that need a browser).</summary>
    public static string Require() =>
        Find() ?? throw new InvalidOperationException($"no Chromium found (CHROME_PATH unset or wrong, none of {string.Join(", ", Candidates)} on PATH): {InstallHint}");

    /// <summary>
    /// Starts one headless Chromium with a fresh temporary profile and waits for its DevTools endpoint, for a driver of
    /// the caller's own to connect to (the browser tests connect theirs); dispose it to end the browser's process tree and
    /// delete the profile. Same faults and bounds as <see cref="LaunchForDrawingAsync"/>.
    /// </summary>
    internal static Task<ChromiumProcess> LaunchUnconnectedAsync(string executablePath, string? startUrl, TimeSpan timeout) =>
        StartAsync(executablePath, startUrl, timeout);

    /// <summary>
    /// Starts one headless Chromium and opens the bundle's own DevTools connection to it
    /// (<see cref="DevToolsConnection"/>, what <see cref="PngRenderer"/> draws with). Same faults, same bounds.
    /// </summary>
    internal static async Task<(ChromiumProcess Process, DevToolsConnection Connection)> LaunchForDrawingAsync(string executablePath, string startUrl, TimeSpan? launchTimeout = null)
    {
        var timeout = launchTimeout ?? LaunchTimeout;
        var started = await StartAsync(executablePath, startUrl, timeout, DrawingArgs);
        try
        {
            return (started, await DevToolsConnection.OpenAsync(started.Endpoint, timeout));
        }
        catch (Exception e)
        {
            started.Dispose();
            throw new ChromiumFaultException(e is OperationCanceledException
                ? $"Chromium at {executablePath} did not accept a DevTools connection within {timeout.TotalSeconds:0} s"
                : $"Chromium at {executablePath} could not be connected to: {e.GetType().Name}: {Truncate(e.Message)}", e);
        }
    }

    /// <summary>
    /// Starts the browser process and waits until it prints its DevTools endpoint. Throws <see cref="ChromiumFaultException"/>
    /// when it cannot start, exits first or is silent for <paramref name="timeout"/>; its process tree is ended then.
    /// </summary>
    private static async Task<ChromiumProcess> StartAsync(string executablePath, string? startUrl, TimeSpan timeout, IReadOnlyList<string>? extraArgs = null)
    {
        CheckExecutable(executablePath);
        var profile = Directory.CreateTempSubdirectory("reprobundle-chromium-").FullName;
        var psi = new ProcessStartInfo(executablePath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in HeadlessArgs) psi.ArgumentList.Add(arg);
        foreach (var arg in extraArgs ?? []) psi.ArgumentList.Add(arg);
        psi.ArgumentList.Add("--headless");
        psi.ArgumentList.Add("--remote-debugging-port=0");
        psi.ArgumentList.Add($"--user-data-dir={profile}");
        psi.ArgumentList.Add(startUrl ?? "about:blank");

        Process process;
        try
        {
            // Browsers left by a dead earlier run are ended first; this one dies with this process (BrowserLifetime).
            BrowserLifetime.EndOrphans();
            process = BrowserLifetime.Start(psi);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            DeleteQuietly(profile);
            throw new ChromiumFaultException($"Chromium at {executablePath} could not be started: {e.Message}", e);
        }

        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastLine = "";
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            var match = DevToolsEndpoint().Match(e.Data);
            if (match.Success) endpoint.TrySetResult(match.Groups[1].Value);
            else if (!string.IsNullOrWhiteSpace(e.Data)) lastLine = e.Data.Trim();
        };
        // Both pipes are drained for the browser's whole life, or a chatty Chromium blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var started = new ChromiumProcess(process, profile);
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(endpoint.Task, exited, Task.Delay(timeout));
            if (first == exited && !endpoint.Task.IsCompleted)
            {
                throw new ChromiumFaultException($"Chromium at {executablePath} exited with code {process.ExitCode} before it was ready" +
                    (lastLine.Length > 0 ? $" ({Truncate(lastLine)})" : ""));
            }
            if (!endpoint.Task.IsCompleted)
            {
                throw new ChromiumFaultException($"Chromium at {executablePath} was not ready within {timeout.TotalSeconds:0} s");
            }
            if (!Uri.TryCreate(endpoint.Task.Result, UriKind.Absolute, out var address))
            {
                throw new ChromiumFaultException($"Chromium at {executablePath} printed a DevTools address that is not one: {Truncate(endpoint.Task.Result)}");
            }
            started.Endpoint = address;
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    /// <summary>A browser path that is not a regular file (a folder, nothing, a loop) is a browser fault naming where it came from.</summary>
    private static void CheckExecutable(string executablePath)
    {
        var source = executablePath == Environment.GetEnvironmentVariable("CHROME_PATH") ? $"CHROME_PATH '{executablePath}'" : $"Chromium at {executablePath}";
        Data.FileStatus status;
        try
        {
            status = Data.FileStatus.Of(executablePath, follow: true);
        }
        catch (IOException e)
        {
            throw new ChromiumFaultException($"{source} cannot be examined: {e.Message}");
        }
        if (status.Kind == Data.FileKind.Missing) throw new ChromiumFaultException($"{source} does not exist (or is a link that leads nowhere): {InstallHint}");
        if (status.Kind is not (Data.FileKind.Regular or Data.FileKind.Unknown)) throw new ChromiumFaultException($"{source} is {status.Describe()}, not a Chromium executable: {InstallHint}");
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "...";

    /// <summary>Ends <paramref name="process"/> and every process it started, and waits (briefly) until they are gone.</summary>
    internal static void EndTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // A child ended between listing and signalling it.
        }
        process.Dispose();
    }

    internal static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}

/// <summary>
/// Chromium failed: it could not be started, exited or hung during start-up, or a DevTools call failed or timed out.
/// <c>reproduce</c> reports it and writes every other output (exit code 3); it is never bad input and never the bundle's bug.
/// </summary>
public sealed class ChromiumFaultException : Exception
{
    /// <summary>A fault described by <paramref name="message"/>.</summary>
    public ChromiumFaultException(string message) : base(message)
    {
    }

    /// <summary>A fault described by <paramref name="message"/>, caused by <paramref name="inner"/>.</summary>
    public ChromiumFaultException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>A started Chromium process and its temporary profile; disposing ends the process tree and deletes the profile.</summary>
internal sealed class ChromiumProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private int _disposed;

    internal ChromiumProcess(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser-wide DevTools address (<c>ws://127.0.0.1:port/devtools/browser/id</c>), once printed.</summary>
    public Uri Endpoint { get; internal set; } = null!;

    /// <summary>The operating-system id of the browser's main process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Ends the process tree (a throw-away profile needs no graceful close) and deletes the profile; once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        BrowserLifetime.Forget(_process.Id);
        ChromiumLocator.EndTree(_process);
        ChromiumLocator.DeleteQuietly(_profile);
    }
}
