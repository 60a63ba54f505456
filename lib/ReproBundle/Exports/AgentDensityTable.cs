using System.Text;
using System.Text.Json;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Exports;

/// <summary>One row of <c>output/tables/agent_density.csv</c>: a scenario, its Appendix C steps and where its inputs come from.</summary>
/// <param name="Scenario">Row name: <c>h100</c>, <c>asic</c>, <c>asic_fp4_pessimistic</c>, or a §4.2 range end.</param>
/// <param name="Steps">Every Appendix C intermediate.</param>
/// <param name="Source">Paper locator of the inputs, or how an input was implied.</param>
public sealed record AgentDensityRow(string Scenario, AgentDensitySteps Steps, string Source);

/// <summary>The agent-density table (§4.2, Appendix C) as rows, CSV, JSON and text.</summary>
public static class AgentDensityTable
{
    /// <summary>The column names of <c>agent_density.csv</c>, also the keys of <c>density --json</c>.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "scenario", "capex_usd", "lifetime_years", "utilization", "tok_s", "stream_tok_s", "hourly_capex_usd",
        "cost_usd_per_mtok", "streams_per_node", "density_per_musd", "density_per_musd_at_utilization", "source",
    ];

    /// <summary>The Appendix C inputs of node type <paramref name="node"/> (<c>h100</c> or <c>asic</c>) from data/.</summary>
    public static AgentDensityInputs WorkedExampleInputs(PaperData data, string node) => new(
        data.Scalar($"appc.{node}.capex_usd"), data.Scalar($"appc.{node}.lifetime_years"), data.Scalar($"appc.{node}.utilization"),
        data.Scalar($"appc.{node}.tok_s"), data.Scalar($"appc.{node}.stream_tok_s"));

    /// <summary>
    /// The rows: both worked examples, the pessimistic FP4 case (t halved), and the four §4.2 range ends,
    /// each with the t it implies when C, L, u and r stay at the worked example's values.
    /// </summary>
    public static IReadOnlyList<AgentDensityRow> Rows(PaperData data)
    {
        var h100 = WorkedExampleInputs(data, "h100");
        var asic = WorkedExampleInputs(data, "asic");
        var shortfall = data.Scalar("appc.fp4_shortfall_factor");
        var rows = new List<AgentDensityRow>
        {
            new("h100", AgentDensity.Derive(h100), "Appendix C, worked example - H100 baseline"),
            new("asic", AgentDensity.Derive(asic), "Appendix C, worked example - Reference custom ASIC"),
            new("asic_fp4_pessimistic", AgentDensity.Derive(asic with { TokensPerSecond = asic.TokensPerSecond * shortfall }),
                "Appendix C, Sensitivity: \"If FP4 QAT delivers only 2x over FP8 ..., t halves\""),
        };
        var h100Range = data.Range("s4_2.h100_density_streams_per_musd");
        var asicRange = data.Range("s4_2.asic_density_streams_per_musd");
        rows.Add(RangeEnd("h100_range_lo", h100, h100Range.Lo, "low"));
        rows.Add(RangeEnd("h100_range_hi", h100, h100Range.Hi, "high"));
        rows.Add(RangeEnd("asic_range_lo", asic, asicRange.Lo, "low"));
        rows.Add(RangeEnd("asic_range_hi", asic, asicRange.Hi, "high"));
        return rows;
    }

    private static AgentDensityRow RangeEnd(string scenario, AgentDensityInputs example, double printedDensity, string end)
    {
        var t = AgentDensity.ImpliedTokensPerSecond(printedDensity, example.CapexUsd, example.Utilization, example.StreamTokensPerSecond);
        return new(scenario, AgentDensity.Derive(example with { TokensPerSecond = t }),
            $"§4.2 printed range, {end} end D = {Interval.Format(printedDensity)}; tok_s implied by it with C, L, u, r of the worked example (the paper gives no inputs for the range ends)");
    }

    /// <summary>The cells of one row in <see cref="Columns"/> order.</summary>
    public static IReadOnlyList<object?> Cells(string scenario, AgentDensitySteps s, string source) =>
    [
        scenario, s.Inputs.CapexUsd, s.Inputs.LifetimeYears, s.Inputs.Utilization, s.Inputs.TokensPerSecond,
        s.Inputs.StreamTokensPerSecond, s.HourlyCapexUsd, s.CostUsdPerMillionTokens, s.StreamsPerNode,
        s.DensityPerMillionUsd, s.DensityPerMillionUsdAtUtilization, source,
    ];

    /// <summary>Writes <c>tables/agent_density.csv</c>.</summary>
    public static void Write(OutputStage stage, PaperData data) =>
        stage.WriteCsv("tables/agent_density.csv", Columns, Rows(data).Select(r => Cells(r.Scenario, r.Steps, r.Source)));

    /// <summary>One JSON object with the <see cref="Columns"/> names (scenario "custom", source "command line").</summary>
    public static string ToJson(AgentDensitySteps steps)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            var cells = Cells("custom", steps, "command line");
            for (int i = 0; i < Columns.Count; i++)
            {
                if (cells[i] is double d) w.WriteNumber(Columns[i], d);
                else w.WriteString(Columns[i], (string?)cells[i]);
            }
            w.WriteEndObject();
        }
        return OutputStage.Utf8.GetString(buffer.ToArray());
    }

    /// <summary>The derivation as a reader follows it in Appendix C, one step a line.</summary>
    public static string ToText(AgentDensitySteps s)
    {
        string F(double v) => Interval.Format(v);
        var x = s.Inputs;
        var sb = new StringBuilder();
        sb.Append($"Appendix C agent density for C = {F(x.CapexUsd)} USD, L = {F(x.LifetimeYears)} yr, u = {F(x.Utilization)}, t = {F(x.TokensPerSecond)} tok/s, r = {F(x.StreamTokensPerSecond)} tok/s\n");
        sb.Append($"  hourly amortized CapEx      C / (L*365*24)                 = {F(s.HourlyCapexUsd)} USD/hour\n");
        sb.Append($"  cost per million tokens     C / (L*365*24*3600*u*t) * 1e6  = {F(s.CostUsdPerMillionTokens)} USD/M tokens\n");
        sb.Append($"  streams per node            t / r                          = {F(s.StreamsPerNode)}\n");
        sb.Append($"  streams per $1M CapEx (D)   (1e6 / C) * (t / r)            = {F(s.DensityPerMillionUsd)}\n");
        sb.Append($"  adjusted for utilization    D * u                          = {F(s.DensityPerMillionUsdAtUtilization)}\n");
        return sb.ToString();
    }
}
