using System.Diagnostics;
using System.Text.RegularExpressions;
using PuppeteerSharp;

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
    /// The Chromium executable: <c>CHROME_PATH</c> when it names an existing file, else the first of
    /// <see cref="Candidates"/> found on PATH, else null.
    /// </summary>
    public static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHROME_PATH");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : null;
        }
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
    /// Starts one headless Chromium with a fresh temporary profile and connects to it; dispose the session to end the
    /// browser's process tree and delete the profile. With <paramref name="startUrl"/>, the first tab starts loading it
    /// while the browser comes up. Throws <see cref="ChromiumFaultException"/> when the browser exits, fails or is not
    /// ready within <see cref="LaunchTimeout"/> (or <paramref name="launchTimeout"/>); no process is left running then.
    /// </summary>
    public static async Task<ChromiumSession> LaunchAsync(string executablePath, string? startUrl = null, TimeSpan? launchTimeout = null)
    {
        var timeout = launchTimeout ?? LaunchTimeout;
        var profile = Directory.CreateTempSubdirectory("reprobundle-chromium-").FullName;
        var psi = new ProcessStartInfo(executablePath)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in HeadlessArgs) psi.ArgumentList.Add(arg);
        psi.ArgumentList.Add("--headless");
        psi.ArgumentList.Add("--remote-debugging-port=0");
        psi.ArgumentList.Add($"--user-data-dir={profile}");
        psi.ArgumentList.Add(startUrl ?? "about:blank");

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new ChromiumFaultException($"Chromium at {executablePath} could not be started");
        }
        catch (System.ComponentModel.Win32Exception e)
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
            var connect = Puppeteer.ConnectAsync(new ConnectOptions
            {
                BrowserWSEndpoint = endpoint.Task.Result,
                ProtocolTimeout = (int)ProtocolTimeout.TotalMilliseconds,
            });
            IBrowser browser;
            try
            {
                browser = await connect.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new ChromiumFaultException($"Chromium at {executablePath} did not accept a DevTools connection within {timeout.TotalSeconds:0} s");
            }
            browser.DefaultWaitForTimeout = (int)ProtocolTimeout.TotalMilliseconds;
            return new ChromiumSession(browser, process, profile);
        }
        catch (Exception e) when (e is not ChromiumFaultException)
        {
            EndTree(process);
            DeleteQuietly(profile);
            throw new ChromiumFaultException($"Chromium at {executablePath} could not be connected to: {e.GetType().Name}: {Truncate(e.Message)}", e);
        }
        catch
        {
            EndTree(process);
            DeleteQuietly(profile);
            throw;
        }
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

/// <summary>A running headless Chromium and its temporary profile folder; disposing ends the browser's process tree and deletes the folder.</summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private int _disposed;

    internal ChromiumSession(IBrowser browser, Process process, string profile)
    {
        Browser = browser;
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>The operating-system id of the browser's main process.</summary>
    public int ProcessId => _process.Id;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return ValueTask.CompletedTask;
        // A throw-away headless profile needs no graceful shutdown: ending the process tree is immediate, where
        // Browser.close waits about a second on a loaded machine.
        try
        {
            Browser.Disconnect();
        }
        catch (PuppeteerException)
        {
            // The connection is already gone.
        }
        ChromiumLocator.EndTree(_process);
        ChromiumLocator.DeleteQuietly(_profile);
        return ValueTask.CompletedTask;
    }
}
