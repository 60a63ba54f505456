using PuppeteerSharp;

namespace ReproBundle.Browser;

/// <summary>
/// Finds the system Chromium used for PNG export and for the browser tests, and the flags it needs on
/// these machines (root, no GPU, a closed network).
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Executable names tried on PATH, in order, when <c>CHROME_PATH</c> is not set.</summary>
    public static readonly IReadOnlyList<string> Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// Flags for a headless run as root with no network: no sandbox (root), no GPU, and no background
    /// networking, component updates or sync, which otherwise keep trying hosts this network refuses.
    /// </summary>
    public static readonly IReadOnlyList<string> HeadlessArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>How a person gets Chromium when none is found.</summary>
    public const string InstallHint = "install Debian's Chromium (apt-get install -y chromium) or set CHROME_PATH to a Chromium executable";

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
    /// PuppeteerSharp options for a headless run of <paramref name="executablePath"/> with <see cref="HeadlessArgs"/> and
    /// a fresh profile in <paramref name="userDataDir"/>.
    /// </summary>
    public static LaunchOptions LaunchOptions(string executablePath, string userDataDir) => new()
    {
        ExecutablePath = executablePath,
        Headless = true,
        Args = [.. HeadlessArgs],
        UserDataDir = userDataDir,
        // Generous: on a loaded 2-core machine a new tab or a protocol call can take far longer than the 30 s default.
        Timeout = 120_000,
        ProtocolTimeout = 180_000,
    };

    /// <summary>
    /// Starts one headless Chromium with a fresh temporary profile; dispose the session to close it and delete the
    /// profile. With <paramref name="startUrl"/>, the first tab starts loading it while the browser comes up.
    /// </summary>
    public static async Task<ChromiumSession> LaunchAsync(string executablePath, string? startUrl = null)
    {
        var profile = Directory.CreateTempSubdirectory("reprobundle-chromium-").FullName;
        try
        {
            var options = LaunchOptions(executablePath, profile);
            if (startUrl is not null) options.Args = [.. options.Args, startUrl];
            var browser = await Puppeteer.LaunchAsync(options);
            browser.DefaultWaitForTimeout = 180_000;
            return new ChromiumSession(browser, profile);
        }
        catch
        {
            Directory.Delete(profile, recursive: true);
            throw;
        }
    }
}

/// <summary>A running headless Chromium and its temporary profile folder; disposing closes the browser and deletes the folder.</summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly string _profile;

    internal ChromiumSession(IBrowser browser, string profile)
    {
        Browser = browser;
        _profile = profile;
    }

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // A throw-away headless profile needs no graceful shutdown: ending the process tree is immediate, where
        // Browser.close waits about a second on a loaded machine.
        try
        {
            Browser.Process?.Kill(entireProcessTree: true);
            Browser.Process?.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        await Browser.DisposeAsync();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; a leftover temp folder is harmless.
        }
    }
}
