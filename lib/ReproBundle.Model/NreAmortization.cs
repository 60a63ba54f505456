using System.Numerics;

namespace ReproBundle;

/// <summary>
/// §4.3 "Where NRE and supply chain bite": tape-out NRE spread over the nodes shipped raises the effective
/// cost of each node, and so the effective $/M tokens, above the steady-state Table 2 bound. Every method serves
/// a point (<see cref="double"/>) and a range (<see cref="Interval"/>) alike.
/// </summary>
public static class NreAmortization
{
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
}
