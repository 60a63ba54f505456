using System.Buffers.Binary;
using ReproBundle.Browser;
using ReproBundle.Figures;
using ReproBundle.Output;
using ReproBundle.Tests.Figures;

using Xunit;

namespace ReproBundle.Tests.Browser;

[Collection(HeavyProcesses.Name)]
public class PngRendererTests
{
    [Fact]
    public void One_browser_session_renders_every_figure_as_a_png_of_its_layout_size_and_records_it()
    {
        var chromium = ChromiumLocator.Require();
        var root = Directory.CreateTempSubdirectory("reprobundle-png-").FullName;
        using var stage = new OutputStage(Path.Combine(root, "out"));
        PaperFigures.Write(stage, FigureTestData.Data, FigureTestData.Inputs);
        var log = new StringWriter();
        using (var renderer = PngRenderer.Start(chromium, FigureWriter.PlotlyJs()))
        {
            var outcome = FigureWriter.RenderPngs(stage, log, renderer);
            // Every reason in full: a fault's cause (a DevTools call that timed out, say) is what a failure here must show.
            Assert.True(outcome.Missing.Count == 0, "PNGs not drawn:\n" + string.Join("\n", outcome.Missing.Select(m => $"{m.Key}: {m.Value}")));
            Assert.Equal(FigureTestData.NameList.Count, outcome.Written);
        }
        Assert.Equal("", log.ToString());
        foreach (var name in FigureWriter.WrittenFigures(stage))
        {
            var png = File.ReadAllBytes(stage.PathFor($"figures/{name}.png"));
            Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{name}.png is not a PNG");
            var layout = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(stage.PathFor($"figures/{name}.json")))!["layout"]!;
            Assert.Equal(layout["width"]!.GetValue<int>(), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
            Assert.Equal(layout["height"]!.GetValue<int>(), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
            Assert.Contains($"figures/{name}.png", stage.WrittenFiles.Keys);
        }
    }

    [Fact]
    public void A_page_that_crashes_fails_the_jobs_at_once_with_the_reason_instead_of_after_the_call_timeout()
    {
        var chromium = ChromiumLocator.Require();
        using var temp = TestPaths.NewTempDir();
        var target = Path.Combine(temp.Path, "a.png");
        using var renderer = PngRenderer.Start(chromium, FigureWriter.PlotlyJs());
        renderer.CrashPageForTest();
        renderer.Queue(new PngJob("{\"data\":[],\"layout\":{}}", target, 100, 80));
        var missing = renderer.Finish();
        // "the page crashed" comes from the crash event; a lost event would show as "had no answer within 60 s" instead.
        Assert.Contains("the page crashed", missing[target]);
        Assert.StartsWith($"Chromium at {chromium} failed while drawing", missing[target]);
        Assert.False(File.Exists(target));
    }
}

/// <summary>The drawing queue of <see cref="PngRenderer"/> with a browser that cannot start: cheap, no real Chromium (a shell script, so Unix only).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class PngRendererQueueTests
{
    [Fact]
    public void Jobs_queued_to_a_browser_that_exits_at_once_are_all_reported_missing_with_the_reason_and_the_queue_closes_on_finish()
    {
        using var temp = TestPaths.NewTempDir();
        var fake = Path.Combine(temp.Path, "fake-chromium");
        File.WriteAllText(fake, "#!/bin/sh\necho 'fake chromium: no display' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var first = Path.Combine(temp.Path, "a.png");
        var second = Path.Combine(temp.Path, "b.png");
        using var renderer = PngRenderer.Start(fake, "window.Plotly = {};");
        // Queued while the browser is still starting: Queue returns at once, Finish waits and reports both.
        renderer.Queue(new PngJob("{\"data\":[],\"layout\":{}}", first, 100, 80));
        renderer.Queue(new PngJob("{\"data\":[],\"layout\":{}}", second, 100, 80));
        var missing = renderer.Finish();
        Assert.Equal([first, second], missing.Keys.Order(StringComparer.Ordinal));
        Assert.All(missing.Values, reason => Assert.Contains(fake, reason));
        Assert.False(File.Exists(first) || File.Exists(second), "a PNG was written by a browser that never started");
        Assert.Throws<InvalidOperationException>(() => renderer.Queue(new PngJob("{}", Path.Combine(temp.Path, "c.png"), 1, 1)));
    }
}
