namespace ReproBundle;

/// <summary>One row of Table 2 (§4.1) as printed. See <c>data/table2_projections.csv</c>.</summary>
/// <param name="MetricId">Short id, e.g. <c>decode_single</c>.</param>
/// <param name="Metric">The metric as printed.</param>
/// <param name="Unit">Unit of the two value columns.</param>
/// <param name="Better">Which direction is an improvement.</param>
/// <param name="H100">H100 baseline column.</param>
/// <param name="Asic">Custom ASIC (projected) column.</param>
/// <param name="RatioPrinted">The printed "Ratio" column [x].</param>
/// <param name="Source">Paper locator.</param>
/// <param name="Note">Reading note.</param>
public sealed record Table2Row(string MetricId, string Metric, string Unit, Better Better, Interval H100, Interval Asic,
    Interval RatioPrinted, string Source, string Note);

/// <summary>
/// Table 2 (§4.1) by row, typed: the loader builds it once from <c>data/table2_projections.csv</c> (a missing row is a
/// load error), so no code looks a row up by its id.
/// </summary>
/// <param name="DecodeSingle">"Decode throughput, single request (tok/s)".</param>
/// <param name="DecodeBatch64">"Decode throughput, batch=64 (tok/s aggregate)".</param>
/// <param name="EnergyPerToken">"Energy per token (J)".</param>
/// <param name="Ttft">"TTFT (ms, single request)".</param>
/// <param name="CostPerMillionTokens">"CapEx-amortized $/M decode tokens (3yr, 80% util)".</param>
/// <param name="MaxContext">"Max context length before KV-cache eviction".</param>
public sealed record Table2Rows(Table2Row DecodeSingle, Table2Row DecodeBatch64, Table2Row EnergyPerToken, Table2Row Ttft,
    Table2Row CostPerMillionTokens, Table2Row MaxContext)
{
    /// <summary>The row ids in printed order; the loader requires each exactly once.</summary>
    public static readonly IReadOnlyList<string> MetricIds = ["decode_single", "decode_batch64", "energy_per_token", "ttft", "cost_per_mtok", "max_context"];

    /// <summary>Builds the typed rows from rows in any order, or returns the first missing id.</summary>
    public static (Table2Rows? Rows, string? MissingId) From(IReadOnlyList<Table2Row> rows)
    {
        Table2Row? R(string id) => rows.FirstOrDefault(r => r.MetricId == id);
        var missing = MetricIds.FirstOrDefault(id => R(id) is null);
        return missing is not null ? (null, missing)
            : (new Table2Rows(R("decode_single")!, R("decode_batch64")!, R("energy_per_token")!, R("ttft")!, R("cost_per_mtok")!, R("max_context")!), null);
    }
}
