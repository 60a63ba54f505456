namespace ReproBundle.Uncertainty;

/// <summary>One bar of the tornado: a factor moved to its low and high end with every other input at its midpoint.</summary>
/// <param name="Factor">Factor id (a quantity id, or <c>stream_tok_s</c> for r on both platforms together).</param>
/// <param name="Symbol">The paper's symbol(s).</param>
/// <param name="DataName">The overridable name(s) it is read from.</param>
/// <param name="Prior">"fixed", "uniform" or "log-uniform".</param>
/// <param name="Low">The factor's low end.</param>
/// <param name="High">The factor's high end.</param>
/// <param name="RatioAtLow">D_ASIC / D_H100 with the factor at its low end [x].</param>
/// <param name="RatioAtHigh">D_ASIC / D_H100 with the factor at its high end [x].</param>
/// <param name="Baseline">D_ASIC / D_H100 with every input at its midpoint [x].</param>
public sealed record TornadoBar(string Factor, string Symbol, string DataName, string Prior, double Low, double High,
    double RatioAtLow, double RatioAtHigh, double Baseline)
{
    /// <summary>|ratio at high - ratio at low| [x]: the length of the bar, by which bars are sorted.</summary>
    public double Swing => Math.Abs(RatioAtHigh - RatioAtLow);
}

/// <summary>
/// One-at-a-time sensitivity of the agent-density ratio D_ASIC / D_H100: each input at its low and its high end,
/// every other input at its arithmetic midpoint (the paper's "midpoint", Appendix C). The two r inputs move
/// together as one factor, since they describe one workload (§10 O5); moving them alone would ask a different question.
/// </summary>
public static class Tornado
{
    /// <summary>The bars of <paramref name="model"/>, longest first (ties by factor id); fixed inputs have zero swing and come last.</summary>
    public static IReadOnlyList<TornadoBar> Bars(UncertaintyModel model)
    {
        var q = model.Quantities;
        var baseline = UncertaintyModel.Evaluate(model.Midpoint()).DensityRatio;
        var factors = new List<(string Id, string Symbol, string Name, int[] Members)>();
        for (int i = 0; i < q.Count; i++)
        {
            if (i == UncertaintyModel.AsicStream) continue;
            factors.Add(i == UncertaintyModel.H100Stream
                ? ("stream_tok_s", "r", $"{q[i].DataName}, {q[UncertaintyModel.AsicStream].DataName}", [i, UncertaintyModel.AsicStream])
                : (q[i].Id, q[i].Symbol, q[i].DataName, [i]));
        }
        var bars = factors.Select(f =>
        {
            var first = q[f.Members[0]].Prior;
            double At(bool high) => UncertaintyModel.Evaluate(model.Pick((i, x) =>
                f.Members.Contains(i) ? (high ? x.Prior.Range.Hi : x.Prior.Range.Lo) : x.Prior.Range.Midpoint)).DensityRatio;
            return new TornadoBar(f.Id, f.Symbol, f.Name, first.KindText, first.Range.Lo, first.Range.Hi, At(false), At(true), baseline);
        });
        return bars.OrderByDescending(b => b.Swing).ThenBy(b => b.Factor, StringComparer.Ordinal).ToList();
    }
}
