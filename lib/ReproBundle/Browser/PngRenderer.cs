using System.Threading.Channels;
using PuppeteerSharp;

namespace ReproBundle.Browser;

/// <summary>One PNG to render: a plotly figure (<c>{"data", "layout"}</c> JSON), the file to write, and its size [px].</summary>
/// <param name="FigureJson">The figure as JSON.</param>
/// <param name="OutputPath">Where the PNG goes.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
public sealed record PngJob(string FigureJson, string OutputPath, int Width, int Height);

/// <summary>
/// Renders plotly figures to PNG in ONE headless Chromium session: one browser, one local page that loads plotly.js
/// once, then <c>Plotly.toImage</c> per figure, drawn from a queue (<see cref="Queue"/>) so a caller can go on while they are drawn. (Plotly.NET.ImageExport starts a browser for every image, 2.7-4.2 s
/// each on these machines.) <see cref="Start"/> begins launching the browser in the background, so a caller can start it
/// first and draw its charts while Chromium comes up. The page loads nothing from the network: a local HTML file and
/// plotly.js beside it, in a temporary folder deleted on <see cref="Dispose"/>.
/// </summary>
public sealed class PngRenderer : IDisposable
{
    private const string RenderFunction = """
        async (json, width, height) => {
          const figure = JSON.parse(json);
          const url = await Plotly.toImage(figure, { format: 'png', width: width, height: height, scale: 1 });
          return url.substring(url.indexOf(',') + 1);
        }
        """;

    private readonly string _folder;
    private readonly Task<(ChromiumSession Session, IPage Page)> _ready;
    private readonly Channel<PngJob> _jobs = Channel.CreateUnbounded<PngJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task<IReadOnlyDictionary<string, string>> _drawing;
    private volatile bool _stopping;

    /// <summary>The Chromium executable this renderer runs.</summary>
    public string ChromiumPath { get; }

    private PngRenderer(string chromiumPath, string plotlyJs)
    {
        ChromiumPath = chromiumPath;
        _folder = Directory.CreateTempSubdirectory("reprobundle-render-").FullName;
        File.WriteAllText(Path.Combine(_folder, "plotly.min.js"), plotlyJs);
        var pagePath = Path.Combine(_folder, "render.html");
        File.WriteAllText(pagePath, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script src=\"plotly.min.js\"></script></head><body></body></html>");
        _ready = Task.Run(() => OpenAsync(chromiumPath, new Uri(pagePath).AbsoluteUri));
        _drawing = Task.Run(DrawQueuedAsync);
    }

    /// <summary>
    /// Starts Chromium at <paramref name="chromiumPath"/> in the background and loads <paramref name="plotlyJs"/> into
    /// a local page; returns at once. A launch fault is reported by <see cref="Finish"/>, as PNGs it could not draw.
    /// </summary>
    public static PngRenderer Start(string chromiumPath, string plotlyJs) => new(chromiumPath, plotlyJs);

    private static async Task<(ChromiumSession, IPage)> OpenAsync(string chromiumPath, string pageUrl)
    {
        // The render page is Chromium's start page, so plotly.js loads while the DevTools connection is made.
        var session = await ChromiumLocator.LaunchAsync(chromiumPath, pageUrl);
        try
        {
            // The start tab may not be listed yet when the connection is made (2 of 5 launches here): wait for it rather than
            // open a second tab that would evaluate plotly.js a second time.
            var page = (await session.Browser.PagesAsync()).FirstOrDefault(p => p.Url == pageUrl);
            if (page is null)
            {
                try
                {
                    var target = await session.Browser.WaitForTargetAsync(t => t.Type == TargetType.Page && t.Url == pageUrl,
                        new WaitForOptions { Timeout = (int)ChromiumLocator.LaunchTimeout.TotalMilliseconds });
                    page = await target.PageAsync();
                }
                catch (TimeoutException)
                {
                    page = null;
                }
            }
            if (page is null)
            {
                page = await session.Browser.NewPageAsync();
                await page.GoToAsync(pageUrl, new NavigationOptions { Timeout = (int)ChromiumLocator.ProtocolTimeout.TotalMilliseconds });
            }
            await page.WaitForFunctionAsync("() => typeof window.Plotly !== 'undefined'",
                new WaitForFunctionOptions { Timeout = (int)ChromiumLocator.ProtocolTimeout.TotalMilliseconds });
            return (session, page);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
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
                    var (_, page) = await _ready;
                    var base64 = await page.EvaluateFunctionAsync<string>(RenderFunction, job.FigureJson, job.Width, job.Height);
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.OutputPath))!);
                    await File.WriteAllBytesAsync(job.OutputPath, Convert.FromBase64String(base64));
                    continue;
                }
                catch (Exception e) when (e is ChromiumFaultException or PuppeteerException or TimeoutException or OperationCanceledException
                                              or System.Net.WebSockets.WebSocketException or IOException or FormatException)
                {
                    fault = e is ChromiumFaultException ? e.Message : $"Chromium at {ChromiumPath} failed while drawing: {e.GetType().Name}: {FirstLine(e.Message)}";
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
        if (_ready.IsCompletedSuccessfully) await _ready.Result.Session.DisposeAsync();
    }

    /// <summary>Ends the browser's process tree (when it started) and deletes the temporary folder.</summary>
    public void Dispose()
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
