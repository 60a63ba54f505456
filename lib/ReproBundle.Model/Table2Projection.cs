
namespace ReproBundle;

/// <summary>One Table 2 row with its ratio recomputed two ways, next to the printed ratio.</summary>
/// <param name="Row">The row as printed.</param>
/// <param name="RatioComputed">
/// Interval arithmetic on the printed columns: every ratio the two independent ranges allow [x].
/// </param>
/// <param name="RatioPairedEnds">The ratio of low end to low end and high end to high end [x] (ranges moving together).</param>
public sealed record Table2Ratio(Table2Row Row, Interval RatioComputed, Interval RatioPairedEnds)
{
    /// <summary>True when the printed ratio equals the interval-arithmetic ratio within 0.5 (the paper prints whole numbers).</summary>
    public bool PrintedMatchesComputed =>
        Math.Abs(Row.RatioPrinted.Lo - RatioComputed.Lo) < 0.5 && Math.Abs(Row.RatioPrinted.Hi - RatioComputed.Hi) < 0.5;
}

/// <summary>
/// §4.1 Table 2 "Projected Claude-class inference on reference custom ASIC vs. H100 baseline": the
/// improvement ratio of each row, and the cells the §3.2 model can recompute from the paper's own inputs.
/// </summary>
public static class Table2Projection
{
    /// <summary>
    /// The improvement ratio [x] of ASIC over H100 for one metric by interval arithmetic: ASIC / H100 where
    /// higher is better, H100 / ASIC where lower is better.
    /// </summary>
    public static Interval Ratio(Better better, Interval h100, Interval asic) => better == Better.Higher ? asic / h100 : h100 / asic;

    /// <summary>The same ratio formed end with end (low with low, high with high) [x].</summary>
    public static Interval RatioPairedEnds(Better better, Interval h100, Interval asic) =>
        better == Better.Higher
            ? Interval.PairEnds(asic, h100, (a, h) => a / h)
            : Interval.PairEnds(h100, asic, (h, a) => h / a);

    /// <summary>Both recomputed ratios of every Table 2 row, in printed order.</summary>
    public static IReadOnlyList<Table2Ratio> Ratios(IEnumerable<Table2Row> table2) =>
        table2.Select(r => new Table2Ratio(r, Ratio(r.Better, r.H100, r.Asic), RatioPairedEnds(r.Better, r.H100, r.Asic))).ToList();

    /// <summary>
    /// Energy per token [J/token] from power [W] and Table 2's own throughput [tokens/s] (§3.2 with
    /// t_decode = 1 / throughput and batch_effective folded into the throughput).
    /// </summary>
    public static Interval EnergyFromThroughput(Interval systemPowerWatts, Interval tokensPerSecond) =>
        CalibratedBaselines.EnergyJoulesPerToken(systemPowerWatts, tokensPerSecond);

    /// <summary>
    /// CapEx-amortized $/M decode tokens [USD/M tokens] at Table 2's stated basis (3 years, 80% utilization)
    /// for a node of <paramref name="capexUsd"/> [USD] decoding <paramref name="tokensPerSecond"/> [tokens/s].
    /// </summary>
    public static Interval CapexCostAtTable2Basis(PaperInputs inputs, Interval capexUsd, Interval tokensPerSecond) =>
        ProjectionModel.CapexCostUsdPerMillionTokens(capexUsd, inputs.Table2LifetimeYears, inputs.Table2Utilization, tokensPerSecond);

    /// <summary>
    /// Table 2's amortization basis in words, formatted from the values used: "CapEx / (3 yr x 80% utilization x
    /// {throughput})" with the lifetime and utilization of <paramref name="inputs"/>.
    /// </summary>
    public static string CostBasisText(PaperInputs inputs, string throughput) =>
        $"CapEx / ({Quantity.Text(inputs.Table2LifetimeYears)} yr x {Quantity.Percent(inputs.Table2Utilization)} utilization x {throughput})";

    /// <summary>Active weight bytes W_active [bytes] of the §3.1 workload at FP4 (the ASIC's format, §3.1).</summary>
    public static Interval AsicActiveWeightBytes(PaperInputs inputs) => BandwidthBound.WeightBytes(inputs.ActiveParameters, inputs.Fp4BytesPerParameter);

    /// <summary>Active weight bytes W_active [bytes] of the H100 baseline ("~200B active FP16", Table 2).</summary>
    public static Interval H100ActiveWeightBytes(PaperInputs inputs) => BandwidthBound.WeightBytes(inputs.ActiveParameters, inputs.Fp16BytesPerParameter);

    /// <summary>
    /// Every weight of the §3.1 workload [bytes] in the H100 baseline's format (P_total x FP16, §3.1 and Table 2): what
    /// must stay resident on the H100s under the audit's one residency rule, as on the ASIC (docs/verdict-policy.md).
    /// </summary>
    public static Interval H100TotalWeightBytes(PaperInputs inputs) => BandwidthBound.WeightBytes(inputs.TotalParameters, inputs.Fp16BytesPerParameter);

    /// <summary>Every weight of the §3.1 workload [bytes] at FP4, the ASIC's format (P_total x FP4, §3.1): what one replica keeps resident.</summary>
    public static Interval AsicTotalWeightBytes(PaperInputs inputs) => BandwidthBound.WeightBytes(inputs.TotalParameters, inputs.Fp4BytesPerParameter);

    /// <summary>Bits of an FP8 number (Appendix C "only 2x over FP8"; §3.1 "FP8 activations"): the format's name.</summary>
    public const double Fp8Bits = 8;

    /// <summary>Bytes per FP8 parameter [bytes] = <see cref="Fp8Bits"/> / 8.</summary>
    public const double Fp8BytesPerParameter = Fp8Bits / 8;
}
