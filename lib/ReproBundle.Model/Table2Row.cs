namespace ReproBundle.Data;

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
