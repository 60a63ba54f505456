using System.Numerics;

namespace ReproBundle;

/// <summary>
/// §4.3 "Where NRE and supply chain bite": tape-out NRE spread over the nodes shipped raises the effective
/// cost of each node, and so the effective $/M tokens, above the steady-state Table 2 bound. Every method serves
/// a point (<see cref="double"/>) and a range (<see cref="Interval"/>) alike.
/// </summary>
public static class NreAmortization
{
    /// <summary>§4.3's volume: NRE bites "until these are amortized at volume (&gt;100 K nodes shipped)" [nodes].</summary>
    public const double PrintedVolumeNodes = 100_000;

    /// <summary>§4.3's penalty, low end: "effective $/M token is 3-10x worse than Table 2 bounds" [x].</summary>
    public const double PrintedPenaltyFactorLow = 3;

    /// <summary>§4.3's penalty, high end: "effective $/M token is 3-10x worse than Table 2 bounds" [x].</summary>
    public const double PrintedPenaltyFactorHigh = 10;

    /// <summary>§4.3's two penalty factors, low then high [x].</summary>
    public static readonly IReadOnlyList<double> PrintedPenaltyFactors = [PrintedPenaltyFactorLow, PrintedPenaltyFactorHigh];

    /// <summary>§4.3 effective cost of one node [USD] = node cost C [USD] + NRE [USD] / nodes shipped N.</summary>
    public static T EffectiveNodeCostUsd<T>(T nodeCostUsd, T nreUsd, T nodesShipped)
        where T : struct, IMultiplyOperators<T, double, T>, IAdditionOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        nodeCostUsd + nreUsd / nodesShipped;

    /// <summary>
    /// §4.3 how many times worse the effective $/M tokens is than the steady-state (NRE-free) cost:
    /// (C + NRE/N) / C = 1 + NRE / (N · C) [x]. CapEx-only $/M tokens is proportional to node cost, so this
    /// factor carries over. Written with each input once, so ranges give the exact range.
    /// </summary>
    public static T CostPenaltyFactor<T>(T nodeCostUsd, T nreUsd, double nodesShipped)
        where T : struct, IMultiplyOperators<T, double, T>, IAdditionOperators<T, T, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T> =>
        nreUsd / (nodeCostUsd * Quantity.Of<T>(nodesShipped)) + Quantity.Of<T>(1);

    /// <summary>
    /// §4.3 solved for volume: N [nodes] at which the penalty factor equals <paramref name="factor"/> (&gt; 1):
    /// N = NRE / (C · (factor - 1)), the closed-form inverse of <see cref="CostPenaltyFactor{T}"/>.
    /// </summary>
    public static T NodesForPenaltyFactor<T>(T nodeCostUsd, T nreUsd, double factor)
        where T : struct, IMultiplyOperators<T, double, T>, IMultiplyOperators<T, T, T>, IDivisionOperators<T, T, T>
    {
        if (!(factor > 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "must be greater than 1");
        return nreUsd / (nodeCostUsd * Quantity.Of<T>(factor - 1));
    }

    /// <summary>
    /// §4.3 solved for volume against a target node cost: N [nodes] at which C + NRE / N equals
    /// <paramref name="targetNodeCostUsd"/> [USD], N = NRE / (target - C); null when the target is not above C (NRE-free
    /// cost already reaches it). CapEx-only $/M tokens is proportional to node cost, so a target cost per million tokens
    /// converts to a target node cost by the same factor.
    /// </summary>
    public static double? NodesForEffectiveNodeCost(double nodeCostUsd, double nreUsd, double targetNodeCostUsd) =>
        targetNodeCostUsd > nodeCostUsd ? nreUsd / (targetNodeCostUsd - nodeCostUsd) : null;
}
