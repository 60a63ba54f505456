using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of §4.3: the NRE penalty and the volume that amortizes it.
/// </summary>
internal sealed class Section4_3Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§4.3";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        c["s4_3.penalty_at_threshold"] = () =>
        {
            var factor = NreAmortization.CostPenaltyFactor(asicCost, nre, PrintedVolumeNodes);
            var first = NreAmortization.CostPenaltyFactor(asicCost, nre, 1);
            var until = new Interval(factor.Lo, first.Hi);
            // §4.3 names three costs (NRE, fab capacity, the software stack) and prices only NRE: like OpEx under CapEx (policy §7),
            // the NRE penalty is a floor under the printed one.
            return FromReadings(new Reading("at the volume", factor, $"NRE alone: (C + NRE / N) / C with C = ${S(asicCost)}, NRE = ${S(nre / 1e6)} M, N = " +
                $"{S(PrintedVolumeNodes)} nodes = {S(factor)}x; fab capacity and the software stack are named but not priced", ReadingKind.Floor),
                new Reading("until the volume", until, $"the same factor over every volume up to {S(PrintedVolumeNodes)} nodes spans {S(until)}x (the NRE " +
                    $"alone falls below {S(PrintedPenaltyLow)}x at {S(NreAmortization.NodesForPenaltyFactor(asicCost, nre, PrintedPenaltyLow))} " +
                    $"nodes)", ReadingKind.Envelope));
        };
        c["s4_3.volume_for_3x"] = () =>
        {
            var n = NreAmortization.NodesForPenaltyFactor(asicCost, nre, PrintedPenaltyLow);
            var n10 = NreAmortization.NodesForPenaltyFactor(asicCost, nre, PrintedPenaltyHigh);
            // NRE alone gives the least volume that amortizes the penalty; the unpriced costs can only raise it (a floor, policy §7).
            return FromReadings(new Reading("NRE alone", n, $"N = NRE / (({S(PrintedPenaltyLow)} - 1) x C) = {UnitText.After(S(n), "nodes")} for a " +
                $"{S(PrintedPenaltyLow)}x penalty ({UnitText.After(S(n10), "nodes")} for {S(PrintedPenaltyHigh)}x); fab capacity and the software stack, named " +
                "but not priced, can only raise it", ReadingKind.Floor));
        };

    }
}
