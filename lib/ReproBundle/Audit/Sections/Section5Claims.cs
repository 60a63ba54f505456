using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of §5 the paper's data can recompute: the lead of dedicated silicon on the radar's axes 1-4 (Table 1).
/// </summary>
internal sealed class Section5Claims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§5";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        c["s5.leads_axes_1_4"] = () =>
        {
            var axis1 = ThroughputOverH100();
            Interval CostEfficiency(PlatformBaseline x) => (h100.CapexUsd!.Value / h100.TokensPerSecondPerDeployment) / (x.CapexUsd!.Value / x.TokensPerSecondPerDeployment);
            Interval EnergyEfficiency(PlatformBaseline x) => CalibratedBaselines.EnergyJoulesPerToken(h100) / CalibratedBaselines.EnergyJoulesPerToken(x);
            var every = new[] { axis1.Value!.Value, EnergyEfficiency(groq), EnergyEfficiency(cerebras), CostEfficiency(groq),
                CostEfficiency(cerebras) }.Aggregate(Interval.Hull);
            return FromReadings(new Reading("where it leads: axis 1", axis1.Readings[1].Value, $"\"where it leads\" read as the axis Table 1 shows a lead " +
                $"on, decode throughput: {axis1.Readings[1].Detail}"),
                new Reading("every axis 1, 3, 4", every, $"Table 1 for Groq and Cerebras over the H100 on throughput ({S(axis1.Readings[1].Value)}x), " +
                    $"energy efficiency (Groq {S(EnergyEfficiency(groq))}x, Cerebras {S(EnergyEfficiency(cerebras))}x) and CapEx per single-stream tok/s " +
                    $"(Groq {S(CostEfficiency(groq))}x, Cerebras {S(CostEfficiency(cerebras))}x); axis 2 (batch 64) is not in Table 1; together {S(every)}x"));
        };
    }
}
