using System.Numerics;

namespace ReproBundle;

/// <summary>One Appendix C scenario (a row of <c>output/tables/agent_density.csv</c>): its name, its steps and where its inputs come from.</summary>
/// <param name="Scenario">Row name: <c>h100</c>, <c>asic</c>, <c>asic_fp4_pessimistic</c>, or a §4.2 range end.</param>
/// <param name="Steps">Every Appendix C intermediate.</param>
/// <param name="Source">Paper locator of the inputs, or how an input was implied.</param>
public sealed record AgentDensityRow(string Scenario, AgentDensitySteps Steps, string Source);

/// <summary>One §4.3 volume scenario: a node cost and a tape-out NRE taken from the ends or midpoints of their printed ranges.</summary>
/// <param name="Name"><c>optimistic</c>, <c>midpoint</c> or <c>pessimistic</c>.</param>
/// <param name="NodeCostUsd">C [USD], from §3.3's $8-20 K.</param>
/// <param name="NreUsd">Tape-out NRE [USD], from §4.3's $40-80 M.</param>
public readonly record struct NreScenario(string Name, double NodeCostUsd, double NreUsd);

/// <summary>
/// The named scenarios of the paper, built from typed <see cref="PaperInputs"/> in one place so that every
/// export, figure, audit check and notebook starts from the same inputs: the §1 example, the two Appendix C
/// worked examples, the pessimistic FP4 case and the §4.3 volume scenarios.
/// </summary>
public static class Scenarios
{
    /// <summary>§1's example: W = P·b [bytes] of the 70B dense model in BF16.</summary>
    public static Interval Section1WeightBytes(PaperInputs x) => BandwidthBound.WeightBytes(x.S1DenseParameters, x.S1Bf16BytesPerParameter);

    /// <summary>§1's example: the §2.1 ceiling [tokens/s] of the 70B BF16 model on one H100's HBM bandwidth.</summary>
    public static Interval Section1MaxTokensPerSecond(PaperInputs x) =>
        BandwidthBound.MaxTokensPerSecond(x.S1DenseParameters, x.S1Bf16BytesPerParameter, x.H100HbmBytesPerSecond);

    /// <summary>
    /// §1's example: the H100's cloud cost per million tokens [USD/M tokens] at ~$3/hour and ~30 tokens/s, §3.2's
    /// cost/M_tokens with the hourly price as the period's OpEx and one hour of busy seconds.
    /// </summary>
    public static Interval Section1CloudCostUsdPerMillionTokens(PaperInputs x) =>
        ProjectionModel.CostUsdPerMillionTokens(default, x.S1H100CloudUsdPerHour, x.S1H100DecodeTokensPerSecond, Interval.Point(ProjectionModel.SecondsPerHour));

    /// <summary>Appendix C worked example, H100 baseline (C = 30,000 USD, L = 3 yr, u = 0.7, t = 25, r = 5).</summary>
    public static AgentDensityInputs AppendixCH100(PaperInputs x) => x.AppendixCH100;

    /// <summary>Appendix C worked example, reference ASIC (C = 12,000 USD, L = 3 yr, u = 0.8, t = 500, r = 5).</summary>
    public static AgentDensityInputs AppendixCAsic(PaperInputs x) => x.AppendixCAsic;

    /// <summary>
    /// Appendix C Sensitivity, "If FP4 QAT delivers only 2x over FP8 (rather than the assumed 4x), t halves": the
    /// ASIC worked example with t multiplied by the FP4 shortfall factor (0.5).
    /// </summary>
    public static AgentDensityInputs AsicFp4Pessimistic(PaperInputs x) =>
        x.AppendixCAsic with { TokensPerSecond = WithFp4Shortfall(x.AppendixCAsic.TokensPerSecond, x) };

    /// <summary>
    /// Appendix C Sensitivity, "t halves": an ASIC throughput t [tokens/s] (or a density, which scales with t) times the FP4
    /// shortfall factor (0.5 when FP4 QAT gives 2x over FP8 instead of 4x).
    /// </summary>
    public static T WithFp4Shortfall<T>(T tokensPerSecond, PaperInputs x) where T : struct, IMultiplyOperators<T, double, T> =>
        tokensPerSecond * x.Fp4ShortfallFactor;

    /// <summary>Appendix C "The 50x ratio": D_ASIC / D_H100 [x] of the two worked examples, after the utilization step (57.1x).</summary>
    public static double WorkedExampleDensityRatio(PaperInputs x) => AgentDensity.DensityRatio(AppendixCAsic(x), AppendixCH100(x));

    /// <summary>Appendix C Sensitivity: D_ASIC / D_H100 [x] with the ASIC's t halved by the FP4 shortfall (28.6x), the case said to "remain &gt;10x".</summary>
    public static double Fp4PessimisticDensityRatio(PaperInputs x) => AgentDensity.DensityRatio(AsicFp4Pessimistic(x), AppendixCH100(x));

    /// <summary>
    /// Appendix C Sensitivity applied to §4.2's printed ASIC range: D_ASIC [streams per $1M] scales with t, so the
    /// pessimistic FP4 case multiplies 3,000-12,000 by the shortfall factor.
    /// </summary>
    public static Interval AsicDensityFp4Pessimistic(PaperInputs x) => WithFp4Shortfall(x.AsicDensityStreamsPerMillionUsd, x);

    /// <summary>
    /// The rows: both worked examples, the pessimistic FP4 case (t halved), and the four §4.2 range ends,
    /// each with the t it implies when C, L, u and r stay at the worked example's values.
    /// </summary>
    public static IReadOnlyList<AgentDensityRow> AgentDensityRows(PaperInputs inputs)
    {
        var h100 = Scenarios.AppendixCH100(inputs);
        var asic = Scenarios.AppendixCAsic(inputs);
        var rows = new List<AgentDensityRow>
        {
            new("h100", AgentDensity.Derive(h100), "Appendix C, worked example - H100 baseline"),
            new("asic", AgentDensity.Derive(asic), "Appendix C, worked example - Reference custom ASIC"),
            new("asic_fp4_pessimistic", AgentDensity.Derive(Scenarios.AsicFp4Pessimistic(inputs)),
                "Appendix C, Sensitivity: \"If FP4 QAT delivers only 2x over FP8 ..., t halves\""),
        };
        var h100Range = inputs.H100DensityStreamsPerMillionUsd;
        var asicRange = inputs.AsicDensityStreamsPerMillionUsd;
        rows.Add(DensityRangeEnd("h100_range_lo", h100, h100Range.Lo, "low"));
        rows.Add(DensityRangeEnd("h100_range_hi", h100, h100Range.Hi, "high"));
        rows.Add(DensityRangeEnd("asic_range_lo", asic, asicRange.Lo, "low"));
        rows.Add(DensityRangeEnd("asic_range_hi", asic, asicRange.Hi, "high"));
        return rows;
    }

    private static AgentDensityRow DensityRangeEnd(string scenario, AgentDensityInputs example, double printedDensity, string end)
    {
        var t = AgentDensity.ImpliedTokensPerSecond(printedDensity, example.CapexUsd, example.Utilization, example.StreamTokensPerSecond);
        return new(scenario, AgentDensity.Derive(example with { TokensPerSecond = t }),
            $"§4.2 printed range, {end} end D = {Quantity.Text(printedDensity)}; tok_s implied by it with C, L, u, r of the worked example (the paper gives no inputs for the range ends)");
    }

    /// <summary>
    /// §4.3's three (node cost, NRE) pairs: <c>optimistic</c> (dearest node, cheapest NRE: NRE matters least),
    /// <c>midpoint</c> and <c>pessimistic</c> (cheapest node, dearest NRE).
    /// </summary>
    public static IReadOnlyList<NreScenario> NreVolumes(PaperInputs x) =>
    [
        new("optimistic", x.AsicNodeCostUsd.Hi, x.TapeoutNreUsd.Lo),
        new("midpoint", x.AsicNodeCostUsd.Midpoint, x.TapeoutNreUsd.Midpoint),
        new("pessimistic", x.AsicNodeCostUsd.Lo, x.TapeoutNreUsd.Hi),
    ];


    /// <summary>
    /// The SRAM-resident share of W_active that §3.3's envelope allows: min(1, SRAM per node / W_active at FP4)
    /// [fraction]. 200-400 GB of SRAM against 100-200 GB of active weights holds all of them.
    /// </summary>
    public static Interval EnvelopeSramFraction(PaperInputs x) =>
        Interval.Min(x.AsicSramBytesPerNode / Table2Projection.AsicActiveWeightBytes(x), Interval.Point(1));

    /// <summary>§3.3: dies per node the SRAM target implies, SRAM per node / SRAM per die [dies] ("~8 GB ... per die", "200-400 GB ... per node").</summary>
    public static Interval SramDiesPerNode(PaperInputs x) => x.AsicSramBytesPerNode / x.AsicSramBytesPerDie;

    /// <summary>
    /// The §3.2 chain for the reference ASIC (W_active at FP4, §3.3 node power and cost, Table 2's 3-year basis, §3.2's
    /// utilization range) under the named memory and residency readings. The paper gives the ASIC no bandwidth
    /// figures, so SRAM is read at one of the two published SRAM speeds §2.1 cites and the rest at one H100's HBM:
    /// an illustration of what residency does, not a claim about the ASIC.
    /// </summary>
    public static IReadOnlyList<NamedProjectionChain> ProjectionChains(PaperInputs x)
    {
        var weights = Table2Projection.AsicActiveWeightBytes(x);
        ProjectionChainInputs<Interval> With(Interval sramFraction, Interval sramBytesPerSecond) => new(weights, sramFraction, sramBytesPerSecond,
            x.H100HbmBytesPerSecond, x.BatchEfficiencyFactor, x.AsicNodePowerWatts, x.AsicNodeCostUsd, x.Table2LifetimeYears, x.Utilization);
        const string sensitivity = "§3.2 sensitivity ranges (SRAM fraction, batch efficiency, utilization); W_active at FP4 (§3.1); §3.3 node power and cost; Table 2's 3-year basis";
        const string envelope = "SRAM fraction = min(1, §3.3 SRAM per node / W_active at FP4); batch efficiency and utilization over §3.2's ranges; §3.3 node power and cost; Table 2's 3-year basis";
        const string cerebras = "SRAM at the Cerebras WSE-3 figure (§2.1), the rest at one H100's HBM (§1)";
        const string groq = "SRAM at one Groq TSP's figure (§2.1), the rest at one H100's HBM (§1)";
        return
        [
            new("sensitivity_cerebras_sram", ProjectionModel.Chain(With(x.SramFraction, x.CerebrasSramBytesPerSecond)), $"{sensitivity}; {cerebras}"),
            new("sensitivity_groq_sram", ProjectionModel.Chain(With(x.SramFraction, x.GroqSramBytesPerSecondPerChip)), $"{sensitivity}; {groq}"),
            new("envelope_cerebras_sram", ProjectionModel.Chain(With(EnvelopeSramFraction(x), x.CerebrasSramBytesPerSecond)), $"{envelope}; {cerebras}"),
            new("envelope_groq_sram", ProjectionModel.Chain(With(EnvelopeSramFraction(x), x.GroqSramBytesPerSecondPerChip)), $"{envelope}; {groq}"),
        ];
    }
}

/// <summary>One named run of the §3.2 chain (<see cref="Scenarios.ProjectionChains"/>).</summary>
/// <param name="Scenario">Row name.</param>
/// <param name="Chain">Every step, as ranges.</param>
/// <param name="Source">Where each input comes from.</param>
public sealed record NamedProjectionChain(string Scenario, ProjectionChain<Interval> Chain, string Source);
