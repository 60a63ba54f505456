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

    private sealed class Pass1
    {
        public readonly long[][] Counts = Enumerable.Range(0, SeriesCount).Select(_ => new long[SearchBins]).ToArray();
        public readonly double[] Min = Enumerable.Repeat(double.PositiveInfinity, SeriesCount).ToArray();
        public readonly double[] Max = Enumerable.Repeat(double.NegativeInfinity, SeriesCount).ToArray();
    }

    /// <summary>
    /// The summaries of <see cref="Summarize"/> for every series, the share of density ratios above 10x and the
    /// ratio histogram, computed without holding the draws, so memory stays a few MB however many draws are made.
    /// </summary>
    /// <remarks>
    /// Exact, not approximate: the draws are generated twice from the same seed. Pass 1 counts each series into a
    /// histogram between bounds found at the corners of the input box (every output is a product of powers of the
    /// inputs, so its extremes lie at corners; a value outside still lands in an edge bin), sums per chunk and counts
    /// ratios above 10. The bins holding the order statistics that R-7 percentiles need are then known; pass 2
    /// collects the draws of just those bins, and MathNet's <see cref="ArrayStatistics.OrderStatisticInplace(double[], int)"/>
    /// picks the order statistic inside a bin. The percentiles equal MathNet's R-7 quantile over all draws (a test
    /// checks this). The mean sums each chunk in draw order, then the chunk sums in chunk order: no dependence on
    /// the thread count.
    /// </remarks>
    public static ScenarioStatistics Statistics(UncertaintyModel model, MonteCarloSettings settings)
    {
        if (settings.Violation() is { } v) throw new ArgumentException(v);
        long n = settings.Samples;
        int chunks = (settings.Samples + ChunkSize - 1) / ChunkSize;
        var (lo, hi) = CornerBounds(model);
        var scale = new double[SeriesCount];
        for (int s = 0; s < SeriesCount; s++) scale[s] = hi[s] > lo[s] ? SearchBins / (hi[s] - lo[s]) : 0;
        double chartLo = Math.Log10(lo[8]), chartScale = hi[8] > lo[8] ? ChartBins / (Math.Log10(hi[8]) - chartLo) : 0;

        // Pass 1: counts, extremes, per-chunk sums, ratios above 10. Both passes' loops are compiled optimized at once (see Prior.Transform).
        var chunkSums = new double[SeriesCount][];
        for (int s = 0; s < SeriesCount; s++) chunkSums[s] = new double[chunks];
        var chunkAbove = new long[chunks];
        var pass1 = ForEachChunk(model, settings, () => new Pass1(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (k, _, len, o, acc) =>
        {
            for (int s = 0; s < SeriesCount; s++)
            {
                double[] a = o[s];
                long[] counts = acc.Counts[s];
                double sum = 0, min = acc.Min[s], max = acc.Max[s], l = lo[s], sc = scale[s];
                for (int i = 0; i < len; i++)
                {
                    double x = a[i];
                    sum += x;
                    if (x < min) min = x;
                    if (x > max) max = x;
                    counts[Bin(x, l, sc)]++;
                }
                chunkSums[s][k] = sum;
                acc.Min[s] = min;
                acc.Max[s] = max;
            }
            long above = 0;
            double[] ratio = o[8];
            for (int i = 0; i < len; i++)
            {
                if (ratio[i] > UncertaintyModel.DensityRatioThreshold) above++;
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

        // Pass 2: the draws in the wanted bins.
        var pass2 = ForEachChunk(model, settings, () => new Dictionary<(int, int), List<double>>(), [MethodImpl(MethodImplOptions.AggressiveOptimization)] (_, _, len, o, found) =>
        {
            for (int s = 0; s < SeriesCount; s++)
            {
                double[] a = o[s];
                bool[] w = wanted[s];
                double l = lo[s], sc = scale[s];
                for (int i = 0; i < len; i++)
                {
                    int b = Bin(a[i], l, sc);
                    if (!w[b]) continue;
                    if (!found.TryGetValue((s, b), out var list)) found[(s, b)] = list = [];
                    list.Add(a[i]);
                }
            }
        });
        var inBin = new Dictionary<(int, int), double[]>();
        foreach (var key in pass2.SelectMany(p => p.Keys).Distinct())
        {
            inBin[key] = pass2.Where(p => p.ContainsKey(key)).SelectMany(p => p[key]).ToArray();
        }
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
