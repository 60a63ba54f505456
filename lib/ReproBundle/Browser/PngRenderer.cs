using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace ReproBundle.Browser;

/// <summary>One PNG to render: a plotly figure (<c>{"data", "layout"}</c> JSON), the file to write, and its size [px].</summary>
/// <param name="FigureJson">The figure as JSON.</param>
/// <param name="OutputPath">Where the PNG goes.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
public sealed record PngJob(string FigureJson, string OutputPath, int Width, int Height);

/// <summary>
/// Renders plotly figures to PNG in ONE headless Chromium session: one browser, one local page that loads plotly.js
/// once, then <c>Plotly.toImage</c> per figure, drawn from a queue (<see cref="Queue"/>) so a caller can go on while
/// they are drawn. (Plotly.NET.ImageExport starts a browser for every image; bench/RESULTS.md has the cost.)
/// <see cref="Start"/> begins launching the browser in the background, so a caller can start it first and draw its
/// charts while Chromium comes up. The page loads nothing from the network: a local HTML file and plotly.js beside
/// it, in a temporary folder deleted on <see cref="Dispose"/>. The browser is driven over the bundle's own DevTools
/// connection (<see cref="DevToolsConnection"/>), not PuppeteerSharp, which costs more CPU per run (bench/RESULTS.md).
/// </summary>
public sealed class PngRenderer : IDisposable
{
    /// <summary>The render page: plotly.js, and the function each job calls (figure JSON text and size in, PNG as base64 out).</summary>
    private const string RenderPage = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script><script>
        window.reproBundleToPng = async (json, width, height) => {
          const url = await Plotly.toImage(JSON.parse(json), { format: 'png', width: width, height: height, scale: 1 });
          return url.substring(url.indexOf(',') + 1);
        };
        </script></head><body></body></html>
        """;

    /// <summary>True once the render page has plotly.js and its function (the page may still be loading when the browser is up).</summary>
    private const string PageReady =
        "new Promise(ready => { const check = () => (window.Plotly && window.reproBundleToPng) ? ready(true) : setTimeout(check, 5); check(); })";

    /// <summary>The started browser, its DevTools connection and the attached render page's session id.</summary>
    private sealed record Drawing(ChromiumProcess Process, DevToolsConnection Connection, string SessionId);

    private readonly string _folder;
    private readonly Task<Drawing> _ready;
    private readonly Channel<PngJob> _jobs = Channel.CreateUnbounded<PngJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task<IReadOnlyDictionary<string, string>> _drawing;
    private volatile bool _stopping;
    private Task? _ending;

    /// <summary>The Chromium executable this renderer runs.</summary>
    public string ChromiumPath { get; }

    private PngRenderer(string chromiumPath, string plotlyJs)
    {
        ChromiumPath = chromiumPath;
        _folder = TemporaryFolder.Create("reprobundle-render-");
        File.WriteAllText(Path.Combine(_folder, "plotly.min.js"), plotlyJs);
        var pagePath = Path.Combine(_folder, "render.html");
        File.WriteAllText(pagePath, RenderPage);
        _ready = Task.Run(() => OpenAsync(chromiumPath, new Uri(pagePath).AbsoluteUri));
        _drawing = Task.Run(DrawQueuedAsync);
    }

    /// <summary>
    /// Starts Chromium at <paramref name="chromiumPath"/> in the background and loads <paramref name="plotlyJs"/> into
    /// a local page; returns at once. A launch fault is reported by <see cref="Finish"/>, as PNGs it could not draw.
    /// </summary>
    public static PngRenderer Start(string chromiumPath, string plotlyJs) => new(chromiumPath, plotlyJs);

    private static async Task<Drawing> OpenAsync(string chromiumPath, string pageUrl)
    {
        // The render page is Chromium's start page, so plotly.js loads while the DevTools connection is made.
        var (process, connection) = await ChromiumLocator.LaunchForDrawingAsync(chromiumPath, pageUrl);
        try
        {
            var timeout = ChromiumLocator.ProtocolTimeout;
            var clock = Stopwatch.StartNew();
            // The start tab may not be listed yet when the connection is made: wait for it (bounded) rather than open a
            // second tab that would evaluate plotly.js a second time.
            var targetId = await FindPageAsync(connection, pageUrl);
            while (targetId is null && clock.Elapsed < ChromiumLocator.LaunchTimeout)
            {
                await Task.Delay(10);
                targetId = await FindPageAsync(connection, pageUrl);
            }
            if (targetId is null)
            {
                using var created = await connection.SendAsync("Target.createTarget", w => w.WriteString("url", pageUrl), null, timeout);
                targetId = created.RootElement.GetProperty("result").GetProperty("targetId").GetString()!;
            }
            string sessionId;
            using (var attached = await connection.SendAsync("Target.attachToTarget", w =>
                   {
                       w.WriteString("targetId", targetId);
                       w.WriteBoolean("flatten", true);
                   }, null, timeout))
            {
                sessionId = attached.RootElement.GetProperty("result").GetProperty("sessionId").GetString()!;
            }
            // A page still loading replaces its script context once; the check is repeated then (bounded by the timeout).
            while (true)
            {
                try
                {
                    using var ready = await connection.SendAsync("Runtime.evaluate", w =>
                    {
                        w.WriteString("expression", PageReady);
                        w.WriteBoolean("awaitPromise", true);
                        w.WriteBoolean("returnByValue", true);
                    }, sessionId, timeout - clock.Elapsed > TimeSpan.FromSeconds(1) ? timeout - clock.Elapsed : TimeSpan.FromSeconds(1));
                    if (!ready.RootElement.GetProperty("result").TryGetProperty("exceptionDetails", out _)) break;
                }
                catch (ChromiumFaultException e) when (e.Message.Contains("context", StringComparison.OrdinalIgnoreCase) && clock.Elapsed < timeout)
                {
                    // "Execution context was destroyed" / "Cannot find default execution context": the page navigated.
                }
                if (clock.Elapsed >= timeout) throw new ChromiumFaultException($"it was not loaded within {timeout.TotalSeconds:0} s");
                await Task.Delay(10);
            }
            return new Drawing(process, connection, sessionId);
        }
        catch (Exception e)
        {
            await connection.DisposeAsync();
            process.Dispose();
            throw new ChromiumFaultException($"Chromium at {chromiumPath} could not open the render page: {(e is ChromiumFaultException ? e.Message : $"{e.GetType().Name}: {FirstLine(e.Message)}")}", e);
        }
    }

    /// <summary>The id of the page target showing <paramref name="pageUrl"/>, or null when it is not listed (yet).</summary>
    private static async Task<string?> FindPageAsync(DevToolsConnection connection, string pageUrl)
    {
        using var targets = await connection.SendAsync("Target.getTargets", null, null, ChromiumLocator.ProtocolTimeout);
        foreach (var target in targets.RootElement.GetProperty("result").GetProperty("targetInfos").EnumerateArray())
        {
            if (target.GetProperty("type").ValueEquals("page") && target.GetProperty("url").ValueEquals(pageUrl))
            {
                return target.GetProperty("targetId").GetString();
            }
        }
        return null;
    }

    /// <summary>Draws one PNG in the render page and returns its bytes; a script error or a fault throws <see cref="ChromiumFaultException"/>.</summary>
    private static async Task<byte[]> DrawAsync(Drawing drawing, PngJob job)
    {
        // The figure goes in as a JavaScript string literal (JSON string escaping is valid JavaScript) and is parsed by JSON.parse in the page: data, never code.
        var expression = $"reproBundleToPng(\"{JsonEncodedText.Encode(job.FigureJson)}\", {job.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {job.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        using var reply = await drawing.Connection.SendAsync("Runtime.evaluate", w =>
        {
            w.WriteString("expression", expression);
            w.WriteBoolean("awaitPromise", true);
            w.WriteBoolean("returnByValue", true);
        }, drawing.SessionId, ChromiumLocator.ProtocolTimeout);
        var result = reply.RootElement.GetProperty("result");
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            var text = error.TryGetProperty("exception", out var thrown) && thrown.TryGetProperty("description", out var description)
                ? description.GetString()
                : error.TryGetProperty("text", out var summary) ? summary.GetString() : error.GetRawText();
            throw new ChromiumFaultException($"Plotly.toImage failed in Chromium: {FirstLine(text ?? "")}");
        }
        return result.GetProperty("result").GetProperty("value").GetBytesFromBase64();
    }

    /// <summary>
    /// Adds <paramref name="job"/> to the drawing queue and returns at once: the browser draws the queued jobs one after another
    /// as soon as it is ready, while the caller goes on (e.g. builds the next chart). <see cref="Finish"/> waits for them.
    /// </summary>
    public void Queue(PngJob job)
    {
        if (!_jobs.Writer.TryWrite(job)) throw new InvalidOperationException($"PngRenderer: {job.OutputPath} was queued after Finish");
    }

    /// <summary>
    /// Waits until every queued job is drawn, waiting for the browser if it is still starting. A browser fault (it did not
    /// start, hung, crashed or a call timed out) throws nothing: the jobs it left undrawn are returned by output path, each
    /// with the reason, and the browser's process tree is ended. Empty when every PNG was written. No job can be queued after this.
    /// </summary>
    public IReadOnlyDictionary<string, string> Finish()
    {
        _jobs.Writer.TryComplete();
        return _drawing.GetAwaiter().GetResult();
    }

    /// <summary>The one consumer of the queue: draws each job in turn; after a fault, lists the rest as missing without trying them.</summary>
    private async Task<IReadOnlyDictionary<string, string>> DrawQueuedAsync()
    {
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        string? fault = null;
        await foreach (var job in _jobs.Reader.ReadAllAsync())
        {
            if (fault is null && !_stopping)
            {
                try
                {
                    var png = await DrawAsync(await _ready, job);
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.OutputPath))!);
                    await File.WriteAllBytesAsync(job.OutputPath, png);
                    continue;
                }
                catch (Exception e) when (e is ChromiumFaultException or TimeoutException or OperationCanceledException or System.Net.WebSockets.WebSocketException
                                              or IOException or FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // A launch or page-load fault (the browser never became ready) already names the browser; a drawing fault is named here.
                    fault = !_ready.IsCompletedSuccessfully ? e.Message
                        : $"Chromium at {ChromiumPath} failed while drawing: {(e is ChromiumFaultException ? e.Message : $"{e.GetType().Name}: {FirstLine(e.Message)}")}";
                    // A browser that failed once is not trusted with more work: end it now rather than at Dispose.
                    await EndBrowserAsync();
                }
            }
            missing[job.OutputPath] = fault ?? "not drawn: the run stopped before this PNG's turn";
        }
        return missing;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "...";
    }

    private async Task EndBrowserAsync()
    {
        if (!_ready.IsCompletedSuccessfully) return;
        await _ready.Result.Connection.DisposeAsync();
        _ready.Result.Process.Dispose();
    }

    /// <summary>
    /// For the tests: waits until the render page is ready, then crashes its renderer process (DevTools <c>Page.crash</c>),
    /// as a renderer that dies in the middle of a run would.
    /// </summary>
    internal void CrashPageForTest()
    {
        var drawing = _ready.GetAwaiter().GetResult();
        try
        {
            drawing.Connection.SendAsync("Page.crash", null, drawing.SessionId, ChromiumLocator.ProtocolTimeout).GetAwaiter().GetResult().Dispose();
        }
        catch (ChromiumFaultException)
        {
            // The crash ends this command too: it gets no answer.
        }
    }

    /// <summary>
    /// Starts ending the browser's process tree (when it started) and deleting the temporary folder, in the background, and
    /// returns at once; <see cref="Dispose"/> waits for it. A caller that is done with the PNGs calls this and goes on (the
    /// end takes 0.1-0.2 s here: the process tree is killed and waited for).
    /// </summary>
    public Task EndAsync()
    {
        lock (_jobs) return _ending ??= Task.Run(End);
    }

    /// <summary>Ends the browser's process tree (when it started) and deletes the temporary folder; returns when both are done.</summary>
    public void Dispose() => EndAsync().GetAwaiter().GetResult();

    private void End()
    {
        try
        {
            // Jobs still queued are not drawn (a run that wanted them called Finish first; one that ends early does not wait).
            _stopping = true;
            _jobs.Writer.TryComplete();
            // The launch, the page load and each drawing call are bounded (ChromiumLocator.LaunchTimeout, ProtocolTimeout), so these waits end.
            ((IAsyncResult)_ready).AsyncWaitHandle.WaitOne();
            ((IAsyncResult)_drawing).AsyncWaitHandle.WaitOne();
            EndBrowserAsync().GetAwaiter().GetResult();
        }
        finally
        {
            ChromiumLocator.DeleteQuietly(_folder);
        }
    }
}
