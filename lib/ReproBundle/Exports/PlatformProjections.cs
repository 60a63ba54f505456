using ReproBundle.Data;

namespace ReproBundle.Exports;

/// <summary>
/// One platform of the Appendix D <c>projections_table.csv</c> ("all 6 with ranges"): the five Table 1
/// platforms and the projected reference ASIC, on one basis so Fig. 2 and Fig. 3 can compare them.
/// </summary>
/// <param name="Id">Platform id (<c>h100</c> ... <c>etched</c>, <c>custom_asic</c>).</param>
/// <param name="Platform">Display name.</param>
/// <param name="Status"><c>published</c>, <c>vendor-claim</c> or <c>projection</c>: the legend class of Fig. 2 and 3.</param>
/// <param name="TokensPerSecondSingleStream">Single-stream decode throughput of one deployment [tokens/s].</param>
/// <param name="EnergyJoulesPerToken">Energy per token [J/token].</param>
/// <param name="CostUsdPerMillionTokens">CapEx-amortized cost [USD per million tokens], 3 years, 80% utilization; null where no CapEx is known.</param>
/// <param name="CapexUsd">CapEx of one deployment [USD]; null where unknown.</param>
/// <param name="EnergyBasis">How the energy value was obtained.</param>
/// <param name="CostBasis">How the cost value was obtained, naming any bundle assumption.</param>
/// <param name="Source">Paper locator of the platform's row.</param>
public sealed record PlatformProjection(string Id, string Platform, string Status, Interval TokensPerSecondSingleStream,
    Interval EnergyJoulesPerToken, Interval? CostUsdPerMillionTokens, Interval? CapexUsd, string EnergyBasis, string CostBasis, string Source);

/// <summary>Builds the six-platform projections table (Appendix D) from Table 1, Table 2 and §3.3.</summary>
public static class PlatformProjections
{
    /// <summary>Columns of <c>projections_table.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "platform_id", "platform", "status", "tok_s_single_lo", "tok_s_single_hi", "energy_j_per_token_lo", "energy_j_per_token_hi",
        "cost_usd_per_mtok_lo", "cost_usd_per_mtok_hi", "capex_usd_lo", "capex_usd_hi", "energy_basis", "cost_basis", "source",
    ];

    /// <summary>
    /// The six rows. Table 1 platforms: energy = system power / throughput; cost = CapEx amortized over
    /// Table 2's basis (3 years, 80% utilization) at Table 1's single-stream deployment throughput, so a
    /// cluster that serves many streams at once looks as expensive as one stream makes it. Etched's CapEx is
    /// the bundle assumption <c>etched.server_capex_usd</c>. The ASIC row is Table 2's projection as printed.
    /// </summary>
    public static IReadOnlyList<PlatformProjection> Rows(PaperData data)
    {
        var rows = new List<PlatformProjection>();
        foreach (var p in data.Table1)
        {
            Interval? capex = p.CapexUsd;
            string costBasis = $"{Table2Projection.CostBasisText(data.Values, "Table 1 single-stream tok/s")}; OpEx not included (the paper gives no price)";
            if (capex is null && p == data.Table1Rows.Etched)
            {
                capex = data.Values.EtchedServerCapexUsd;
                // the value is typed; its name and rationale are data/inputs.csv's provenance columns, which only the row holds
                var provenance = data.Input(AssumptionOverrides.InputName("etched.server_capex_usd"));
                costBasis += $"; CapEx is a bundle assumption ({provenance.Name}): {provenance.Note}";
            }
            Interval? cost = capex is { } c ? Table2Projection.CapexCostAtTable2Basis(data.Values, c, p.TokensPerSecondPerDeployment) : null;
            rows.Add(new PlatformProjection(p.Id, p.Platform, p.Status, p.TokensPerSecondPerDeployment, CalibratedBaselines.EnergyJoulesPerToken(p),
                cost, capex, "system power / single-stream deployment throughput (Table 1 columns)", costBasis, p.Source));
        }
        var single = data.Table2Rows.DecodeSingle;
        var energy = data.Table2Rows.EnergyPerToken;
        var costRow = data.Table2Rows.CostPerMillionTokens;
        rows.Add(new PlatformProjection("custom_asic", "Reference custom ASIC (projected)", "projection", single.Asic, energy.Asic, costRow.Asic,
            data.Values.AsicNodeCostUsd, "Table 2 \"Energy per token (J)\" as printed (projection)",
            "Table 2 \"CapEx-amortized $/M decode tokens (3yr, 80% util)\" as printed (projection)", "Table 2 column \"Custom ASIC (projected)\"; §3.3"));
        return rows;
    }

    /// <summary>The cells of one row in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<object?> Cells(PlatformProjection r) =>
    [
        r.Id, r.Platform, r.Status, r.TokensPerSecondSingleStream.Lo, r.TokensPerSecondSingleStream.Hi,
        r.EnergyJoulesPerToken.Lo, r.EnergyJoulesPerToken.Hi, r.CostUsdPerMillionTokens?.Lo, r.CostUsdPerMillionTokens?.Hi,
        r.CapexUsd?.Lo, r.CapexUsd?.Hi, r.EnergyBasis, r.CostBasis, r.Source,
    ];
}
