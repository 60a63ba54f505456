using ReproBundle.Data;

namespace ReproBundle.Tests;

/// <summary>data/ loaded once for the test classes that only read it.</summary>
internal static class Paper
{
    private static readonly Lazy<PaperData> Loaded = new(() => PaperData.Load(TestPaths.DataDir));

    public static PaperData Data => Loaded.Value;

    /// <summary>Rounds the way the paper prints: half away from zero, to <paramref name="decimals"/> places.</summary>
    public static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
