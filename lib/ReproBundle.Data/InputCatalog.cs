namespace ReproBundle.Data;

/// <summary>
/// One named input: its name in <c>data/inputs.csv</c> and in <c>--assumptions</c>, its domain, whether it must be a
/// single number, and where it lives in <see cref="PaperInputs"/>.
/// </summary>
/// <param name="Name">Dotted name, e.g. <c>appc.h100.tok_s</c>.</param>
/// <param name="Domain">The values it may take.</param>
/// <param name="PointOnly">True when the model needs a single number (a range is rejected at load and in overrides).</param>
/// <param name="Get">Reads the value from typed inputs.</param>
/// <param name="With">Returns typed inputs with this value replaced (already validated).</param>
public sealed record InputBinding(string Name, InputDomain Domain, bool PointOnly, Func<PaperInputs, Interval> Get, Func<PaperInputs, Interval, PaperInputs> With);

/// <summary>
/// The closed list of inputs the library reads from <c>data/inputs.csv</c>, each bound to one property of
/// <see cref="PaperInputs"/>: the one mapping between names and the typed model, used by the loader and by
/// <c>--assumptions</c> alike. A name in the file that is not listed here is a typo and is rejected; so is a
/// listed name missing from the file.
/// </summary>
public static class InputCatalog
{
    private static InputBinding Range(string name, InputDomain domain, Func<PaperInputs, Interval> get, Func<PaperInputs, Interval, PaperInputs> with) =>
        new(name, domain, false, get, with);

    private static InputBinding Point(string name, InputDomain domain, Func<PaperInputs, double> get, Func<PaperInputs, double, PaperInputs> with) =>
        new(name, domain, true, x => Interval.Point(get(x)), (x, v) => with(x, v.PointValue));

    /// <summary>Every input, in the order of <c>data/inputs.csv</c>.</summary>
    public static readonly IReadOnlyList<InputBinding> Bindings =
    [
        Range("s1.dense_parameters", InputDomain.Positive, x => x.S1DenseParameters, (x, v) => x with { S1DenseParameters = v }),
        Range("s1.bf16_bytes_per_parameter", InputDomain.Positive, x => x.S1Bf16BytesPerParameter, (x, v) => x with { S1Bf16BytesPerParameter = v }),
        Range("s1.h100_decode_tok_s", InputDomain.Positive, x => x.S1H100DecodeTokensPerSecond, (x, v) => x with { S1H100DecodeTokensPerSecond = v }),
        Range("s1.h100_cloud_usd_per_hour", InputDomain.Positive, x => x.S1H100CloudUsdPerHour, (x, v) => x with { S1H100CloudUsdPerHour = v }),
        Range("h100.hbm_bandwidth_bytes_per_s", InputDomain.Positive, x => x.H100HbmBytesPerSecond, (x, v) => x with { H100HbmBytesPerSecond = v }),
        Range("h100.hbm_capacity_bytes", InputDomain.Positive, x => x.H100HbmCapacityBytes, (x, v) => x with { H100HbmCapacityBytes = v }),
        Range("groq.sram_bytes_per_chip", InputDomain.Positive, x => x.GroqSramBytesPerChip, (x, v) => x with { GroqSramBytesPerChip = v }),
        Range("groq.sram_bandwidth_bytes_per_s_per_chip", InputDomain.Positive, x => x.GroqSramBytesPerSecondPerChip, (x, v) => x with { GroqSramBytesPerSecondPerChip = v }),
        Range("cerebras.sram_bytes", InputDomain.Positive, x => x.CerebrasSramBytes, (x, v) => x with { CerebrasSramBytes = v }),
        Range("cerebras.sram_bandwidth_bytes_per_s", InputDomain.Positive, x => x.CerebrasSramBytesPerSecond, (x, v) => x with { CerebrasSramBytesPerSecond = v }),
        Range("workload.total_parameters", InputDomain.Positive, x => x.TotalParameters, (x, v) => x with { TotalParameters = v }),
        Range("workload.active_parameters", InputDomain.Positive, x => x.ActiveParameters, (x, v) => x with { ActiveParameters = v }),
        Range("workload.fp4_bytes_per_parameter", InputDomain.Positive, x => x.Fp4BytesPerParameter, (x, v) => x with { Fp4BytesPerParameter = v }),
        Range("workload.fp16_bytes_per_parameter", InputDomain.Positive, x => x.Fp16BytesPerParameter, (x, v) => x with { Fp16BytesPerParameter = v }),
        Range("model.sram_fraction", InputDomain.Share, x => x.SramFraction, (x, v) => x with { SramFraction = v }),
        Range("model.batch_efficiency_factor", InputDomain.AtLeastOne, x => x.BatchEfficiencyFactor, (x, v) => x with { BatchEfficiencyFactor = v }),
        Range("model.utilization", InputDomain.Fraction, x => x.Utilization, (x, v) => x with { Utilization = v }),
        Range("asic.sram_bytes_per_die", InputDomain.Positive, x => x.AsicSramBytesPerDie, (x, v) => x with { AsicSramBytesPerDie = v }),
        Range("asic.sram_bytes_per_node", InputDomain.Positive, x => x.AsicSramBytesPerNode, (x, v) => x with { AsicSramBytesPerNode = v }),
        Range("asic.node_power_w", InputDomain.Positive, x => x.AsicNodePowerWatts, (x, v) => x with { AsicNodePowerWatts = v }),
        Range("asic.node_cost_usd", InputDomain.Positive, x => x.AsicNodeCostUsd, (x, v) => x with { AsicNodeCostUsd = v }),
        Range("table2.lifetime_years", InputDomain.Positive, x => x.Table2LifetimeYears, (x, v) => x with { Table2LifetimeYears = v }),
        Range("table2.utilization", InputDomain.Fraction, x => x.Table2Utilization, (x, v) => x with { Table2Utilization = v }),
        Range("nre.tapeout_usd", InputDomain.Positive, x => x.TapeoutNreUsd, (x, v) => x with { TapeoutNreUsd = v }),
        Range("s4_2.h100_density_streams_per_musd", InputDomain.Positive, x => x.H100DensityStreamsPerMillionUsd, (x, v) => x with { H100DensityStreamsPerMillionUsd = v }),
        Range("s4_2.asic_density_streams_per_musd", InputDomain.Positive, x => x.AsicDensityStreamsPerMillionUsd, (x, v) => x with { AsicDensityStreamsPerMillionUsd = v }),
        Point("appc.h100.capex_usd", InputDomain.Positive, x => x.AppendixCH100.CapexUsd, (x, v) => x with { AppendixCH100 = x.AppendixCH100 with { CapexUsd = v } }),
        Point("appc.h100.lifetime_years", InputDomain.Positive, x => x.AppendixCH100.LifetimeYears, (x, v) => x with { AppendixCH100 = x.AppendixCH100 with { LifetimeYears = v } }),
        Point("appc.h100.utilization", InputDomain.Fraction, x => x.AppendixCH100.Utilization, (x, v) => x with { AppendixCH100 = x.AppendixCH100 with { Utilization = v } }),
        Point("appc.h100.tok_s", InputDomain.Positive, x => x.AppendixCH100.TokensPerSecond, (x, v) => x with { AppendixCH100 = x.AppendixCH100 with { TokensPerSecond = v } }),
        Point("appc.h100.stream_tok_s", InputDomain.Positive, x => x.AppendixCH100.StreamTokensPerSecond, (x, v) => x with { AppendixCH100 = x.AppendixCH100 with { StreamTokensPerSecond = v } }),
        Point("appc.asic.capex_usd", InputDomain.Positive, x => x.AppendixCAsic.CapexUsd, (x, v) => x with { AppendixCAsic = x.AppendixCAsic with { CapexUsd = v } }),
        Point("appc.asic.lifetime_years", InputDomain.Positive, x => x.AppendixCAsic.LifetimeYears, (x, v) => x with { AppendixCAsic = x.AppendixCAsic with { LifetimeYears = v } }),
        Point("appc.asic.utilization", InputDomain.Fraction, x => x.AppendixCAsic.Utilization, (x, v) => x with { AppendixCAsic = x.AppendixCAsic with { Utilization = v } }),
        Point("appc.asic.tok_s", InputDomain.Positive, x => x.AppendixCAsic.TokensPerSecond, (x, v) => x with { AppendixCAsic = x.AppendixCAsic with { TokensPerSecond = v } }),
        Point("appc.asic.stream_tok_s", InputDomain.Positive, x => x.AppendixCAsic.StreamTokensPerSecond, (x, v) => x with { AppendixCAsic = x.AppendixCAsic with { StreamTokensPerSecond = v } }),
        Point("appc.fp4_shortfall_factor", InputDomain.Fraction, x => x.Fp4ShortfallFactor, (x, v) => x with { Fp4ShortfallFactor = v }),
        Point("appc.deployment_usd", InputDomain.Positive, x => x.DeploymentUsd, (x, v) => x with { DeploymentUsd = v }),
        Range("etched.server_capex_usd", InputDomain.Positive, x => x.EtchedServerCapexUsd, (x, v) => x with { EtchedServerCapexUsd = v }),
    ];

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
    /// <summary>Every binding by name.</summary>
    public static readonly IReadOnlyDictionary<string, InputBinding> ByName = Bindings.ToDictionary(b => b.Name, StringComparer.Ordinal);

    /// <summary>Every known input name and the values it may take.</summary>
    public static readonly IReadOnlyDictionary<string, InputDomain> Domains = Bindings.ToDictionary(b => b.Name, b => b.Domain, StringComparer.Ordinal);

    /// <summary>Typed inputs from validated values, one per binding (the caller has checked that none is missing).</summary>
    public static PaperInputs ToPaperInputs(IReadOnlyDictionary<string, InputValue> values) =>
        Bindings.Aggregate(new PaperInputs(), (x, b) => b.With(x, values[b.Name].Value));

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
