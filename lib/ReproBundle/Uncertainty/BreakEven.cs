using MathNet.Numerics.RootFinding;
using ReproBundle.Data;

namespace ReproBundle.Uncertainty;

/// <summary>One solved break-even point.</summary>
/// <param name="Quantity">What was solved for: <c>nodes_shipped</c>, <c>asic_utilization</c> or <c>asic_node_cost_usd</c>.</param>
/// <param name="Scenario">Which input set (<c>optimistic</c>, <c>midpoint</c>, <c>pessimistic</c>, <c>appendix_c</c>, ...).</param>
/// <param name="Target">The condition solved, in words (e.g. "effective $/M tokens = 3x the steady-state cost").</param>
/// <param name="Value">The solution, or null when no value in the searched range meets the target.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>.</param>
/// <param name="PaperSays">What the paper prints for comparison, or empty.</param>
/// <param name="Inputs">The inputs held fixed, as text.</param>
/// <param name="Note">How to read the row, or why there is no solution.</param>
public sealed record BreakEvenPoint(string Quantity, string Scenario, string Target, double? Value, string Unit, string PaperSays, string Inputs, string Note)
{
    /// <summary>
    /// The condition as a stable id that holds no input value (e.g. <c>3x_steady_state</c>, <c>10x_printed_bound</c>), so a
    /// point keeps its name when a reviewer's inputs change the numbers in <see cref="Target"/> (issue 23, item 5).
    /// </summary>
    public string TargetId { get; init; } = "";

    /// <summary>The point's stable id, free of input values: <c>s4_3.QUANTITY.SCENARIO.TARGET_ID</c> (the headline id of claims_diff and the first column of break_even.csv).</summary>
    public string Id => $"s4_3.{Quantity}.{Scenario}.{TargetId}";
}

/// <summary>
/// §4.3 "Where NRE and supply chain bite", solved: the effective $/M tokens as a function of nodes shipped with the
/// tape-out NRE spread over them (<see cref="NreAmortization"/>), and the volumes at which it comes within 3x and 10x
/// of the Table 2 bound; and the ASIC utilization and node cost at which D_ASIC / D_H100 falls to 10x. Every root is
/// found with MathNet's Brent solver on the library's own equations.
/// </summary>
public static class BreakEven
{
    /// <summary>The volume the paper says NRE needs ("&gt;100 K nodes shipped", §4.3) [nodes]: <see cref="NreAmortization.PrintedVolumeNodes"/>.</summary>
    public const double PaperVolume = NreAmortization.PrintedVolumeNodes;

    /// <summary>The two penalty factors of §4.3's "3-10x worse than Table 2 bounds": <see cref="NreAmortization.PrintedPenaltyFactors"/>.</summary>
    public static IReadOnlyList<double> Factors => NreAmortization.PrintedPenaltyFactors;

    /// <summary>
    /// Effective CapEx-only $/M tokens [USD/M tokens] after <paramref name="nodesShipped"/> nodes: Appendix C's cost step
    /// with the node cost raised by NRE / N (<see cref="NreAmortization.EffectiveNodeCostUsd"/>).
    /// </summary>
    public static double EffectiveCostUsdPerMillionTokens(double nodeCostUsd, double nreUsd, double nodesShipped, double lifetimeYears, double utilization, double tokensPerSecond) =>
        AgentDensity.CostUsdPerMillionTokens(NreAmortization.EffectiveNodeCostUsd(nodeCostUsd, nreUsd, nodesShipped), lifetimeYears, utilization, tokensPerSecond);

    /// <summary>
    /// The x in [lo, hi] where f(x) = 0 by Brent's method (relative accuracy 1e-12), or null when f does not change
    /// sign over the interval (no solution there). With <paramref name="logScale"/> the search runs over log10(x).
    /// </summary>
    public static double? Solve(Func<double, double> f, double lo, double hi, bool logScale)
    {
        Func<double, double> g = logScale ? x => f(Math.Pow(10, x)) : f;
        double a = logScale ? Math.Log10(lo) : lo, b = logScale ? Math.Log10(hi) : hi;
        double fa = g(a), fb = g(b);
        if (fa == 0) return lo;
        if (fb == 0) return hi;
        if (Math.Sign(fa) == Math.Sign(fb)) return null;
        var root = Brent.FindRoot(g, a, b, accuracy: 1e-12, maxIterations: 200);
        return logScale ? Math.Pow(10, root) : root;
    }


    /// <summary>Every break-even point of <paramref name="data"/>, in output order.</summary>
    public static IReadOnlyList<BreakEvenPoint> Points(PaperData data)
    {
        var rows = new List<BreakEvenPoint>();
        var paper = data.Values;
        var cost = paper.AsicNodeCostUsd;
        var nre = paper.TapeoutNreUsd;
        var lifetime = paper.Table2LifetimeYears.Midpoint;
        var utilization = paper.Table2Utilization.Midpoint;
        var tok = data.Table2Rows.DecodeSingle.Asic.Midpoint;
        var printed = data.Table2Rows.CostPerMillionTokens.Asic;
        const string paperVolume = ">100 K nodes shipped (§4.3)";

        // Volume: effective cost against the steady-state cost of the same node (the Table 2 basis, no NRE).
        foreach (var (scenario, c, n) in Scenarios.NreVolumes(paper))
        {
            var steady = AgentDensity.CostUsdPerMillionTokens(c, lifetime, utilization, tok);
            string inputs = $"C = {F(c)} USD, NRE = {F(n)} USD, L = {F(lifetime)} yr, u = {F(utilization)}, t = {F(tok)} tok/s (steady-state ${F(steady)}/M tokens)";
            foreach (var k in Factors)
            {
                var v = AtLeastOneNode(NreAmortization.NodesForPenaltyFactor(c, n, k));
                rows.Add(new("nodes_shipped", scenario, $"effective $/M tokens = {F(k)}x the steady-state (NRE-free) cost", v, "nodes", paperVolume, inputs,
                    v is null ? "NRE never raises the cost this much, even spread over a single node"
                    : "beyond this volume NRE costs less than the stated multiple (closed form N = NRE / ((k - 1) C))") { TargetId = $"{F(k)}x_steady_state" });
            }
            var at = EffectiveCostUsdPerMillionTokens(c, n, PaperVolume, lifetime, utilization, tok) / steady;
            rows.Add(new("penalty_at_paper_volume", scenario, "effective / steady-state $/M tokens at 100,000 nodes", at, "x",
                "3-10x worse than Table 2 bounds until >100 K nodes (§4.3)", inputs, "NRE alone at the paper's threshold volume") { TargetId = "at_100k_nodes" });
        }

        // Volume: effective cost against the printed Table 2 ASIC bounds, midpoint node.
        {
            double c = cost.Midpoint, n = nre.Midpoint;
            string inputs = $"C = {F(c)} USD, NRE = {F(n)} USD, L = {F(lifetime)} yr, u = {F(utilization)}, t = {F(tok)} tok/s";
            foreach (var (end, bound) in new[] { ("table2_low", printed.Lo), ("table2_high", printed.Hi) })
            {
                foreach (var k in Factors)
                {
                    // CapEx-only $/M tokens is proportional to the node cost, so k x the bound is a node cost of C x k x bound / steady.
                    var steady = AgentDensity.CostUsdPerMillionTokens(c, lifetime, utilization, tok);
                    var v = AtLeastOneNode(NreAmortization.NodesForEffectiveNodeCost(c, n, c * (k * bound / steady)));
                    rows.Add(new("nodes_shipped", $"midpoint_vs_{end}", $"effective $/M tokens = {F(k)}x Table 2's printed ${F(bound)}", v, "nodes", paperVolume, inputs,
                        v is null ? "the steady-state cost alone already exceeds the target" : "beyond this volume the effective cost is within the stated multiple of the printed bound")
                        { TargetId = $"{F(k)}x_printed_bound" });
                }
            }
        }

        // Density ratio at 10x: ASIC utilization and ASIC node cost, other inputs held.
        var model = UncertaintyModel.From(data, UncertaintyScenario.PaperRanges);
        var h100Example = Scenarios.AppendixCH100(paper);
        var asicExample = Scenarios.AppendixCAsic(paper);
        var mid = model.Midpoint();
        var q = model.Quantities;
        var scenarios = new (string Name, DrawInputs Draw, string Why)[]
        {
            ("appendix_c", mid with
            {
                H100CapexUsd = h100Example.CapexUsd, H100TokensPerSecond = h100Example.TokensPerSecond, H100Utilization = h100Example.Utilization,
                AsicCapexUsd = asicExample.CapexUsd, AsicTokensPerSecond = asicExample.TokensPerSecond, AsicUtilization = asicExample.Utilization,
                H100StreamTokensPerSecond = h100Example.StreamTokensPerSecond, AsicStreamTokensPerSecond = asicExample.StreamTokensPerSecond,
            }, "Appendix C worked examples"),
            ("midpoint", mid, "every input at the midpoint of its printed range (t_H100 from Table 2)"),
            ("pessimistic", mid with
            {
                H100TokensPerSecond = q[UncertaintyModel.H100Tok].Prior.Range.Hi, H100Utilization = q[UncertaintyModel.H100Util].Prior.Range.Hi,
                AsicCapexUsd = q[UncertaintyModel.AsicCapex].Prior.Range.Hi, AsicTokensPerSecond = q[UncertaintyModel.AsicTok].Prior.Range.Lo,
            }, "the corner of the printed ranges least favourable to the ASIC (t_H100 and u_H100 high, C_ASIC high, t_ASIC low)"),
        };
        foreach (var (name, draw, why) in scenarios)
        {
            var ratio = UncertaintyModel.Evaluate(draw).DensityRatio;
            string inputs = $"{why}: C_H100 = {F(draw.H100CapexUsd)}, t_H100 = {F(draw.H100TokensPerSecond)}, u_H100 = {F(draw.H100Utilization)}, C_ASIC = {F(draw.AsicCapexUsd)}, t_ASIC = {F(draw.AsicTokensPerSecond)}, u_ASIC = {F(draw.AsicUtilization)}, r = {F(draw.H100StreamTokensPerSecond)} (ratio {F(ratio)}x there)";
            var u = Solve(x => UncertaintyModel.Evaluate(draw with { AsicUtilization = x }).DensityRatio - AgentDensity.ConclusionRatioThreshold, 1e-9, 1, logScale: false);
            rows.Add(new("asic_utilization", name, "D_ASIC / D_H100 = 10x, u_ASIC varied", u, "fraction", "ratio \"remains >10x\" (Appendix C, §10 O2)", inputs,
                u is null ? "the ratio stays below 10x even at 100% ASIC utilization" : "below this ASIC utilization the density ratio falls under 10x") { TargetId = "ratio_10x" });
            var c = Solve(x => UncertaintyModel.Evaluate(draw with { AsicCapexUsd = x }).DensityRatio - AgentDensity.ConclusionRatioThreshold, 1, 1e9, logScale: true);
            rows.Add(new("asic_node_cost_usd", name, "D_ASIC / D_H100 = 10x, C_ASIC varied", c, "USD", "§3.3 assumes $8-20 K per node", inputs,
                "above this node cost the density ratio falls under 10x") { TargetId = "ratio_10x" });
        }
        return rows;
    }

    private static string F(double v) => Quantity.Text(v);

    /// <summary>A §4.3 volume [nodes], or null below one node (NRE never raises the cost that much, even on a single node).</summary>
    private static double? AtLeastOneNode(double? nodes) => nodes is >= 1 ? nodes : null;
}
