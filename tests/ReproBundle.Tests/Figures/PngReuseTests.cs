using System.Security.Cryptography;
using ReproBundle.Figures;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Figures;

/// <summary>When a previous run's PNG is reused (<see cref="PngReuse"/>): only for the same figure JSON, plotly.js build and renderer settings, and an intact file.</summary>
public sealed class PngReuseTests : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];
    private const string FigureJson = "{\"data\": [], \"layout\": {}}\n";

    public void Dispose() => _temp.Dispose();

    /// <summary>An output folder holding figures/a.png and a manifest recording it as drawn from <see cref="FigureJson"/> at 1000x650.</summary>
    private string PreviousRun(byte[]? fileBytes = null, string? recordedHash = null)
    {
        var root = Path.Combine(_temp.Path, "out");
        Directory.CreateDirectory(Path.Combine(root, "figures"));
        File.WriteAllBytes(Path.Combine(root, "figures", "a.png"), fileBytes ?? Png);
        var source = PngSource.For(FigureJson, 1000, 650);
        var hash = recordedHash ?? Convert.ToHexStringLower(SHA256.HashData(Png));
        File.WriteAllText(Path.Combine(root, OutputStage.ManifestName),
            "{\"outputs\": {\"figures/a.png\": \"" + hash + "\"},\n" +
            " \"png_sources\": {\"figures/a.png\": {\"figure_json_sha256\": \"" + source.FigureJsonSha256 + "\", \"plotly_js\": \"" + source.PlotlyJs +
            "\", \"renderer\": \"" + source.Renderer + "\"}}}\n");
        return root;
    }

    [Fact]
    public void The_source_is_the_figure_json_hash_the_plotly_build_and_the_settings()
    {
        var source = PngSource.For(FigureJson, 1000, 650);
        // sha256 of the 28 bytes {"data": [], "layout": {}}\n, computed with `printf '{"data": [], "layout": {}}\n' | sha256sum`.
        Assert.Equal("eac41ae4f8d0940aae069e680997b2174dddbf0a8c970ba123031a7a0b396e90", source.FigureJsonSha256);
        Assert.Equal("Plotly.toImage png 1000x650 scale 1", source.Renderer);
        Assert.StartsWith("plotly.js v2.28.0 sha256:", source.PlotlyJs);
        Assert.Equal("plotly.js v1.2.3 sha256:", PngSource.PlotlyJsBuildOf("/** plotly.js v1.2.3 */ x")[..24]);
    }

    [Fact]
    public void An_unchanged_source_reuses_the_previous_bytes()
    {
        var reuse = PngReuse.Load(PreviousRun());
        Assert.Equal(1, reuse.Count);
        Assert.Equal(Png, reuse.Reusable("figures/a.png", PngSource.For(FigureJson, 1000, 650)));
    }

    [Fact]
    public void A_changed_figure_size_or_plotly_build_is_drawn_again()
    {
        var reuse = PngReuse.Load(PreviousRun());
        var source = PngSource.For(FigureJson, 1000, 650);
        Assert.Null(reuse.Reusable("figures/a.png", PngSource.For(FigureJson.Replace("[]", "[1]"), 1000, 650)));
        Assert.Null(reuse.Reusable("figures/a.png", source with { Renderer = PngSource.RendererSettings(1200, 650) }));
        Assert.Null(reuse.Reusable("figures/a.png", source with { PlotlyJs = "plotly.js v3.0.0 sha256:0000000000000000" }));
        Assert.Null(reuse.Reusable("figures/b.png", source));
    }

    [Fact]
    public void A_png_edited_since_the_manifest_is_drawn_again()
    {
        var reuse = PngReuse.Load(PreviousRun(fileBytes: [1, 2, 3]));
        Assert.Null(reuse.Reusable("figures/a.png", PngSource.For(FigureJson, 1000, 650)));
    }

    [Fact]
    public void No_manifest_or_an_unreadable_one_reuses_nothing()
    {
        Assert.Equal(0, PngReuse.Load(Path.Combine(_temp.Path, "none")).Count);
        var root = PreviousRun();
        File.WriteAllText(Path.Combine(root, OutputStage.ManifestName), "{ not json");
        Assert.Equal(0, PngReuse.Load(root).Count);
    }
}
