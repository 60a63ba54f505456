using PuppeteerSharp;

namespace ReproBundle.Browser;

/// <summary>One PNG to render: a plotly figure (<c>{"data", "layout"}</c> JSON), the file to write, and its size [px].</summary>
/// <param name="FigureJson">The figure as JSON.</param>
/// <param name="OutputPath">Where the PNG goes.</param>
/// <param name="Width">Image width [px].</param>
/// <param name="Height">Image height [px].</param>
public sealed record PngJob(string FigureJson, string OutputPath, int Width, int Height);

/// <summary>
/// Renders plotly figures to PNG in ONE headless Chromium session: one browser, one blank page, plotly.js injected
/// once, then <c>Plotly.toImage</c> per figure. (Plotly.NET.ImageExport starts a browser for every image, 2.7-4.2 s
/// each on these machines.) The page loads nothing from the network: it is <c>about:blank</c> plus inline script.
/// </summary>
public static class PngRenderer
{
    private const string RenderFunction = """
        async (json, width, height) => {
          const figure = JSON.parse(json);
          const url = await Plotly.toImage(figure, { format: 'png', width: width, height: height, scale: 1 });
          return url.substring(url.indexOf(',') + 1);
        }
        """;

    /// <summary>Renders every job with the Chromium at <paramref name="chromiumPath"/> and the given plotly.js source.</summary>
    public static async Task RenderAsync(string chromiumPath, string plotlyJs, IReadOnlyList<PngJob> jobs)
    {
        if (jobs.Count == 0) return;
        await using var session = await ChromiumLocator.LaunchAsync(chromiumPath);
        await using var page = await session.Browser.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
        await page.AddScriptTagAsync(new AddTagOptions { Content = plotlyJs });
        foreach (var job in jobs)
        {
            var base64 = await page.EvaluateFunctionAsync<string>(RenderFunction, job.FigureJson, job.Width, job.Height);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(job.OutputPath))!);
            await File.WriteAllBytesAsync(job.OutputPath, Convert.FromBase64String(base64));
        }
    }
}
