using System.Runtime.CompilerServices;
using ReproBundle.Data;

namespace ReproBundle.Uncertainty;

/// <summary>Which printed range the H100's single-stream throughput t_H100 is drawn from.</summary>
public enum H100ThroughputSource
{
    /// <summary>
    /// Table 2 "Decode throughput, single request", H100 baseline 15-25 tok/s ("MoE, ~200B active FP16"): the
    /// same Claude-class workload as the ASIC's 300-800 tok/s in the same row. The default: a density ratio is
    /// only meaningful when both platforms run the same model.
    /// </summary>
    Table2ClaudeClass,

    /// <summary>
    /// Table 1 "H100 SXM" 28-35 tok/s (Llama-70B): the range the Appendix C worked example cites ("single-stream
    /// Llama-70B BF16"). A smaller model, so it flatters the H100; kept as a second scenario.
    /// </summary>
    Table1Llama70B,
}

/// <summary>One Monte Carlo scenario: which ranges feed the model.</summary>
/// <param name="Name">Row key in <c>uncertainty.csv</c> (<c>paper_ranges</c>, <c>asic_t_halved</c>, <c>h100_t_table1</c>).</param>
/// <param name="Description">What the scenario asks, in words.</param>
/// <param name="H100Throughput">Where t_H100 comes from.</param>
/// <param name="ScaleAsicThroughputByFp4Shortfall">
/// When true, the ASIC's throughput range is multiplied by <c>appc.fp4_shortfall_factor</c> (0.5): Appendix C's
/// "If FP4 QAT delivers only 2x over FP8 ..., t halves".
/// </param>
/// <param name="SharedUtilization">
/// When true, u_H100 and u_ASIC are one shared draw (Table 2 states one "80% util" for both platforms), so u cancels in
/// D_ASIC / D_H100; when false (the default, and every scenario of <see cref="All"/>) each platform draws its own.
/// See README.md in this folder, "Shared or independent utilization".
/// </param>
public sealed record UncertaintyScenario(string Name, string Description, H100ThroughputSource H100Throughput, bool ScaleAsicThroughputByFp4Shortfall,
    bool SharedUtilization = false)
{
    /// <summary>The scenario in words for charts and pages (issue 25): what a reader sees instead of <see cref="Name"/>.</summary>
    public string Label => Name switch
    {
        "paper_ranges" => "paper's ranges",
        "asic_t_halved" => "ASIC speed halved (FP4 only 2x)",
        "h100_t_table1" => "H100 speed from Table 1",
        _ => Name.Replace('_', ' '),
    };

    /// <summary>Every input over the paper's own ranges, t_H100 from Table 2.</summary>
    public static readonly UncertaintyScenario PaperRanges = new("paper_ranges",
        "every input drawn over the paper's printed ranges; t_H100 from Table 2 (same Claude-class workload as the ASIC)",
        H100ThroughputSource.Table2ClaudeClass, false);

    /// <summary>Appendix C's pessimistic case: the ASIC's t halved.</summary>
    public static readonly UncertaintyScenario AsicThroughputHalved = new("asic_t_halved",
        "as paper_ranges, with the ASIC's t range multiplied by appc.fp4_shortfall_factor (Appendix C: \"t halves\")",
        H100ThroughputSource.Table2ClaudeClass, true);

    /// <summary>t_H100 from Table 1's Llama-70B range instead of Table 2's Claude-class range.</summary>
    public static readonly UncertaintyScenario H100ThroughputFromTable1 = new("h100_t_table1",
        "as paper_ranges, with t_H100 from Table 1's 28-35 tok/s (Llama-70B, the range Appendix C's worked example cites)",
        H100ThroughputSource.Table1Llama70B, false);

    /// <summary>The scenarios <c>reproduce</c> runs, in output order.</summary>
    public static readonly IReadOnlyList<UncertaintyScenario> All = [PaperRanges, AsicThroughputHalved, H100ThroughputFromTable1];
}

/// <summary>
/// One input of the Monte Carlo model: what it is, which named value of data/ (or Table 1 / Table 2 cell) it
/// is read from, and its prior.
/// </summary>
/// <param name="Id">Stable id, e.g. <c>asic.capex_usd</c>.</param>
/// <param name="Symbol">The paper's symbol (Appendix C: C, L, u, t, r; §3.2: P_system).</param>
/// <param name="DataNames">
/// Every overridable name it is read from (see data/README.md), formed by the overrides' own naming
/// (<see cref="AssumptionOverrides.Table1Name"/>, <see cref="AssumptionOverrides.Table2Name"/>, <see cref="AssumptionOverrides.InputName"/>):
/// one, or a cell and the factor that scales it (Appendix C's pessimistic FP4 t).
/// </param>
/// <param name="Unit">Unit.</param>
/// <param name="Prior">The range and the distribution drawn from it.</param>
/// <param name="Why">Why this source was chosen.</param>
public sealed record UncertainQuantity(string Id, string Symbol, IReadOnlyList<string> DataNames, string Unit, Prior Prior, string Why)
{
    /// <summary>The names as the uncertainty tables print them: joined by " x " (a cell times its factor).</summary>
    public string DataName => string.Join(" x ", DataNames);
}

/// <summary>One draw of every model input (plain doubles, so the hot loop allocates nothing).</summary>
/// <param name="H100CapexUsd">C_H100 [USD].</param>
/// <param name="H100TokensPerSecond">t_H100 [tokens/s, single stream].</param>
/// <param name="H100Utilization">u_H100 [fraction].</param>
/// <param name="H100PowerWatts">P_system of the H100 [W].</param>
/// <param name="AsicCapexUsd">C_ASIC [USD].</param>
/// <param name="AsicTokensPerSecond">t_ASIC [tokens/s, single stream].</param>
/// <param name="AsicUtilization">u_ASIC [fraction].</param>
/// <param name="AsicPowerWatts">P_system of one ASIC node [W].</param>
/// <param name="LifetimeYears">L, shared by both platforms [years].</param>
/// <param name="H100StreamTokensPerSecond">r for H100 streams [tokens/s].</param>
/// <param name="AsicStreamTokensPerSecond">r for ASIC streams [tokens/s].</param>
public readonly record struct DrawInputs(double H100CapexUsd, double H100TokensPerSecond, double H100Utilization, double H100PowerWatts,
    double AsicCapexUsd, double AsicTokensPerSecond, double AsicUtilization, double AsicPowerWatts, double LifetimeYears,
    double H100StreamTokensPerSecond, double AsicStreamTokensPerSecond);

/// <summary>What one draw gives: the three metrics for each platform (ratios are formed from them).</summary>
/// <param name="H100CostUsdPerMillionTokens">Appendix C cost per million tokens, H100 [USD/M tokens].</param>
/// <param name="AsicCostUsdPerMillionTokens">Same for the ASIC [USD/M tokens].</param>
/// <param name="H100EnergyJoulesPerToken">§3.2 energy per token at single stream, H100 [J/token].</param>
/// <param name="AsicEnergyJoulesPerToken">Same for the ASIC [J/token].</param>
/// <param name="H100Density">Agent density after the utilization step, D·u, H100 [streams per $1M].</param>
/// <param name="AsicDensity">Same for the ASIC [streams per $1M].</param>
public readonly record struct DrawOutputs(double H100CostUsdPerMillionTokens, double AsicCostUsdPerMillionTokens,
    double H100EnergyJoulesPerToken, double AsicEnergyJoulesPerToken, double H100Density, double AsicDensity)
{
    /// <summary>Cost ratio H100 / ASIC [x] (lower is better, so the H100 is the numerator).</summary>
    public double CostRatio => H100CostUsdPerMillionTokens / AsicCostUsdPerMillionTokens;

    /// <summary>Energy ratio H100 / ASIC [x].</summary>
    public double EnergyRatio => H100EnergyJoulesPerToken / AsicEnergyJoulesPerToken;

    /// <summary>Density ratio D_ASIC / D_H100 [x] (higher is better), the ratio §10 O2 and O5 talk about.</summary>
    public double DensityRatio => AgentDensity.DensityRatio(AsicDensity, H100Density);
}

/// <summary>
/// The Monte Carlo model of §4.2 / Appendix C / §3.2 for the H100 and the reference ASIC: which inputs are drawn,
/// from which printed ranges, and how one draw becomes cost, energy and agent density. Every equation is the
/// library's (<see cref="AgentDensity"/>, <see cref="ProjectionModel"/>); this class only wires inputs to them.
/// </summary>
/// <remarks>
/// Inputs drawn (data names in brackets; see data/README.md):
/// <list type="bullet">
/// <item>C_H100: Table 1 H100 CapEx [table1.h100.capex_usd], $30 K, a point.</item>
/// <item>t_H100: Table 2 single-request H100 baseline [table2.decode_single.h100], 15-25 tok/s, or Table 1's 28-35
/// [table1.h100.tok_s_deployment] in scenario <c>h100_t_table1</c>.</item>
/// <item>u_H100 and u_ASIC: §3.2 utilization [model.utilization], 40-90%, drawn independently for each platform
/// (Appendix C itself uses different values, 0.7 and 0.8).</item>
/// <item>P_H100: Table 1 H100 power [table1.h100.power_w], 700 W.</item>
/// <item>C_ASIC: §3.3 node cost [asic.node_cost_usd], $8-20 K.</item>
/// <item>t_ASIC: Table 2 single-request ASIC projection [table2.decode_single.asic], 300-800 tok/s.</item>
/// <item>P_ASIC: §3.3 package power [asic.node_power_w], 1.5-2.5 kW.</item>
/// <item>L: Table 2's amortization basis [table2.lifetime_years], 3 years, shared.</item>
/// <item>r: Appendix C [appc.h100.stream_tok_s] and [appc.asic.stream_tok_s], 5 tok/s; when ranged, both are drawn
/// from one shared uniform number, so equal ranges give equal r (the same workload on both platforms).</item>
/// </list>
/// Energy per token is §3.2's P_system · t_decode / batch_effective at single stream (t_decode = 1 / t,
/// batch 1), the same basis as cost and density. The active-parameter range of §3.1 is not drawn separately:
/// Table 2's throughput ranges already carry it (Appendix C names "MoE active-parameter assumption" among the
/// sources of its range), and drawing it again would count it twice.
/// </remarks>
public sealed class UncertaintyModel
{
    /// <summary>The scenario this model was built for.</summary>
    public UncertaintyScenario Scenario { get; }

    /// <summary>Every drawn quantity in a fixed order (also the order of the random streams).</summary>
    public IReadOnlyList<UncertainQuantity> Quantities { get; }

    /// <summary>Index of each input in <see cref="Quantities"/>.</summary>
    internal const int H100Capex = 0, H100Tok = 1, H100Util = 2, H100Power = 3, AsicCapex = 4, AsicTok = 5, AsicUtil = 6,
        AsicPower = 7, Lifetime = 8, H100Stream = 9, AsicStream = 10;

    /// <summary>
    /// Random streams: one per quantity, except that the two r quantities share one stream (index
    /// <see cref="H100Stream"/>), so they are drawn at the same cumulative probability.
    /// </summary>
    internal static int StreamOf(int quantity) => quantity == AsicStream ? H100Stream : quantity;

    /// <summary>
    /// The random stream of <paramref name="quantity"/> in this model: <see cref="StreamOf(int)"/>, and with
    /// <see cref="UncertaintyScenario.SharedUtilization"/> u_ASIC reads u_H100's stream (one shared draw).
    /// </summary>
    internal int StreamIn(int quantity) => Scenario.SharedUtilization && quantity == AsicUtil ? H100Util : StreamOf(quantity);

    private UncertaintyModel(UncertaintyScenario scenario, IReadOnlyList<UncertainQuantity> quantities)
    {
        Scenario = scenario;
        Quantities = quantities;
    }

    /// <summary>Builds the model of <paramref name="scenario"/> from (possibly overridden) data.</summary>
    /// <param name="data">The paper's inputs.</param>
    /// <param name="scenario">Which Monte Carlo scenario.</param>
    /// <param name="streamTokensPerSecond">
    /// r [tokens/s] for both platforms, a point or a range to draw from; null for the Appendix C worked examples' r.
    /// </param>
    public static UncertaintyModel From(PaperData data, UncertaintyScenario scenario, Interval? streamTokensPerSecond = null)
    {
        var h100 = data.Table1Rows.H100;
        var single = data.Table2Rows.DecodeSingle;
        var h100Capex = h100.CapexUsd ?? throw new InvalidOperationException("Table 1 gives no H100 CapEx");
        var asicTok = single.Asic;
        IReadOnlyList<string> asicTokNames = [AssumptionOverrides.Table2Name(single, asic: true)];
        var asicTokWhy = "Table 2 single-request projection, the t Appendix C's worked example takes the midpoint of";
        if (scenario.ScaleAsicThroughputByFp4Shortfall)
        {
            asicTok = Scenarios.WithFp4Shortfall(asicTok, data.Values);
            asicTokNames = [.. asicTokNames, AssumptionOverrides.InputName("appc.fp4_shortfall_factor")];
            asicTokWhy = "Appendix C sensitivity: \"If FP4 QAT delivers only 2x over FP8 (rather than the assumed 4x), t halves\"";
        }
        var (h100Tok, h100TokName, h100TokWhy) = scenario.H100Throughput == H100ThroughputSource.Table2ClaudeClass
            ? (single.H100, AssumptionOverrides.Table2Name(single, asic: false), "Table 2 single-request H100 baseline (MoE, ~200B active): the same workload as the ASIC's t")
            : (h100.TokensPerSecondPerDeployment, AssumptionOverrides.Table1Name(h100, "tok_s_deployment"), "Table 1 H100 single stream (Llama-70B), the range Appendix C's worked example cites");
        var utilization = data.Values.Utilization;
        UncertainQuantity Q(string id, string symbol, IReadOnlyList<string> names, string unit, Interval range, string why) =>
            new(id, symbol, names, unit, Prior.For(range), why);
        string Input(string name) => AssumptionOverrides.InputName(name);
        var quantities = new List<UncertainQuantity>
        {
            Q("h100.capex_usd", "C_H100", [AssumptionOverrides.Table1Name(h100, "capex_usd")], "USD", h100Capex, "Table 1 H100 SXM CapEx per deployment (one GPU)"),
            Q("h100.tok_s", "t_H100", [h100TokName], "tokens/s", h100Tok, h100TokWhy),
            Q("h100.utilization", "u_H100", [Input("model.utilization")], "fraction", utilization, $"§3.2 sensitivity range {Quantity.Percent(utilization)}, drawn independently of u_ASIC"),
            Q("h100.power_w", "P_H100", [AssumptionOverrides.Table1Name(h100, "power_w")], "W", h100.SystemPowerWatts, "Table 1 H100 system power"),
            Q("asic.capex_usd", "C_ASIC", [Input("asic.node_cost_usd")], "USD", data.Values.AsicNodeCostUsd, "§3.3 assumed node cost at volume"),
            Q("asic.tok_s", "t_ASIC", asicTokNames, "tokens/s", asicTok, asicTokWhy),
            Q("asic.utilization", "u_ASIC", [Input("model.utilization")], "fraction", utilization, $"§3.2 sensitivity range {Quantity.Percent(utilization)}, drawn independently of u_H100"),
            Q("asic.power_w", "P_ASIC", [Input("asic.node_power_w")], "W", data.Values.AsicNodePowerWatts, "§3.3 package power per node"),
            Q("lifetime_years", "L", [Input("table2.lifetime_years")], "years", data.Values.Table2LifetimeYears, "Table 2 amortization basis (3yr), shared by both platforms"),
            Q("h100.stream_tok_s", "r_H100", [Input("appc.h100.stream_tok_s")], "tokens/s", streamTokensPerSecond ?? Interval.Point(data.Values.AppendixCH100.StreamTokensPerSecond), "Appendix C r; shares its random number with r_ASIC"),
            Q("asic.stream_tok_s", "r_ASIC", [Input("appc.asic.stream_tok_s")], "tokens/s", streamTokensPerSecond ?? Interval.Point(data.Values.AppendixCAsic.StreamTokensPerSecond), "Appendix C r; shares its random number with r_H100"),
        };
        return new UncertaintyModel(scenario, quantities);
    }

    /// <summary>The draw in which every input takes the value <paramref name="pick"/> chooses for its prior.</summary>
    public DrawInputs Pick(Func<int, UncertainQuantity, double> pick)
    {
        var v = new double[Quantities.Count];
        for (int i = 0; i < v.Length; i++) v[i] = pick(i, Quantities[i]);
        return FromValues(v);
    }

    /// <summary>The draw at every input's arithmetic midpoint (a point input at its value).</summary>
    public DrawInputs Midpoint() => Pick((_, q) => q.Prior.Range.Midpoint);

    /// <summary>
    /// The corner of the input box least favourable to the ASIC in the density ratio (§4.2, critique O2): the ASIC's t and
    /// u at their low ends and its C at the high end, the H100's t and u at their high ends; every other input (which
    /// the ratio does not depend on, or shares between the platforms) at its midpoint.
    /// </summary>
    public DrawInputs WorstCornerForAsic() => Pick((_, q) => q.Id switch
    {
        "h100.tok_s" or "h100.utilization" or "asic.capex_usd" => q.Prior.Range.Hi,
        "asic.tok_s" or "asic.utilization" => q.Prior.Range.Lo,
        _ => q.Prior.Range.Midpoint,
    });

    /// <summary>Builds a draw from values in <see cref="Quantities"/> order.</summary>
    internal static DrawInputs FromValues(ReadOnlySpan<double> v) => new(v[H100Capex], v[H100Tok], v[H100Util], v[H100Power],
        v[AsicCapex], v[AsicTok], v[AsicUtil], v[AsicPower], v[Lifetime], v[H100Stream], v[AsicStream]);

    /// <summary>
    /// Pushes one draw through the library's equations: Appendix C cost per million tokens
    /// (<see cref="AgentDensity.CostUsdPerMillionTokens"/>), §3.2 energy per token at single stream
    /// (<see cref="ProjectionModel.EnergyJoulesPerToken"/> with t_decode = 1 / t) and agent density after the
    /// utilization step (<see cref="AgentDensity.DensityPerMillionUsd"/>, <see cref="AgentDensity.DensityAtUtilization{T}(T, T)"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DrawOutputs Evaluate(in DrawInputs x) => new(
        AgentDensity.CostUsdPerMillionTokens(x.H100CapexUsd, x.LifetimeYears, x.H100Utilization, x.H100TokensPerSecond),
        AgentDensity.CostUsdPerMillionTokens(x.AsicCapexUsd, x.LifetimeYears, x.AsicUtilization, x.AsicTokensPerSecond),
        ProjectionModel.EnergyJoulesPerToken(x.H100PowerWatts, 1 / x.H100TokensPerSecond, 1),
        ProjectionModel.EnergyJoulesPerToken(x.AsicPowerWatts, 1 / x.AsicTokensPerSecond, 1),
        AgentDensity.DensityAtUtilization(AgentDensity.DensityPerMillionUsd(x.H100CapexUsd, x.H100TokensPerSecond, x.H100StreamTokensPerSecond), x.H100Utilization),
        AgentDensity.DensityAtUtilization(AgentDensity.DensityPerMillionUsd(x.AsicCapexUsd, x.AsicTokensPerSecond, x.AsicStreamTokensPerSecond), x.AsicUtilization));
}
