using System.Runtime.CompilerServices;
using MathNet.Numerics.Statistics;

namespace ReproBundle.Uncertainty;

/// <summary>What <see cref="MonteCarlo.Statistics"/> returns for one scenario.</summary>
/// <param name="Summaries">Percentiles, mean, min and max of the nine series, in <see cref="MonteCarloSamples.Series"/> order.</param>
/// <param name="ShareDensityRatioAbove10x">Share of draws with D_ASIC / D_H100 &gt; 10.</param>
/// <param name="Histogram">Histogram of the density ratio on log-spaced bins.</param>
public sealed record ScenarioStatistics(IReadOnlyList<DistributionSummary> Summaries, double ShareDensityRatioAbove10x, RatioHistogram Histogram);

public static partial class MonteCarlo
{
    /// <summary>Bins of the counting histogram the exact percentile search uses (per series).</summary>
    private const int SearchBins = 1 << 14;

    /// <summary>Bins of the density-ratio histogram drawn in the distribution chart.</summary>
    public const int ChartBins = 60;

    /// <summary>
    /// Half-width, as a share of the draws, of the window kept around each percentile the pilot estimates (see
    /// <see cref="Statistics(UncertaintyModel, MonteCarloSettings)"/>): 0.01 is about five standard errors of a median
    /// estimated from the pilot's 65,536 draws.
    /// </summary>
    private const double PilotWindowShare = 0.01;

    /// <summary>Draws of the pilot: the first four chunks (the same draws the full run makes first).</summary>
    private const int PilotSamples = 4 * ChunkSize;

    /// <summary>
    /// Above this many draws (<c>reproduce</c>'s 1,000,000) pass 1 keeps none, so memory stays bounded: such runs take two
    /// passes. Kept draws are about a tenth of all draws, in lists sized per worker; at 1,000,000 draws the peak memory of
    /// the <c>uncertainty</c> command was 92-103 MB against 78 MB with two passes, at 4,000,000 it would be 159 MB against 84.
    /// </summary>
    private const int MaxSamplesKeptInPass1 = 1_000_000;

    private sealed class Pass1(int[] keptCapacity)
    {
        // int: one worker counts at most int.MaxValue draws (Samples is an int); the bins are summed as long.
        public readonly int[][] Counts = Enumerable.Range(0, SeriesCount).Select(_ => new int[SearchBins]).ToArray();
        public readonly double[] Min = Enumerable.Repeat(double.PositiveInfinity, SeriesCount).ToArray();
        public readonly double[] Max = Enumerable.Repeat(double.NegativeInfinity, SeriesCount).ToArray();
        public readonly List<double>[] Kept = keptCapacity.Select(c => new List<double>(c)).ToArray();
    }

    /// <summary>
    /// The summaries of <see cref="Summarize"/> for every series, the share of density ratios above 10x and the
    /// ratio histogram, computed without holding all the draws (at most about a tenth of 1,000,000, however many are made).
    /// </summary>
    /// <remarks>
    /// Exact, not approximate. Pass 1 counts each series into a histogram between bounds found at the corners of the
    /// input box (every output is a product of powers of the inputs, so its extremes lie at corners; a value outside
    /// still lands in an edge bin), sums per chunk and counts ratios above 10. The bins holding the order statistics
    /// that R-7 percentiles need are then known, and MathNet's <see cref="ArrayStatistics.OrderStatisticInplace(double[], int)"/>
    /// picks the order statistic among the draws of that bin. Pass 1 keeps the draws of the bins a pilot (the first
    /// <see cref="PilotSamples"/> draws, counted into the same bins) puts within <see cref="PilotWindowShare"/> of each percentile, so a
    /// wanted bin is usually complete already; only a wanted bin outside those windows is collected by a second pass
    /// that generates the draws again from the same seed. Either way every draw of the bin is there, so the
    /// percentiles equal MathNet's R-7 quantile over all draws (tests check both paths). The mean sums each chunk in
    /// draw order, then the chunk sums in chunk order: no dependence on the thread count.
    /// </remarks>
    public static ScenarioStatistics Statistics(UncertaintyModel model, MonteCarloSettings settings) => StatisticsWithPilotWindow(model, settings, PilotWindowShare, out _);

    /// <summary>
    /// <see cref="Statistics(UncertaintyModel, MonteCarloSettings)"/> with the pilot's window half-width as a share of
    /// the draws, and how many wanted bins the second pass had to collect (0: one pass was enough).
    /// </summary>
    internal static ScenarioStatistics StatisticsWithPilotWindow(UncertaintyModel model, MonteCarloSettings settings, double pilotWindowShare, out int binsFromSecondPass)
    {
        if (settings.Violation() is { } v) throw new ArgumentException(v);
        long n = settings.Samples;
        int chunks = (settings.Samples + ChunkSize - 1) / ChunkSize;
        var (lo, hi) = CornerBounds(model);
        var scale = new double[SeriesCount];
        for (int s = 0; s < SeriesCount; s++) scale[s] = hi[s] > lo[s] ? SearchBins / (hi[s] - lo[s]) : 0;
        double chartLo = Math.Log10(lo[8]), chartScale = hi[8] > lo[8] ? ChartBins / (Math.Log10(hi[8]) - chartLo) : 0;

        var (keep, keptShare) = PilotWindows(model, settings, lo, scale, pilotWindowShare);
        // Each worker's kept draws, sized from the pilot (a fifth more than its share) so the lists seldom grow.
        var keptCapacity = keptShare.Select(f => (int)Math.Min(int.MaxValue / 2, f * 1.2 * n / settings.Threads)).ToArray();

        // Pass 1: counts, extremes, per-chunk sums, ratios above 10, the draws of the pilot's bins. Both passes' loops are
        // compiled optimized at once (see Prior.Transform).
        var chunkSums = new double[SeriesCount][];
        for (int s = 0; s < SeriesCount; s++) chunkSums[s] = new double[chunks];
        var chunkAbove = new long[chunks];
        var pass1 = ForEachChunk(model, settings, () => new Pass1(keptCapacity), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (k, _, len, o, acc) =>
        {
            for (int s = 0; s < SeriesCount; s++)
            {
                double[] a = o[s];
                int[] counts = acc.Counts[s];
                bool[] keepBin = keep[s];
                List<double> kept = acc.Kept[s];
                double sum = 0, min = acc.Min[s], max = acc.Max[s], l = lo[s], sc = scale[s];
                for (int i = 0; i < len; i++)
                {
                    double x = a[i];
                    sum += x;
                    if (x < min) min = x;
                    if (x > max) max = x;
                    int b = Bin(x, l, sc);
                    counts[b]++;
                    if (keepBin[b]) kept.Add(x);
                }
                chunkSums[s][k] = sum;
                acc.Min[s] = min;
                acc.Max[s] = max;
            }
            long above = 0;
            double[] ratio = o[8];
            for (int i = 0; i < len; i++)
            {
                if (ratio[i] > AgentDensity.ConclusionRatioThreshold) above++;
            }
            chunkAbove[k] = above;
        });
        var counts = new long[SeriesCount][];
        var mins = new double[SeriesCount];
        var maxs = new double[SeriesCount];
        var chart = new long[ChartBins];
        for (int s = 0; s < SeriesCount; s++)
        {
            counts[s] = new long[SearchBins];
            mins[s] = pass1.Min(p => p.Min[s]);
            maxs[s] = pass1.Max(p => p.Max[s]);
            foreach (var p in pass1) for (int b = 0; b < SearchBins; b++) counts[s][b] += p.Counts[s][b];
        }
        // The chart's log-spaced bins take the counts of the search bins whose centre they contain (exact to one
        // search bin, 1/16384 of the range: invisible in a chart, and no logarithm per draw).
        for (int b = 0; b < SearchBins; b++)
        {
            if (counts[8][b] == 0) continue;
            double centre = lo[8] + (b + 0.5) / scale[8];
            chart[chartScale == 0 ? 0 : Math.Clamp((int)((Math.Log10(centre) - chartLo) * chartScale), 0, ChartBins - 1)] += counts[8][b];
        }

        // Which order statistics (0-based ranks) the R-7 percentiles need, and which bins hold them.
        var ranks = new List<long>[SeriesCount];
        var wanted = new bool[SeriesCount][];
        var before = new long[SeriesCount][];
        for (int s = 0; s < SeriesCount; s++)
        {
            before[s] = new long[SearchBins + 1];
            for (int b = 0; b < SearchBins; b++) before[s][b + 1] = before[s][b] + counts[s][b];
            wanted[s] = new bool[SearchBins];
            ranks[s] = [];
            foreach (var q in Percentiles)
            {
                double h = (n - 1) * (q / 100.0);
                long r0 = (long)Math.Floor(h);
                foreach (var r in new[] { r0, Math.Min(r0 + 1, n - 1) })
                {
                    ranks[s].Add(r);
                    wanted[s][BinOfRank(before[s], r)] = true;
                }
            }
        }

        // The wanted bins pass 1 kept whole; the others (wanted2) are collected by a second pass.
        var found = new Dictionary<(int, int), List<double>>();
        var wanted2 = new bool[SeriesCount][];
        binsFromSecondPass = 0;
        for (int s = 0; s < SeriesCount; s++)
        {
            wanted2[s] = new bool[SearchBins];
            var listOfBin = new List<double>?[SearchBins];
            for (int b = 0; b < SearchBins; b++)
            {
                if (!wanted[s][b]) continue;
                if (keep[s][b]) found[(s, b)] = listOfBin[b] = [];
                else
                {
                    wanted2[s][b] = true;
                    binsFromSecondPass++;
                }
            }
            double l = lo[s], sc = scale[s];
            foreach (var p in pass1)
            {
                foreach (var x in p.Kept[s]) listOfBin[Bin(x, l, sc)]?.Add(x);
            }
        }
        if (binsFromSecondPass > 0)
        {
            var pass2 = ForEachChunk(model, settings, () => new Dictionary<(int, int), List<double>>(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (_, _, len, o, local) =>
            {
                for (int s = 0; s < SeriesCount; s++)
                {
                    double[] a = o[s];
                    bool[] w = wanted2[s];
                    double l = lo[s], sc = scale[s];
                    for (int i = 0; i < len; i++)
                    {
                        int b = Bin(a[i], l, sc);
                        if (!w[b]) continue;
                        if (!local.TryGetValue((s, b), out var list)) local[(s, b)] = list = [];
                        list.Add(a[i]);
                    }
                }
            });
            foreach (var key in pass2.SelectMany(p => p.Keys).Distinct())
            {
                found[key] = [.. pass2.Where(p => p.ContainsKey(key)).SelectMany(p => p[key])];
            }
        }
        var inBin = found.ToDictionary(e => e.Key, e => e.Value.ToArray());
        double OrderStatistic(int s, long rank)
        {
            int b = BinOfRank(before[s], rank);
            return ArrayStatistics.OrderStatisticInplace(inBin[(s, b)], (int)(rank - before[s][b]) + 1);
        }

        var summaries = new List<DistributionSummary>();
        var names = SeriesNames;
        for (int s = 0; s < SeriesCount; s++)
        {
            var p = Percentiles.Select(q =>
            {
                double h = (n - 1) * (q / 100.0);
                long r0 = (long)Math.Floor(h);
                double x0 = OrderStatistic(s, r0), x1 = OrderStatistic(s, Math.Min(r0 + 1, n - 1));
                return x0 + (h - r0) * (x1 - x0);
            }).ToArray();
            double sum = 0;
            for (int k = 0; k < chunks; k++) sum += chunkSums[s][k];
            summaries.Add(new DistributionSummary(names[s].Metric, names[s].Platform, names[s].Unit, p[0], p[1], p[2], p[3], p[4], sum / n, mins[s], maxs[s]));
        }
        var edges = Enumerable.Range(0, ChartBins + 1).Select(i => chartScale == 0 ? lo[8] : Math.Pow(10, chartLo + i / chartScale)).ToArray();
        var histogram = chartScale == 0 ? new RatioHistogram([lo[8], hi[8]], [n]) : new RatioHistogram(edges, chart);
        return new ScenarioStatistics(summaries, (double)chunkAbove.Sum() / n, histogram);
    }

    private static int Bin(double x, double lo, double scale) => Math.Clamp((int)((x - lo) * scale), 0, SearchBins - 1);

    /// <summary>
    /// For each series, the search bins pass 1 keeps the draws of: the bins that hold the pilot's order statistics from
    /// q - <paramref name="windowShare"/> to q + <paramref name="windowShare"/> for each percentile q (found by counting
    /// the pilot into the same bins). A series whose windows would hold more than a quarter of the pilot (a
    /// near-constant one) keeps nothing, and so does every series of a run above <see cref="MaxSamplesKeptInPass1"/> draws;
    /// their wanted bins go to the second pass.
    /// </summary>
    private static (bool[][] Keep, double[] KeptShare) PilotWindows(UncertaintyModel model, MonteCarloSettings settings, double[] lo, double[] scale, double windowShare)
    {
        var keep = Enumerable.Range(0, SeriesCount).Select(_ => new bool[SearchBins]).ToArray();
        var keptShare = new double[SeriesCount];
        if (settings.Samples > MaxSamplesKeptInPass1) return (keep, keptShare);
        var pilot = Simulate(model, settings with { Samples = Math.Min(settings.Samples, PilotSamples) }).Series().Select(s => s.Values).ToArray();
        for (int s = 0; s < SeriesCount; s++)
        {
            var before = new long[SearchBins + 1];
            foreach (var x in pilot[s]) before[Bin(x, lo[s], scale[s]) + 1]++;
            for (int b = 0; b < SearchBins; b++) before[b + 1] += before[b];
            long last = pilot[s].Length - 1;
            foreach (var q in Percentiles)
            {
                long from = (long)Math.Floor(Math.Max(0, q / 100.0 - windowShare) * last), to = (long)Math.Ceiling(Math.Min(1, q / 100.0 + windowShare) * last);
                for (int b = BinOfRank(before, from); b <= BinOfRank(before, to); b++) keep[s][b] = true;
            }
            long kept = 0;
            for (int b = 0; b < SearchBins; b++) if (keep[s][b]) kept += before[b + 1] - before[b];
            if (kept > pilot[s].Length / 4) Array.Clear(keep[s]);
            else keptShare[s] = (double)kept / pilot[s].Length;
        }
        return (keep, keptShare);
    }

    private static int BinOfRank(long[] before, long rank)
    {
        // The bin b with before[b] <= rank < before[b + 1].
        int l = 0, h = SearchBins - 1;
        while (l < h)
        {
            int m = (l + h + 1) / 2;
            if (before[m] <= rank) l = m;
            else h = m - 1;
        }
        return l;
    }

    /// <summary>Metric, platform and unit of each series, in series order.</summary>
    public static readonly IReadOnlyList<(string Metric, string Platform, string Unit)> SeriesNames =
        new MonteCarloSamples([], [], [], [], [], [], [], [], []).Series().Select(s => (s.Metric, s.Platform, s.Unit)).ToList();

    /// <summary>
    /// Lowest and highest value of each series over the corners of the input box (the two r quantities move
    /// together, as they share a random stream).
    /// </summary>
    internal static (double[] Lo, double[] Hi) CornerBounds(UncertaintyModel model)
    {
        var q = model.Quantities;
        var factors = Enumerable.Range(0, q.Count).Where(i => i != UncertaintyModel.AsicStream && !q[i].Prior.Range.IsPoint
            || i == UncertaintyModel.AsicStream && !q[i].Prior.Range.IsPoint && q[UncertaintyModel.H100Stream].Prior.Range.IsPoint).ToList();
        var lo = Enumerable.Repeat(double.PositiveInfinity, SeriesCount).ToArray();
        var hi = Enumerable.Repeat(double.NegativeInfinity, SeriesCount).ToArray();
        for (int corner = 0; corner < 1 << factors.Count; corner++)
        {
            bool High(int i)
            {
                int f = factors.IndexOf(i == UncertaintyModel.AsicStream && !factors.Contains(i) ? UncertaintyModel.H100Stream : i);
                return f >= 0 && (corner >> f & 1) == 1;
            }
            var o = UncertaintyModel.Evaluate(model.Pick((i, x) => High(i) ? x.Prior.Range.Hi : x.Prior.Range.Lo));
            double[] values = [o.H100CostUsdPerMillionTokens, o.AsicCostUsdPerMillionTokens, o.CostRatio, o.H100EnergyJoulesPerToken,
                o.AsicEnergyJoulesPerToken, o.EnergyRatio, o.H100Density, o.AsicDensity, o.DensityRatio];
            for (int s = 0; s < SeriesCount; s++)
            {
                lo[s] = Math.Min(lo[s], values[s]);
                hi[s] = Math.Max(hi[s], values[s]);
            }
        }
        return (lo, hi);
    }
}
