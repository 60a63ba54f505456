using Deedle;
using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Figures;

/// <summary>
/// One point of the Fig. 1 radar: a platform's value on one axis, what is plotted for it, and where it comes from.
/// Ratio axes plot the improvement over H100 on the same basis [x]; the maturity axis plots the score itself.
/// </summary>
/// <param name="PlatformId">Platform id.</param>
/// <param name="Platform">Display name.</param>
/// <param name="IsProjection">True for the projected custom ASIC (drawn dashed).</param>
/// <param name="AxisOrder">1-6, the paper's axis numbering (§5).</param>
/// <param name="AxisId">Axis id.</param>
/// <param name="Axis">Axis label.</param>
/// <param name="Unit">Unit of the true value.</param>
/// <param name="ValueLo">True value, low end [Unit].</param>
/// <param name="ValueHi">True value, high end [Unit].</param>
/// <param name="PlottedLo">Plotted value, low end: ratio to H100 [x], or the score [0-10].</param>
/// <param name="PlottedHi">Plotted value, high end.</param>
/// <param name="IsRatio">True on the five ratio axes, false on software maturity.</param>
/// <param name="Reference">The H100 value the ratio is taken against, with its basis; empty on the maturity axis.</param>
/// <param name="Source">Paper locator, or the bundle assumption and its file.</param>
/// <param name="IsBundleAssumption">True where the value rests on a bundle assumption rather than the paper: read from the
/// <c>source</c> column of the <c>data/figures/</c> row it comes from (<c>bundle-assumption</c>); false for values of Table 1 and Table 2.</param>
public sealed record RadarPoint(string PlatformId, string Platform, bool IsProjection, int AxisOrder, string AxisId, string Axis, string Unit,
    double ValueLo, double ValueHi, double PlottedLo, double PlottedHi, bool IsRatio, string Reference, string Source, bool IsBundleAssumption);

/// <summary>One Table 2 row's ratio three ways, flat for a Deedle frame.</summary>
/// <param name="MetricId">Table 2 metric id.</param>
/// <param name="Metric">Metric as printed.</param>
/// <param name="PublishedLo">Printed ratio, low end [x].</param>
/// <param name="PublishedHi">Printed ratio, high end [x].</param>
/// <param name="IntervalLo">Interval-arithmetic ratio, low end [x].</param>
/// <param name="IntervalHi">Interval-arithmetic ratio, high end [x].</param>
/// <param name="PairedLo">Paired-ends ratio, low end [x].</param>
/// <param name="PairedHi">Paired-ends ratio, high end [x].</param>
/// <param name="PublishedMatches">Whether the printed ratio matches the interval-arithmetic one (within 0.5).</param>
public sealed record Table2RatioPoint(string MetricId, string Metric, double PublishedLo, double PublishedHi,
    double IntervalLo, double IntervalHi, double PairedLo, double PairedHi, bool PublishedMatches);

/// <summary>
/// The typed rows each figure is drawn from, and the Deedle frame of the same rows that the notebooks display, each
/// built from data/ through the library (never from numbers typed here). The figures take the typed rows
/// (<see cref="RadarPoints"/>, <see cref="PlatformRows"/>, <see cref="AgentDensityRows"/>, <see cref="Table2RatioRows"/>);
/// every frame is <c>Frame.FromRecords</c> of rows like them, one row per record and one column per record property, and
/// nothing reads a frame back by column name to draw.
/// </summary>
public static class FigureFrames
{
    /// <summary>The six-platform Appendix D table (<see cref="PlatformProjections.Rows"/>), the rows of Fig. 2 and Fig. 3.</summary>
    public static IReadOnlyList<PlatformProjection> PlatformRows(PaperData data) => PlatformProjections.Rows(data);

    /// <summary><see cref="PlatformRows"/> as a frame, for display.</summary>
    public static Frame<int, string> Platforms(PaperData data) => Frame.FromRecords(PlatformRows(data));

    /// <summary>The Appendix C agent-density rows (<see cref="Scenarios.AgentDensityRows"/>), the rows of the agent-density chart.</summary>
    public static IReadOnlyList<AgentDensityRow> AgentDensityRows(PaperData data) => Scenarios.AgentDensityRows(data.Values);

    /// <summary><see cref="AgentDensityRows"/> as a frame for display, flattened to one column per step.</summary>
    public static Frame<int, string> AgentDensity(PaperData data) => Frame.FromRecords(AgentDensityRows(data).Select(r => new
    {
        r.Scenario,
        r.Steps.HourlyCapexUsd,
        r.Steps.CostUsdPerMillionTokens,
        r.Steps.StreamsPerNode,
        r.Steps.DensityPerMillionUsd,
        r.Steps.DensityPerMillionUsdAtUtilization,
        r.Source,
    }));

    /// <summary>Table 2's printed ratios with the two recomputations (<see cref="Table2Projection.Ratios"/>), the rows of the Table 2 ratios chart.</summary>
    public static IReadOnlyList<Table2Ratio> Table2RatioRows(PaperData data) => Table2Projection.Ratios(data.Table2);

    /// <summary><see cref="Table2RatioRows"/> as a frame for display, one <see cref="Table2RatioPoint"/> per row.</summary>
    public static Frame<int, string> Table2Ratios(PaperData data) => Frame.FromRecords(Table2RatioRows(data).Select(r =>
        new Table2RatioPoint(r.Row.MetricId, r.Row.Metric, r.Row.RatioPrinted.Lo, r.Row.RatioPrinted.Hi, r.RatioComputed.Lo, r.RatioComputed.Hi,
            r.RatioPairedEnds.Lo, r.RatioPairedEnds.Hi, r.PrintedMatchesComputed)));

    /// <summary>The radar's platforms in drawing order: Table 1 without Etched Sohu (§5: "Etched Sohu excluded"), then the projected ASIC.</summary>
    public static readonly IReadOnlyList<string> RadarPlatforms = ["h100", "b200", "groq", "cerebras", "custom_asic"];

    /// <summary>The Fig. 1 radar points (<see cref="RadarPoints"/>) as a frame, for display.</summary>
    public static Frame<int, string> Radar(PaperData data, FigureInputs inputs) => Frame.FromRecords(RadarPoints(data, inputs));

    /// <summary>
    /// Every point of Fig. 1: five platforms x six axes (§5). Table 1 platforms are compared with Table 1's H100 (Llama-70B
    /// basis) where Table 1 has the metric; the ASIC and the axes only Table 2 has are compared with Table 2's H100
    /// (Claude-class basis). Energy and cost of Table 1 platforms come from <see cref="PlatformProjections"/>.
    /// </summary>
    public static IReadOnlyList<RadarPoint> RadarPoints(PaperData data, FigureInputs inputs)
    {
        var projections = PlatformProjections.Rows(data).ToDictionary(p => p.Id);
        var h100 = projections["h100"];
        var points = new List<RadarPoint>();
        const string table1Basis = "Table 1 H100 (Llama-70B)";
        const string table2Basis = "Table 2 H100 (Claude-class MoE)";

        foreach (var id in RadarPlatforms)
        {
            var isAsic = id == "custom_asic";
            var p = projections[id];
            var name = isAsic ? "Custom ASIC (projected)" : p.Platform;

            void Add(int order, string axisId, string axis, string unit, Better better, Interval value, Interval reference, string basis, string source, bool assumed = false)
            {
                var plotted = id == "h100" ? Interval.Point(1) : Table2Projection.Ratio(better, reference, value);
                points.Add(new RadarPoint(id, name, isAsic, order, axisId, axis, unit, value.Lo, value.Hi, plotted.Lo, plotted.Hi, true,
                    $"{basis}: {Quantity.Text(reference)} {unit}", source, assumed));
            }

            // A value of data/figures/radar_assumptions.csv, marked by its own source column.
            void AddAssumed(int order, string axisId, string axis, string unit, Interval reference)
            {
                var a = inputs.Assumption(id, axisId);
                Add(order, axisId, axis, unit, Better.Higher, a.Value, reference, table2Basis, $"{a.Source}, data/{FigureInputs.FileNames[0]}", IsBundleAssumption(a.Source));
            }

            // Axis 1: single-request decode.
            if (isAsic) Add(1, "decode_single", "Decode tok/s, single request", "tok/s", Better.Higher, data.Table2Rows.DecodeSingle.Asic, data.Table2Rows.DecodeSingle.H100, table2Basis, data.Table2Rows.DecodeSingle.Source);
            else Add(1, "decode_single", "Decode tok/s, single request", "tok/s", Better.Higher, p.TokensPerSecondSingleStream, h100.TokensPerSecondSingleStream, table1Basis, p.Source);

            // Axis 2: batch-64 decode; only Table 2 prints it (H100 and ASIC).
            var batch = data.Table2Rows.DecodeBatch64;
            if (id == "h100") Add(2, "decode_batch64", "Decode tok/s, batch 64", batch.Unit, Better.Higher, batch.H100, batch.H100, table2Basis, batch.Source);
            else if (isAsic) Add(2, "decode_batch64", "Decode tok/s, batch 64", batch.Unit, Better.Higher, batch.Asic, batch.H100, table2Basis, batch.Source);
            else AddAssumed(2, "decode_batch64", "Decode tok/s, batch 64", batch.Unit, batch.H100);

            // Axis 3: energy efficiency, plotted as H100 J/token over the platform's J/token.
            var energy = data.Table2Rows.EnergyPerToken;
            if (isAsic) Add(3, "energy_efficiency", "Energy efficiency, 1/(J/token)", "J/token", Better.Lower, energy.Asic, energy.H100, table2Basis, energy.Source);
            else Add(3, "energy_efficiency", "Energy efficiency, 1/(J/token)", "J/token", Better.Lower, p.EnergyJoulesPerToken, h100.EnergyJoulesPerToken, table1Basis,
                $"{p.Source}; {p.EnergyBasis}");

            // Axis 4: CapEx cost efficiency, plotted as H100 $/M over the platform's $/M.
            var cost = data.Table2Rows.CostPerMillionTokens;
            if (isAsic) Add(4, "cost_efficiency", "Cost efficiency, 1/($/M tokens)", "USD per million tokens", Better.Lower, cost.Asic, cost.H100, table2Basis, cost.Source);
            else Add(4, "cost_efficiency", "Cost efficiency, 1/($/M tokens)", "USD per million tokens", Better.Lower,
                p.CostUsdPerMillionTokens ?? throw new InvalidOperationException($"{id} has no cost per million tokens"),
                h100.CostUsdPerMillionTokens!.Value, table1Basis, $"{p.Source}; CapEx / ({Quantity.Text(data.Values.Table2LifetimeYears)} yr x {Quantity.Percent(data.Values.Table2Utilization)} x single-stream tok/s)");

            // Axis 5: context length; only Table 2 prints it.
            var context = data.Table2Rows.MaxContext;
            if (id == "h100") Add(5, "max_context", "Context length supported", context.Unit, Better.Higher, context.H100, context.H100, table2Basis, context.Source);
            else if (isAsic) Add(5, "max_context", "Context length supported", context.Unit, Better.Higher, context.Asic, context.H100, table2Basis, context.Source);
            else AddAssumed(5, "max_context", "Context length supported", context.Unit, context.H100);

            // Axis 6: software maturity, absolute; an assumption when any of its criterion scores is one.
            var score = inputs.MaturityScoreOf(id);
            var scoreSources = inputs.Scores.Where(s => s.PlatformId == id).Select(s => s.Source).Distinct().ToList();
            points.Add(new RadarPoint(id, name, isAsic, 6, "software_maturity", "Software-stack maturity", "points of 10", score.Lo, score.Hi, score.Lo, score.Hi, false, "",
                $"{string.Join("; ", scoreSources)}: bundle rubric, data/figures/software_maturity_*.csv (the paper publishes no scores)",
                scoreSources.Any(IsBundleAssumption)));
        }
        return points;
    }

    /// <summary>Whether a <c>source</c> cell of <c>data/figures/</c> marks a bundle assumption (rather than a paper locator).</summary>
    public static bool IsBundleAssumption(string source) => source.StartsWith(FigureInputs.BundleAssumption, StringComparison.Ordinal);
}
