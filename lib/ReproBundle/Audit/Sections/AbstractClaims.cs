using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of the abstract: the benchmarks' throughput and energy headlines, against Table 1.
/// </summary>
internal sealed class AbstractClaims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "Abstract";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        c["abstract.throughput_ratio"] = ThroughputOverH100;
        c["abstract.energy_ratio"] = () =>
        {
            Interval Over(PlatformBaseline x) => CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(x);
            var verifiable = Interval.Hull(Over(groq), Over(cerebras));
            var withEtched = Interval.Hull(verifiable, Over(etched));
            return FromReadings(new Reading("Table 1 verifiable platforms", verifiable, $"H100 {S(CalibratedBaselines.EnergyJoulesPerToken(h100))} " +
                $"J/token over Groq {S(CalibratedBaselines.EnergyJoulesPerToken(groq))} J ({S(Over(groq))}x) and Cerebras " +
                $"{S(CalibratedBaselines.EnergyJoulesPerToken(cerebras))} J ({S(Over(cerebras))}x), from Table 1's power and throughput"),
                new Reading("Table 1 with Etched's claim", Over(etched), $"H100 over Etched's unaudited " +
                    $"{S(CalibratedBaselines.EnergyJoulesPerToken(etched))} J/token = {S(Over(etched))}x (with the verifiable platforms: {S(withEtched)}x)"));
        };
    }
}
