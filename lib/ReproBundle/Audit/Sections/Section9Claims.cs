using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of §9: the 1-2 orders of magnitude across the economic metrics (Table 2).
/// </summary>
internal sealed class Section9Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§9";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        c["s9.orders_of_magnitude"] = () =>
        {
            var economic = new[] { "decode_single", "energy_per_token",
                "cost_per_mtok" }.Select(id => RatioReadings(_d.Table2.Single(r => r.MetricId == id)).Ends.Value).Aggregate(Interval.Hull);
            var all = _d.Table2.Select(r => RatioReadings(r).Ends.Value).Aggregate(Interval.Hull);
            return FromReadings(new Reading("economic metrics", economic, $"Table 2's columns, matching ends, for single-request throughput, energy per " +
                $"token and $/M tokens: {S(economic)}x"),
                new Reading("every Table 2 metric", all, $"the same over all {_d.Table2.Count} Table 2 rows, TTFT and context included: {S(all)}x"));
        };

    }
}
