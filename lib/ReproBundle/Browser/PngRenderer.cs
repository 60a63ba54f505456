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
/// once, then <c>Plotly.toImage</c> per figure. (Plotly.NET.ImageExport starts a browser for every image, 2.7-4.2 s
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
    }

    /// <summary>
    /// Starts Chromium at <paramref name="chromiumPath"/> in the background and loads <paramref name="plotlyJs"/> into
    /// a local page; returns at once. Errors of the launch surface in <see cref="Render"/>.
    /// </summary>
    public static PngRenderer Start(string chromiumPath, string plotlyJs) => new(chromiumPath, plotlyJs);

    private static async Task<(ChromiumSession, IPage)> OpenAsync(string chromiumPath, string pageUrl)
    {
        // The render page is Chromium's start page, so plotly.js loads while PuppeteerSharp connects.
        var session = await ChromiumLocator.LaunchAsync(chromiumPath, pageUrl);
        try
        {
            var page = (await session.Browser.PagesAsync()).FirstOrDefault(p => p.Url == pageUrl);
            if (page is null)
            {
                page = await session.Browser.NewPageAsync();
                await page.GoToAsync(pageUrl);
            }
            await page.WaitForFunctionAsync("() => typeof window.Plotly !== 'undefined'", new WaitForFunctionOptions { Timeout = 120_000 });
            return (session, page);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Renders every job in the one browser session, waiting for the browser if it is still starting.</summary>
    public void Render(IReadOnlyList<PngJob> jobs) => RenderAsync(jobs).GetAwaiter().GetResult();

    /// <summary>Renders every job in the one browser session, waiting for the browser if it is still starting.</summary>
    public async Task RenderAsync(IReadOnlyList<PngJob> jobs)
    {
        var (_, page) = await _ready;
        foreach (var job in jobs)
        {
            var base64 = await page.EvaluateFunctionAsync<string>(RenderFunction, job.FigureJson, job.Width, job.Height);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.OutputPath))!);
            await File.WriteAllBytesAsync(job.OutputPath, Convert.FromBase64String(base64));
        }
    }

    /// <summary>Closes the browser (when it started) and deletes the temporary folder.</summary>
    public void Dispose()
    {
        try
        {
            if (_ready.Wait(TimeSpan.FromMinutes(2)) && _ready.IsCompletedSuccessfully)
            {
                var (session, page) = _ready.Result;
                page.CloseAsync().GetAwaiter().GetResult();
                session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (AggregateException)
        {
            // The launch failed; Render already reported it, and there is no browser to close.
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
