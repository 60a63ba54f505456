using System.Security.Cryptography;
using System.Text.Json;
using ReproBundle.Audit;
using ReproBundle.Browser;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Figures;
using ReproBundle.Output;

namespace ReproBundle;

/// <summary>Options of one <c>reproduce</c> run.</summary>
/// <param name="DataDirectory">The folder of the paper's inputs (read only).</param>
/// <param name="OutputDirectory">The folder outputs go to.</param>
public sealed record ReproduceOptions(string DataDirectory, string OutputDirectory);

/// <summary>What a run wrote.</summary>
/// <param name="OutputDirectory">The full path of the output folder.</param>
/// <param name="FileCount">How many files the run wrote.</param>
/// <param name="Audit">The claims audit rows.</param>
public sealed record ReproductionResult(string OutputDirectory, int FileCount, IReadOnlyList<AuditRow> Audit);

/// <summary>
/// <c>reproduce</c> as a library call: loads data/, writes every table, figure, the site and the claims
/// audit into a staging folder, then moves them into the output folder only when all of it succeeded.
/// </summary>
public static class Reproduction
{
    /// <summary>Runs everything; a bad input throws <see cref="BundleInputException"/> before anything is moved into place.</summary>
    public static ReproductionResult Run(ReproduceOptions options, TextWriter log)
    {
        var data = PaperData.Load(options.DataDirectory);
        var figureInputs = FigureInputs.Load(options.DataDirectory);
        var claims = Claim.Load(Path.Combine(options.DataDirectory, "claims.csv"));
        using var stage = new OutputStage(options.OutputDirectory);
        // Chromium starts in the background now and is ready by the time the figures are drawn (null: no PNGs this run).
        using var pngRenderer = ChromiumLocator.Find() is { } chromium ? PngRenderer.Start(chromium, FigureWriter.PlotlyJs()) : null;

        TableExports.Write(stage, data);
        var audit = ClaimsAudit.Run(claims, [new CoreClaimChecks(data), new FigureClaimChecks(figureInputs)]);
        ClaimsAudit.Write(stage, audit);
        log.WriteLine($"claims audit: {string.Join(", ", Enum.GetValues<Verdict>().Select(v => $"{audit.Count(r => r.Verdict == v)} {v.ToText()}"))}");

        PaperFigures.Write(stage, data, figureInputs);
        var pngs = FigureWriter.RenderPngs(stage, log, pngRenderer);
        log.WriteLine($"figures: {FigureWriter.WrittenFigures(stage).Count} as HTML and JSON, {pngs} as PNG");

        WriteManifest(stage, options.DataDirectory, [.. data.Files, "claims.csv", .. FigureInputs.FileNames]);
        var count = stage.WrittenFiles.Count;
        stage.Commit();
        return new ReproductionResult(stage.OutputRoot, count, audit);
    }

    /// <summary>
    /// Writes <c>MANIFEST.json</c>: the SHA-256 of every data input and every output file, sorted by path,
    /// with no timestamps, so two runs on the same inputs write the same manifest.
    /// </summary>
    private static void WriteManifest(OutputStage stage, string dataDirectory, IEnumerable<string> dataFiles)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("paper", "Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs, v0.3 (2026-04-22)");
            w.WriteString("generator", "ReproBundle.Cli reproduce");
            w.WriteStartObject("inputs");
            foreach (var file in dataFiles.Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteString($"data/{file}", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dataDirectory, file)))));
            }
            w.WriteEndObject();
            w.WriteStartObject("outputs");
            foreach (var (path, hash) in stage.WrittenFiles)
            {
                w.WriteString(path, hash);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        stage.WriteBytes("MANIFEST.json", [.. buffer.ToArray(), (byte)'\n']);
    }
}
