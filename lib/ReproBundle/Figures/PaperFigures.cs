using Plotly.NET;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Figures;

/// <summary>
/// The figures <c>reproduce</c> draws: the paper's Fig. 1-3 (§5, Appendix D) and the bundle's own charts of
/// Appendix C and Table 2, each drawn by its figure function from the typed rows of <see cref="FigureFrames"/>.
/// </summary>
public static class PaperFigures
{
    /// <summary>Every figure by file name, in the order they are written.</summary>
    public static IReadOnlyList<(string Name, GenericChart Chart)> Charts(PaperData data, FigureInputs inputs)
    {
        var platforms = FigureFrames.PlatformRows(data);
        return
        [
            (Fig1RadarInference.Name, Fig1RadarInference.Draw(FigureFrames.RadarPoints(data, inputs))),
            (PlatformBarFigures.CostName, PlatformBarFigures.CostPerMillionTokens(platforms, data.Values)),
            (PlatformBarFigures.EnergyName, PlatformBarFigures.EnergyPerToken(platforms)),
            (AgentDensityFigure.Name, AgentDensityFigure.Draw(FigureFrames.AgentDensityRows(data), data.Values)),
            (Table2RatiosFigure.Name, Table2RatiosFigure.Draw(FigureFrames.Table2RatioRows(data))),
        ];
    }

    /// <summary>Writes the HTML and JSON of every figure through <see cref="FigureWriter.Write"/> (PNGs follow with <see cref="FigureWriter.RenderPngs"/>).</summary>
    public static void Write(OutputStage stage, PaperData data, FigureInputs inputs)
    {
        foreach (var (name, chart) in Charts(data, inputs)) FigureWriter.Write(stage, name, chart);
    }
}
