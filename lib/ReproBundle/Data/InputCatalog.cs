namespace ReproBundle.Data;

/// <summary>
/// The closed list of inputs the library reads from <c>data/inputs.csv</c>, each with its domain. A name in
/// the file that is not listed here is a typo and is rejected; so is a listed name missing from the file.
/// </summary>
public static class InputCatalog
{
    /// <summary>Every known input name and the values it may take.</summary>
    public static readonly IReadOnlyDictionary<string, InputDomain> Domains = new Dictionary<string, InputDomain>(StringComparer.Ordinal)
    {
        ["s1.dense_parameters"] = InputDomain.Positive,
        ["s1.bf16_bytes_per_parameter"] = InputDomain.Positive,
        ["s1.weight_footprint_bytes"] = InputDomain.Positive,
        ["s1.h100_decode_tok_s"] = InputDomain.Positive,
        ["s1.h100_cloud_usd_per_hour"] = InputDomain.Positive,
        ["h100.hbm_bandwidth_bytes_per_s"] = InputDomain.Positive,
        ["h100.hbm_capacity_bytes"] = InputDomain.Positive,
        ["groq.sram_bytes_per_chip"] = InputDomain.Positive,
        ["groq.sram_bandwidth_bytes_per_s_per_chip"] = InputDomain.Positive,
        ["cerebras.sram_bytes"] = InputDomain.Positive,
        ["cerebras.sram_bandwidth_bytes_per_s"] = InputDomain.Positive,
        ["workload.total_parameters"] = InputDomain.Positive,
        ["workload.active_parameters"] = InputDomain.Positive,
        ["workload.max_context_tokens"] = InputDomain.Positive,
        ["workload.fp4_bytes_per_parameter"] = InputDomain.Positive,
        ["workload.fp16_bytes_per_parameter"] = InputDomain.Positive,
        ["model.sram_fraction"] = InputDomain.Share,
        ["model.batch_efficiency_factor"] = InputDomain.AtLeastOne,
        ["model.utilization"] = InputDomain.Fraction,
        ["asic.sram_bytes_per_die"] = InputDomain.Positive,
        ["asic.sram_bytes_per_node"] = InputDomain.Positive,
        ["asic.node_power_w"] = InputDomain.Positive,
        ["asic.node_cost_usd"] = InputDomain.Positive,
        ["table2.lifetime_years"] = InputDomain.Positive,
        ["table2.utilization"] = InputDomain.Fraction,
        ["nre.tapeout_usd"] = InputDomain.Positive,
        ["s4_2.h100_density_streams_per_musd"] = InputDomain.Positive,
        ["s4_2.asic_density_streams_per_musd"] = InputDomain.Positive,
        ["appc.h100.capex_usd"] = InputDomain.Positive,
        ["appc.h100.lifetime_years"] = InputDomain.Positive,
        ["appc.h100.utilization"] = InputDomain.Fraction,
        ["appc.h100.tok_s"] = InputDomain.Positive,
        ["appc.h100.stream_tok_s"] = InputDomain.Positive,
        ["appc.asic.capex_usd"] = InputDomain.Positive,
        ["appc.asic.lifetime_years"] = InputDomain.Positive,
        ["appc.asic.utilization"] = InputDomain.Fraction,
        ["appc.asic.tok_s"] = InputDomain.Positive,
        ["appc.asic.stream_tok_s"] = InputDomain.Positive,
        ["appc.fp4_shortfall_factor"] = InputDomain.Fraction,
        ["appc.deployment_usd"] = InputDomain.Positive,
        ["etched.server_capex_usd"] = InputDomain.Positive,
    };

    /// <summary>The smallest non-zero magnitude any input may have (bundle bound: the data's smallest is 0.02).</summary>
    public const double MinMagnitude = 1e-9;

    /// <summary>The largest magnitude any input may have (bundle bound: the data's largest is 2.1e16 bytes/s).</summary>
    public const double MaxMagnitude = 1e18;

    /// <summary>
    /// Why <paramref name="value"/> is outside the magnitudes any input may have (finite, 0 or between
    /// <see cref="MinMagnitude"/> and <see cref="MaxMagnitude"/> in size), or null. The bound keeps every derived
    /// quantity finite and non-zero: no product or quotient of a few such values overflows or underflows.
    /// </summary>
    public static string? MagnitudeViolation(double value) =>
        !double.IsFinite(value) ? "must be a finite number"
        : value != 0 && (Math.Abs(value) < MinMagnitude || Math.Abs(value) > MaxMagnitude) ? "must be 0 or between 1e-09 and 1e+18 in size"
        : null;

    /// <summary>Null when <paramref name="value"/> fits <paramref name="domain"/>, else the allowed range in words.</summary>
    public static string? Violation(InputDomain domain, Interval value) => MagnitudeViolation(value.Lo) ?? MagnitudeViolation(value.Hi) ?? domain switch
    {
        InputDomain.Positive when value.Lo <= 0 => "must be greater than 0",
        InputDomain.Fraction when value.Lo <= 0 || value.Hi > 1 => "must lie in (0, 1]",
        InputDomain.Share when value.Lo < 0 || value.Hi > 1 => "must lie in [0, 1]",
        InputDomain.AtLeastOne when value.Lo < 1 => "must be at least 1",
        _ => null,
    };
}
