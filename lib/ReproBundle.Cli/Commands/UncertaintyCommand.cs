using System.CommandLine;
using System.Diagnostics;
using ReproBundle.Data;
using ReproBundle.Output;
using ReproBundle.Uncertainty;

namespace ReproBundle.Cli.Commands;

/// <summary>
/// <c>uncertainty</c>: the Monte Carlo over the paper's ranges (or a reviewer's), the tornado and the break-even
/// table, written to their own folder so a run with other settings never replaces what <c>reproduce</c> wrote.
/// </summary>
internal static class UncertaintyCommand
{
    /// <summary>The most draws per scenario <c>--samples</c> accepts: 10x the default, which bounds memory (every draw is kept for exact percentiles) and time.</summary>
    public const int MaxSamples = 10 * MonteCarloSettings.DefaultSamples;

    /// <summary>The most worker threads <c>--threads</c> accepts.</summary>
    public const int MaxThreads = 256;

    /// <summary>The <c>generator</c> its MANIFEST.json names, so neither it nor <c>reproduce</c> takes over the other's folder.</summary>
    public const string Generator = "ReproBundle.Cli uncertainty";

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of the paper's inputs", DefaultValueFactory = _ => "./data" };
        var output = new Option<string>("--output") { Description = "Folder for uncertainty.csv, uncertainty_inputs.csv, uncertainty_tornado.csv and break_even.csv", DefaultValueFactory = _ => "./output/uncertainty" };
        var assumptions = new Option<string?>("--assumptions") { Description = "A reviewer's JSON or YAML file overriding named inputs (names in data/README.md)" };
        var samples = new Option<int>("--samples") { Description = $"Draws per scenario, 1 to {MaxSamples:N0}", DefaultValueFactory = _ => MonteCarloSettings.DefaultSamples };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same bytes", DefaultValueFactory = _ => MonteCarloSettings.DefaultSeed };
        var threads = new Option<int>("--threads") { Description = $"Worker threads, 1 to {MaxThreads} (never changes the result)", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, MaxThreads) };
        var bench = new Option<bool>("--bench") { Description = "Time the paper_ranges scenario (draw + percentiles) and print draws per second; writes nothing" };
        var command = new Command("uncertainty", "Monte Carlo over the paper's ranges: percentiles of cost, energy and agent density, P(density ratio > 10x), tornado, break-even.")
        {
            data, output, assumptions, samples, seed, threads, bench,
        };
        command.SetAction(parse =>
        {
            var settings = new MonteCarloSettings(parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(threads));
            if (settings.Samples > MaxSamples)
            {
                throw new BundleInputException("--samples", $"{settings.Samples} is more than the {MaxSamples} draws a run may take (memory and time grow with it)");
            }
            if (settings.Threads > MaxThreads) throw new BundleInputException("--threads", $"{settings.Threads} is more than {MaxThreads}");
            if (settings.Violation() is { } v)
            {
                var colon = v.IndexOf(':');
                throw new BundleInputException(v[..colon], v[(colon + 2)..]);
            }
            var paper = LoadData(parse.GetValue(data)!, parse.GetValue(assumptions));
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(bench))
            {
                Bench(paper, settings, writer);
                return 0;
            }
            var result = UncertaintyAnalysis.Run(paper, settings);
            using (var stage = new OutputStage(parse.GetValue(output)!, parse.GetValue(data)))
            {
                UncertaintyAnalysis.Write(stage, result, folder: "");
                // Its own MANIFEST.json: the next run replaces only these files, and only while they are unchanged.
                stage.WriteOwnershipManifest(Generator);
                var kept = stage.Commit();
                writer.WriteLine($"wrote {stage.WrittenFiles.Count} files to {stage.OutputRoot}");
                foreach (var note in kept) writer.WriteLine($"warning: {note}");
            }
            foreach (var sc in result.Scenarios)
            {
                var r = sc.DensityRatio;
                writer.WriteLine($"{sc.Scenario.Name}: D_ASIC / D_H100 p5 {Quantity.Text(r.P5)}x, p50 {Quantity.Text(r.P50)}x, p95 {Quantity.Text(r.P95)}x; P(ratio > 10x) = {Quantity.Text(sc.ProbabilityDensityRatioAbove10x)}");
            }
            var top = result.Tornado[0];
            writer.WriteLine($"tornado: {top.Factor} ({top.DataName}) moves the ratio most: {Quantity.Text(top.RatioAtLow)}x to {Quantity.Text(top.RatioAtHigh)}x");
            return 0;
        });
        return command;
    }

    /// <summary>Loads data/ and merges a reviewer's assumptions file when one is given.</summary>
    internal static PaperData LoadData(string dataDirectory, string? assumptionsFile)
    {
        var data = PaperData.Load(dataDirectory);
        return assumptionsFile is null ? data : AssumptionOverrides.Load(assumptionsFile, data).Apply(data);
    }


    private static void Bench(PaperData data, MonteCarloSettings settings, TextWriter writer)
    {
        var model = UncertaintyModel.From(data, UncertaintyScenario.PaperRanges);
        MonteCarlo.Statistics(model, settings with { Samples = Math.Min(settings.Samples, 100_000) }); // warm-up (JIT)
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        double checksum = MonteCarlo.DrawOnly(model, settings);
        var draw = sw.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu1 = process.TotalProcessorTime;
        sw.Restart();
        var stats = MonteCarlo.Statistics(model, settings);
        var full = sw.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu2 = process.TotalProcessorTime;
        var ratio = stats.Summaries[^1];
        writer.WriteLine($"samples {settings.Samples} threads {settings.Threads}");
        writer.WriteLine($"  draw+evaluate: {draw * 1e3:F1} ms wall ({settings.Samples / draw / 1e6:F1} M draws/s), {(cpu1 - cpu0).TotalMilliseconds:F0} ms CPU (checksum {checksum:R})");
        writer.WriteLine($"  full statistics (exact percentiles of 9 series): {full * 1e3:F1} ms wall ({settings.Samples / full / 1e6:F1} M draws/s), {(cpu2 - cpu1).TotalMilliseconds:F0} ms CPU");
        writer.WriteLine($"  density ratio p5 {Quantity.Text(ratio.P5)} p50 {Quantity.Text(ratio.P50)} p95 {Quantity.Text(ratio.P95)}; P(>10x) {Quantity.Text(stats.ShareDensityRatioAbove10x)}");
    }
}
