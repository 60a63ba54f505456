using System.Runtime.CompilerServices;
using MathNet.Numerics.Random;
using MathNet.Numerics.Statistics;

namespace ReproBundle.Uncertainty;

/// <summary>How many draws, from which seed, on how many threads.</summary>
/// <param name="Samples">Number of draws (&gt;= 1).</param>
/// <param name="Seed">Master seed; the same seed gives the same bytes.</param>
/// <param name="Threads">Worker threads (&gt;= 1). Never changes the result, only the time it takes.</param>
public sealed record MonteCarloSettings(int Samples, int Seed, int Threads)
{
    /// <summary>The sample count <c>reproduce</c> uses, fixed so its outputs are deterministic.</summary>
    public const int DefaultSamples = 1_000_000;

    /// <summary>The seed <c>reproduce</c> uses (the paper's date, 2026-04-22).</summary>
    public const int DefaultSeed = 20260422;

    /// <summary>Default settings with every core of the machine.</summary>
    public static MonteCarloSettings Default => new(DefaultSamples, DefaultSeed, Environment.ProcessorCount);

    /// <summary>Null when valid, else the problem as "option: reason".</summary>
    public string? Violation() =>
        Samples < 1 ? $"--samples: {Samples} must be at least 1"
        : Threads < 1 ? $"--threads: {Threads} must be at least 1"
        : null;
}

/// <summary>Every draw's outputs, in draw order (struct of arrays).</summary>
/// <param name="H100Cost">Cost per million tokens, H100 [USD/M tokens].</param>
/// <param name="AsicCost">Cost per million tokens, ASIC [USD/M tokens].</param>
/// <param name="CostRatio">H100 / ASIC cost [x].</param>
/// <param name="H100Energy">Energy per token, H100 [J/token].</param>
/// <param name="AsicEnergy">Energy per token, ASIC [J/token].</param>
/// <param name="EnergyRatio">H100 / ASIC energy [x].</param>
/// <param name="H100Density">D·u, H100 [streams per $1M].</param>
/// <param name="AsicDensity">D·u, ASIC [streams per $1M].</param>
/// <param name="DensityRatio">D_ASIC / D_H100 [x].</param>
public sealed record MonteCarloSamples(double[] H100Cost, double[] AsicCost, double[] CostRatio, double[] H100Energy, double[] AsicEnergy,
    double[] EnergyRatio, double[] H100Density, double[] AsicDensity, double[] DensityRatio)
{
    /// <summary>Number of draws.</summary>
    public int Count => DensityRatio.Length;

    /// <summary>The nine series with their metric name, platform and unit, in output order.</summary>
    public IEnumerable<(string Metric, string Platform, string Unit, double[] Values)> Series()
    {
        yield return ("cost_usd_per_mtok", "h100", "USD per million tokens", H100Cost);
        yield return ("cost_usd_per_mtok", "asic", "USD per million tokens", AsicCost);
        yield return ("cost_usd_per_mtok", "ratio", "x (H100 / ASIC)", CostRatio);
        yield return ("energy_j_per_token", "h100", "J/token", H100Energy);
        yield return ("energy_j_per_token", "asic", "J/token", AsicEnergy);
        yield return ("energy_j_per_token", "ratio", "x (H100 / ASIC)", EnergyRatio);
        yield return ("density_per_musd_at_utilization", "h100", "streams per $1M", H100Density);
        yield return ("density_per_musd_at_utilization", "asic", "streams per $1M", AsicDensity);
        yield return ("density_per_musd_at_utilization", "ratio", "x (ASIC / H100)", DensityRatio);
    }
}

/// <summary>
/// The Monte Carlo engine: draws every ranged input of an <see cref="UncertaintyModel"/> from its prior and
/// pushes each draw through <see cref="UncertaintyModel.Evaluate"/>.
/// </summary>
/// <remarks>
/// Determinism: draws are cut into fixed chunks of <see cref="ChunkSize"/>. Chunk k of input stream s gets its
/// own MathNet <see cref="Xoshiro256StarStar"/> seeded from (seed, k, s) through a SplitMix64 mix, and writes its
/// draws at fixed positions (MathNet's <see cref="Xoshiro256StarStar.Doubles(double[], int)"/> fills one chunk of one
/// stream from its seed); every statistic is then computed over the whole arrays in draw order. So the bytes
/// depend on the seed and the sample count, never on the thread count or scheduling. A point input consumes no
/// random numbers, and pinning one input leaves every other input's draws unchanged.
/// </remarks>
public static partial class MonteCarlo
{
    /// <summary>Draws per chunk; part of the determinism contract (changing it changes the draws).</summary>
    public const int ChunkSize = 16384;

    /// <summary>
    /// Runs <paramref name="settings"/>.Samples draws of <paramref name="model"/> and keeps every draw's outputs
    /// (9 arrays of Samples doubles). For percentiles over many draws use <see cref="Statistics"/>, which gives the
    /// same numbers without holding the draws.
    /// </summary>
    public static MonteCarloSamples Simulate(UncertaintyModel model, MonteCarloSettings settings)
    {
        if (settings.Violation() is { } v) throw new ArgumentException(v);
        int n = settings.Samples;
        var s = new MonteCarloSamples(new double[n], new double[n], new double[n], new double[n], new double[n], new double[n],
            new double[n], new double[n], new double[n]);
        ForEachChunk(model, settings, () => 0, (chunk, start, len, o, _) =>
        {
            for (int series = 0; series < SeriesCount; series++) Array.Copy(o[series], 0, Target(s, series), start, len);
        });
        return s;
    }

    /// <summary>
    /// Draws and evaluates every sample without keeping or summarising them, and returns the sum of the density
    /// ratios in chunk order (a checksum that keeps the work from being optimised away). The model's raw throughput,
    /// for benchmarks.
    /// </summary>
    public static double DrawOnly(UncertaintyModel model, MonteCarloSettings settings)
    {
        if (settings.Violation() is { } v) throw new ArgumentException(v);
        var sums = new double[(settings.Samples + ChunkSize - 1) / ChunkSize];
        ForEachChunk(model, settings, () => 0, (k, _, len, o, _) =>
        {
            double sum = 0;
            for (int i = 0; i < len; i++) sum += o[8][i];
            sums[k] = sum;
        });
        return sums.Sum();
    }

    /// <summary>Number of output series per draw.</summary>
    public const int SeriesCount = 9;

    private static double[] Target(MonteCarloSamples s, int series) => series switch
    {
        0 => s.H100Cost, 1 => s.AsicCost, 2 => s.CostRatio, 3 => s.H100Energy, 4 => s.AsicEnergy, 5 => s.EnergyRatio,
        6 => s.H100Density, 7 => s.AsicDensity, _ => s.DensityRatio,
    };

    /// <summary>Per-worker scratch: input buffers per quantity and output buffers per series, one chunk long.</summary>
    private sealed class Workspace<TLocal>(int quantities, TLocal local)
    {
        public readonly double[][] Inputs = Enumerable.Range(0, quantities).Select(_ => new double[ChunkSize]).ToArray();
        public readonly double[][] Outputs = Enumerable.Range(0, SeriesCount).Select(_ => new double[ChunkSize]).ToArray();
        public readonly TLocal Local = local;
    }

    /// <summary>
    /// Generates every chunk (in parallel, any order) and hands its outputs to <paramref name="body"/>: chunk index,
    /// first draw index, length, the 9 output buffers (series order of <see cref="MonteCarloSamples.Series"/>) and
    /// the worker's local state. Returns the workers' local states.
    /// </summary>
    internal static List<TLocal> ForEachChunk<TLocal>(UncertaintyModel model, MonteCarloSettings settings, Func<TLocal> localInit,
        Action<int, int, int, double[][], TLocal> body)
    {
        var priors = model.Quantities.Select(q => q.Prior).ToArray();
        var streams = Enumerable.Range(0, priors.Length).Select(model.StreamIn).ToArray();
        int chunks = (settings.Samples + ChunkSize - 1) / ChunkSize;
        var locals = new List<TLocal>();
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = settings.Threads },
            () => new Workspace<TLocal>(priors.Length, localInit()),
            (k, _, ws) =>
            {
                int start = k * ChunkSize;
                int len = Math.Min(ChunkSize, settings.Samples - start);
                RunChunk(priors, streams, settings.Seed, k, len, ws.Inputs, ws.Outputs);
                body(k, start, len, ws.Outputs, ws.Local);
                return ws;
            },
            ws => { lock (locals) locals.Add(ws.Local); });
        return locals;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the hot loop: optimized at once rather than after a run's worth of calls (see Prior.Transform)
    private static void RunChunk(Prior[] priors, int[] streams, int seed, int chunk, int len, double[][] buffers, double[][] outputs)
    {
        // One buffer of values per quantity: uniform numbers from the quantity's stream (the two r quantities read
        // the same stream), mapped through its prior. A whole chunk is always generated, so the last chunk's draws
        // do not depend on the sample count.
        for (int q = 0; q < priors.Length; q++)
        {
            var buffer = buffers[q];
            if (priors[q].Kind != PriorKind.Fixed)
            {
                Xoshiro256StarStar.Doubles(buffer, StreamSeed(seed, chunk, streams[q]));
            }
            priors[q].Transform(buffer);
        }
        double[] hc = buffers[UncertaintyModel.H100Capex], ht = buffers[UncertaintyModel.H100Tok], hu = buffers[UncertaintyModel.H100Util],
            hp = buffers[UncertaintyModel.H100Power], ac = buffers[UncertaintyModel.AsicCapex], at = buffers[UncertaintyModel.AsicTok],
            au = buffers[UncertaintyModel.AsicUtil], ap = buffers[UncertaintyModel.AsicPower], l = buffers[UncertaintyModel.Lifetime],
            hr = buffers[UncertaintyModel.H100Stream], ar = buffers[UncertaintyModel.AsicStream];
        double[] o0 = outputs[0], o1 = outputs[1], o2 = outputs[2], o3 = outputs[3], o4 = outputs[4], o5 = outputs[5], o6 = outputs[6],
            o7 = outputs[7], o8 = outputs[8];
        for (int i = 0; i < len; i++)
        {
            var o = UncertaintyModel.Evaluate(new DrawInputs(hc[i], ht[i], hu[i], hp[i], ac[i], at[i], au[i], ap[i], l[i], hr[i], ar[i]));
            o0[i] = o.H100CostUsdPerMillionTokens;
            o1[i] = o.AsicCostUsdPerMillionTokens;
            o2[i] = o.CostRatio;
            o3[i] = o.H100EnergyJoulesPerToken;
            o4[i] = o.AsicEnergyJoulesPerToken;
            o5[i] = o.EnergyRatio;
            o6[i] = o.H100Density;
            o7[i] = o.AsicDensity;
            o8[i] = o.DensityRatio;
        }
    }

    /// <summary>
    /// The seed of one (chunk, stream) generator: the master seed, chunk and stream mixed by SplitMix64's
    /// finalizer, folded to the 32 bits MathNet's constructor takes.
    /// </summary>
    internal static int StreamSeed(int seed, int chunk, int stream)
    {
        ulong z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + ((ulong)(uint)chunk << 8) + (ulong)(uint)stream + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(z ^ (z >> 32)));
    }

    /// <summary>The percentiles every summary reports.</summary>
    public static readonly IReadOnlyList<int> Percentiles = [5, 25, 50, 75, 95];

    /// <summary>
    /// Summarises one series: mean (summed in draw order), min, max, and the <see cref="Percentiles"/> by MathNet's
    /// R-7 quantile (linear interpolation between order statistics, NumPy's default). Copies the series
    /// (the quantile selection reorders its input).
    /// </summary>
    public static DistributionSummary Summarize(string metric, string platform, string unit, double[] values)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var x in values)
        {
            sum += x;
            if (x < min) min = x;
            if (x > max) max = x;
        }
        var work = (double[])values.Clone();
        var p = Percentiles.Select(q => ArrayStatistics.QuantileCustomInplace(work, q / 100.0, QuantileDefinition.R7)).ToArray();
        return new DistributionSummary(metric, platform, unit, p[0], p[1], p[2], p[3], p[4], sum / values.Length, min, max);
    }

    /// <summary>The share of draws whose value is strictly above <paramref name="threshold"/> (counted, so exact).</summary>
    public static double ShareAbove(double[] values, double threshold)
    {
        long count = 0;
        foreach (var x in values) if (x > threshold) count++;
        return (double)count / values.Length;
    }
}

/// <summary>Percentiles and moments of one output series.</summary>
/// <param name="Metric">Metric name (<c>cost_usd_per_mtok</c>, <c>energy_j_per_token</c>, <c>density_per_musd_at_utilization</c>).</param>
/// <param name="Platform"><c>h100</c>, <c>asic</c> or <c>ratio</c>.</param>
/// <param name="Unit">Unit.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="P25">25th percentile.</param>
/// <param name="P50">Median.</param>
/// <param name="P75">75th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Mean">Mean.</param>
/// <param name="Min">Smallest draw.</param>
/// <param name="Max">Largest draw.</param>
public sealed record DistributionSummary(string Metric, string Platform, string Unit, double P5, double P25, double P50, double P75, double P95,
    double Mean, double Min, double Max);
