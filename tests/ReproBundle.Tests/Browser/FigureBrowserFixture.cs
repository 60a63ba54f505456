using ReproBundle.Browser;
using ReproBundle.Figures;
using ReproBundle.Output;
using ReproBundle.Tests.Figures;

using Xunit;

namespace ReproBundle.Tests.Browser;

/// <summary>
/// One headless Chromium for the browser tests, and the figures written once into a staging folder. When no Chromium
/// exists the fixture fails with the install hint: the browser tests are real, CI installs Chromium (test.sh).
/// </summary>
public sealed class FigureBrowserFixture : IAsyncLifetime
{
    private OutputStage? _stage;

    public ChromiumSession Session { get; private set; } = null!;

    public OutputStage Stage => _stage!;

    public async Task InitializeAsync()
    {
        var chromium = ChromiumLocator.Require();
        _stage = new OutputStage(Path.Combine(Directory.CreateTempSubdirectory("reprobundle-browser-").FullName, "out"));
        PaperFigures.Write(_stage, FigureTestData.Data, FigureTestData.Inputs);
        Session = await TestChromium.LaunchAsync(chromium);
    }

    public async Task DisposeAsync()
    {
        if (Session is not null) await Session.DisposeAsync();
        _stage?.Dispose();
    }
}
