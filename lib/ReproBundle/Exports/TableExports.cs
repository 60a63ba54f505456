using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Exports;

/// <summary>
/// The table exports of <c>reproduce</c>: Table 1 with its derived columns recomputed, Table 2 with its
/// ratios recomputed, and the Appendix D projections table of all six platforms.
/// </summary>
public static class TableExports
{
    /// <summary>Writes <c>tables/table1_baselines.csv</c>, <c>tables/table2_projections.csv</c>, <c>tables/projections_table.csv</c>, <c>tables/agent_density.csv</c> and <c>tables/projection_chain.csv</c>.</summary>
    public static void Write(OutputStage stage, PaperData data)
    {
        WriteTable1(stage, data);
        WriteTable2(stage, data);
        WriteProjectionsTable(stage, data);
        AgentDensityTable.Write(stage, data);
        ProjectionChainTable.Write(stage, data);
    }

    private static object?[] Ends(Interval? value) => value is { } v ? [v.Lo, v.Hi] : [null, null];

    /// <summary>Columns of <c>table1_baselines.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Table1Columns =
    [
        "platform", "platform_id", "status",
        "energy_j_per_token_lo", "energy_j_per_token_hi", "tok_s_per_chip_lo", "tok_s_per_chip_hi",
        "energy_j_per_token_printed_lo", "energy_j_per_token_printed_hi", "tok_s_per_chip_printed_lo", "tok_s_per_chip_printed_hi",
        "chips_per_deployment_lo", "chips_per_deployment_hi", "capex_usd_lo", "capex_usd_hi",
        "tok_s_deployment_lo", "tok_s_deployment_hi", "power_w_lo", "power_w_hi", "precision", "reference", "source",
    ];

    /// <summary>Table 1 (§2.2): printed columns, and the two derived columns recomputed by <see cref="CalibratedBaselines"/>.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Table1Rows(PaperData data) =>
        data.Table1.Select(p => (IReadOnlyList<object?>)
        [
            p.Platform, p.Id, p.Status,
            .. Ends(CalibratedBaselines.EnergyJoulesPerToken(p)), .. Ends(CalibratedBaselines.TokensPerSecondPerChip(p)),
            .. Ends(p.EnergyJoulesPerTokenPrinted), .. Ends(p.TokensPerSecondPerChipPrinted),
            .. Ends(p.ChipsPerDeployment), .. Ends(p.CapexUsd), .. Ends(p.TokensPerSecondPerDeployment), .. Ends(p.SystemPowerWatts),
            p.Precision, p.Reference, p.Source,
        ]);

    private static void WriteTable1(OutputStage stage, PaperData data) =>
        stage.WriteCsv("tables/table1_baselines.csv", Table1Columns, Table1Rows(data));

    /// <summary>Columns of <c>table2_projections.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Table2Columns =
    [
        "metric", "metric_id", "unit", "better", "h100_lo", "h100_hi", "asic_lo", "asic_hi",
        "ratio_published_lo", "ratio_published_hi", "ratio_computed_lo", "ratio_computed_hi",
        "ratio_paired_ends_lo", "ratio_paired_ends_hi", "published_matches_computed", "source",
    ];

    /// <summary>Table 2 (§4.1): each row's columns and its ratios recomputed by <see cref="Table2Projection.Ratios"/>.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Table2Rows(PaperData data) =>
        Table2Projection.Ratios(data.Table2).Select(r => (IReadOnlyList<object?>)
        [
            r.Row.Metric, r.Row.MetricId, r.Row.Unit, r.Row.Better == Better.Higher ? "higher" : "lower",
            .. Ends(r.Row.H100), .. Ends(r.Row.Asic), .. Ends(r.Row.RatioPrinted), .. Ends(r.RatioComputed), .. Ends(r.RatioPairedEnds),
            r.PrintedMatchesComputed, r.Row.Source,
        ]);

    private static void WriteTable2(OutputStage stage, PaperData data) =>
        stage.WriteCsv("tables/table2_projections.csv", Table2Columns, Table2Rows(data));

    private static void WriteProjectionsTable(OutputStage stage, PaperData data) =>
        stage.WriteCsv("tables/projections_table.csv", PlatformProjections.Columns,
            PlatformProjections.Rows(data).Select(PlatformProjections.Cells));
}
