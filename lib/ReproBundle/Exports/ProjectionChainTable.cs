using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Exports;

/// <summary>
/// <c>output/tables/projection_chain.csv</c>: the §3.2 chain (bandwidth -> decode time -> throughput -> energy -> cost)
/// for the reference ASIC, one row per <see cref="Scenarios.ProjectionChains"/> scenario, every step as a range, with
/// the dies per node that §3.3's SRAM target implies (<see cref="Scenarios.SramDiesPerNode"/>) on every row.
/// </summary>
public static class ProjectionChainTable
{
    /// <summary>The column names.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "scenario", "w_active_bytes_lo", "w_active_bytes_hi", "sram_fraction_lo", "sram_fraction_hi", "sram_bytes_per_s_lo", "sram_bytes_per_s_hi", "hbm_bytes_per_s_lo", "hbm_bytes_per_s_hi",
        "batch_efficiency_factor_lo", "batch_efficiency_factor_hi", "power_w_lo", "power_w_hi", "capex_usd_lo", "capex_usd_hi",
        "lifetime_years_lo", "lifetime_years_hi", "utilization_lo", "utilization_hi", "node_sram_dies_lo", "node_sram_dies_hi",
        "effective_bytes_per_s_lo", "effective_bytes_per_s_hi", "decode_s_per_token_lo", "decode_s_per_token_hi",
        "tok_s_lo", "tok_s_hi", "energy_j_per_token_lo", "energy_j_per_token_hi", "cost_usd_per_mtok_lo", "cost_usd_per_mtok_hi", "source",
    ];

    private static object?[] Ends(Interval v) => [v.Lo, v.Hi];

    /// <summary>The rows, in <see cref="Columns"/> order.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(PaperInputs inputs)
    {
        var dies = Scenarios.SramDiesPerNode(inputs);
        return Scenarios.ProjectionChains(inputs).Select(r =>
        {
            var c = r.Chain;
            var x = c.Inputs;
            return (IReadOnlyList<object?>)
            [
                r.Scenario, .. Ends(x.ActiveWeightBytes), .. Ends(x.SramFraction), .. Ends(x.SramBytesPerSecond), .. Ends(x.HbmBytesPerSecond),
                .. Ends(x.BatchEfficiencyFactor), .. Ends(x.SystemPowerWatts), .. Ends(x.CapexUsd), .. Ends(x.LifetimeYears), .. Ends(x.Utilization),
                .. Ends(dies), .. Ends(c.EffectiveBytesPerSecond), .. Ends(c.DecodeSecondsPerToken), .. Ends(c.SteadyTokensPerSecond),
                .. Ends(c.EnergyJoulesPerToken), .. Ends(c.CostUsdPerMillionTokens), r.Source,
            ];
        });
    }

    /// <summary>Writes <c>tables/projection_chain.csv</c>.</summary>
    public static void Write(OutputStage stage, PaperData data) => stage.WriteCsv("tables/projection_chain.csv", Columns, Rows(data.Values));
}
