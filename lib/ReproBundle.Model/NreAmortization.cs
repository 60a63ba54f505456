namespace ReproBundle;

/// <summary>
/// §4.3 "Where NRE and supply chain bite": tape-out NRE spread over the nodes shipped raises the effective
/// cost of each node, and so the effective $/M tokens, above the steady-state Table 2 bound.
/// </summary>
public static class NreAmortization
{
    /// <summary>Effective cost of one node [USD] = node cost C [USD] + NRE [USD] / nodes shipped N.</summary>
    public static double EffectiveNodeCostUsd(double nodeCostUsd, double nreUsd, double nodesShipped) => nodeCostUsd + nreUsd / nodesShipped;

    /// <summary>
    /// How many times worse the effective $/M tokens is than the steady-state (NRE-free) cost:
    /// (C + NRE/N) / C [x]. CapEx-only $/M tokens is proportional to node cost, so this factor carries over.
    /// </summary>
    public static double CostPenaltyFactor(double nodeCostUsd, double nreUsd, double nodesShipped) =>
        EffectiveNodeCostUsd(nodeCostUsd, nreUsd, nodesShipped) / nodeCostUsd;

    /// <summary>Interval form of <see cref="CostPenaltyFactor(double, double, double)"/>: 1 + NRE / (N · C) [x].</summary>
    public static Interval CostPenaltyFactor(Interval nodeCostUsd, Interval nreUsd, double nodesShipped) =>
        nreUsd / (nodeCostUsd * nodesShipped) + 1;

    /// <summary>
    /// The volume N [nodes] at which the penalty factor equals <paramref name="factor"/> (&gt; 1):
    /// N = NRE / ((factor - 1) · C), the closed-form inverse of <see cref="CostPenaltyFactor(double, double, double)"/>.
    /// </summary>
    public static double NodesForPenaltyFactor(double nodeCostUsd, double nreUsd, double factor)
    {
        if (!(factor > 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "must be greater than 1");
        return nreUsd / ((factor - 1) * nodeCostUsd);
    }

    /// <summary>Interval form of <see cref="NodesForPenaltyFactor(double, double, double)"/> [nodes].</summary>
    public static Interval NodesForPenaltyFactor(Interval nodeCostUsd, Interval nreUsd, double factor) =>
        nreUsd / (nodeCostUsd * (factor - 1));
}
