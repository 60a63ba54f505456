using System.Text.Json;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Exports;

/// <summary>The agent-density table (§4.2, Appendix C) as rows, CSV and JSON (the derivation as text: <see cref="AgentDensityDerivation"/>).</summary>
public static class AgentDensityTable
{
    /// <summary>The column names of <c>agent_density.csv</c>, also the keys of <c>density --json</c>.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "scenario", "capex_usd", "lifetime_years", "utilization", "tok_s", "stream_tok_s", "hourly_capex_usd",
        "cost_usd_per_mtok", "streams_per_node", "density_per_musd", "density_per_musd_at_utilization", "source",
        "printed_streams_per_node", "printed_density_per_musd", "printed_density_per_musd_at_utilization",
    ];

    /// <summary>The steps whose printed values (Appendix C, from data/claims.csv) get a <c>printed_</c> column.</summary>
    public static readonly IReadOnlyList<string> PrintedSteps = ["streams_per_node", "density_per_musd", "density_per_musd_at_utilization"];

    /// <summary>
    /// The cells of one row in <see cref="Columns"/> order; <paramref name="claims"/> given, the worked examples (scenario
    /// <c>h100</c> and <c>asic</c>) carry the values Appendix C prints for their steps, other rows leave them empty.
    /// </summary>
    public static IReadOnlyList<object?> Cells(string scenario, AgentDensitySteps s, string source, IReadOnlyList<Claim>? claims = null) =>
    [
        scenario, s.Inputs.CapexUsd, s.Inputs.LifetimeYears, s.Inputs.Utilization, s.Inputs.TokensPerSecond,
        s.Inputs.StreamTokensPerSecond, s.HourlyCapexUsd, s.CostUsdPerMillionTokens, s.StreamsPerNode,
        s.DensityPerMillionUsd, s.DensityPerMillionUsdAtUtilization, source,
        .. PrintedSteps.Select(step => Printed(scenario, step, claims)),
    ];

    private static object? Printed(string scenario, string step, IReadOnlyList<Claim>? claims) =>
        claims is not null && scenario is "h100" or "asic" && AppendixCSideBySide.PrintedClaimId(scenario, step) is { } id
            ? claims.Single(c => c.ClaimId == id).Published.Lo
            : null;

    /// <summary>Writes <c>tables/agent_density.csv</c>, with the printed values read from the data folder's claims.csv.</summary>
    public static void Write(OutputStage stage, PaperData data) => stage.WriteCsv("tables/agent_density.csv", Columns, Rows(data));

    /// <summary>The rows of <c>agent_density.csv</c> (§4.2, Appendix C), with the printed values read from the data folder's claims.csv.</summary>
    public static IReadOnlyList<IReadOnlyList<object?>> Rows(PaperData data)
    {
        var claims = Claim.Load(Path.Combine(data.DataDirectory, "claims.csv"));
        return [.. Scenarios.AgentDensityRows(data.Values).Select(r => Cells(r.Scenario, r.Steps, r.Source, claims))];
    }

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
                else if (cells[i] is null) w.WriteNull(Columns[i]);
                else w.WriteString(Columns[i], (string?)cells[i]);
            }
            w.WriteEndObject();
        }
        return OutputStage.Utf8.GetString(buffer.ToArray());
    }
}
