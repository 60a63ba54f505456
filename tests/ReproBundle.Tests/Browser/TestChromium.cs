using PuppeteerSharp;
using ReproBundle.Browser;

namespace ReproBundle.Tests.Browser;

/// <summary>
/// The browser tests' driver: PuppeteerSharp connected to a Chromium the product starts
/// (<see cref="ChromiumLocator.LaunchUnconnectedAsync"/>, same flags, faults and bounds). The product draws PNGs over its
/// own DevTools connection (<see cref="DevToolsConnection"/>), cheaper per run than PuppeteerSharp (bench/RESULTS.md),
/// so only the tests carry PuppeteerSharp.
/// </summary>
public static class TestChromium
{
    /// <summary>
    /// Starts one headless Chromium with a fresh profile and connects PuppeteerSharp to it; with <paramref name="startUrl"/>
    /// the first tab loads it while the browser comes up. Throws <see cref="ChromiumFaultException"/> when the browser
    /// exits, fails or is not ready within <see cref="ChromiumLocator.LaunchTimeout"/> (or <paramref name="launchTimeout"/>).
    /// </summary>
    public static async Task<ChromiumSession> LaunchAsync(string executablePath, string? startUrl = null, TimeSpan? launchTimeout = null)
    {
        var timeout = launchTimeout ?? ChromiumLocator.LaunchTimeout;
        var started = await ChromiumLocator.LaunchUnconnectedAsync(executablePath, startUrl, timeout);
        try
        {
            var connect = Puppeteer.ConnectAsync(new ConnectOptions
            {
                BrowserWSEndpoint = started.Endpoint.AbsoluteUri,
                ProtocolTimeout = (int)ChromiumLocator.ProtocolTimeout.TotalMilliseconds,
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
            browser.DefaultWaitForTimeout = (int)ChromiumLocator.ProtocolTimeout.TotalMilliseconds;
            return new ChromiumSession(browser, started);
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }
}

/// <summary>A running headless Chromium with PuppeteerSharp connected; disposing ends the browser's process tree and deletes its profile.</summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly ChromiumProcess _process;
    private int _disposed;

    internal ChromiumSession(IBrowser browser, ChromiumProcess process)
    {
        Browser = browser;
        _process = process;
    }

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>The operating-system id of the browser's main process.</summary>
    public int ProcessId => _process.ProcessId;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return ValueTask.CompletedTask;
        // A throw-away profile needs no graceful shutdown: ending the process tree is immediate.
        try
        {
            Browser.Disconnect();
        }
        catch (PuppeteerException)
        {
            // The connection is already gone.
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
