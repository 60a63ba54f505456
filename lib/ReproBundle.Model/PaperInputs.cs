namespace ReproBundle;

/// <summary>
/// Every named input of the paper, typed: one property per row of <c>data/inputs.csv</c>, the unit in the
/// name, the paper locator in the doc. A range the paper prints is an <see cref="Interval"/>; a single number
/// that an equation needs as a point is a <see cref="double"/>. The two Appendix C worked examples are typed
/// <see cref="AgentDensityInputs"/>. Built by the bundle's loader from data/ (and a reviewer's overrides); the
/// model itself reads no file.
/// </summary>
public sealed record PaperInputs
{
    /// <summary><c>s1.dense_parameters</c> [parameters]: §1 "a 70B-parameter dense model"</summary>
    public Interval S1DenseParameters { get; init; }

    /// <summary><c>s1.bf16_bytes_per_parameter</c> [bytes/parameter]: §1 "in BF16"</summary>
    public Interval S1Bf16BytesPerParameter { get; init; }

    /// <summary><c>s1.h100_decode_tok_s</c> [tokens/s per request]: §1 "decodes at ~30 tokens/second per request"</summary>
    public Interval S1H100DecodeTokensPerSecond { get; init; }

    /// <summary><c>s1.h100_cloud_usd_per_hour</c> [USD/hour]: §1 "At ~$3/hour cloud pricing"</summary>
    public Interval S1H100CloudUsdPerHour { get; init; }

    /// <summary><c>h100.hbm_bandwidth_bytes_per_s</c> [bytes/s]: §1 "limited by HBM3 bandwidth (3.35 TB/s)"</summary>
    public Interval H100HbmBytesPerSecond { get; init; }

    /// <summary><c>h100.hbm_capacity_bytes</c> [bytes]: bundle assumption: H100 SXM ships with 80 GB of HBM3 (NVIDIA's product specification). The paper never states the capacity; the bundle needs it only to check whether §1's 140 GB model fits on one H100.</summary>
    public Interval H100HbmCapacityBytes { get; init; }

    /// <summary><c>groq.sram_bytes_per_chip</c> [bytes]: §2.1 "Groq: ~230 MB SRAM per TSP"</summary>
    public Interval GroqSramBytesPerChip { get; init; }

    /// <summary><c>groq.sram_bandwidth_bytes_per_s_per_chip</c> [bytes/s]: §2.1 "at ~80 TB/s aggregate"</summary>
    public Interval GroqSramBytesPerSecondPerChip { get; init; }

    /// <summary><c>cerebras.sram_bytes</c> [bytes]: §2.1 "Cerebras WSE-3: 44 GB on-wafer SRAM"</summary>
    public Interval CerebrasSramBytes { get; init; }

    /// <summary><c>cerebras.sram_bandwidth_bytes_per_s</c> [bytes/s]: §2.1 "at ~21 PB/s aggregate"</summary>
    public Interval CerebrasSramBytesPerSecond { get; init; }

    /// <summary><c>workload.total_parameters</c> [parameters]: §3.1 "Total parameters: P_total in [1.0, 2.0] T"</summary>
    public Interval TotalParameters { get; init; }

    /// <summary><c>workload.active_parameters</c> [parameters]: §3.1 "Active parameters per token: P_active in [200, 400] B"</summary>
    public Interval ActiveParameters { get; init; }

    /// <summary><c>workload.fp4_bytes_per_parameter</c> [bytes/parameter]: §3.1 "FP4 weights"</summary>
    public Interval Fp4BytesPerParameter { get; init; }

    /// <summary><c>workload.fp16_bytes_per_parameter</c> [bytes/parameter]: Table 2 "(MoE, ~200B active FP16)"</summary>
    public Interval Fp16BytesPerParameter { get; init; }

    /// <summary><c>model.sram_fraction</c> [fraction of W_active]: §3.2 "SRAM fraction (0-100% of W_active resident)"</summary>
    public Interval SramFraction { get; init; }

    /// <summary><c>model.batch_efficiency_factor</c> [dimensionless]: §3.2 "batch_efficiency_factor (1x single request, up to ~64x at full batch)"</summary>
    public Interval BatchEfficiencyFactor { get; init; }

    /// <summary><c>model.utilization</c> [fraction]: §3.2 "utilization (40-90%)"</summary>
    public Interval Utilization { get; init; }

    /// <summary><c>asic.sram_bytes_per_die</c> [bytes]: §3.3 "~8 GB on-die SRAM per die"</summary>
    public Interval AsicSramBytesPerDie { get; init; }

    /// <summary><c>asic.sram_bytes_per_node</c> [bytes]: §3.3 "targeting 200-400 GB SRAM per node"</summary>
    public Interval AsicSramBytesPerNode { get; init; }

    /// <summary><c>asic.node_power_w</c> [W]: §3.3 "Package power: ~1.5-2.5 kW per node"</summary>
    public Interval AsicNodePowerWatts { get; init; }

    /// <summary><c>asic.node_cost_usd</c> [USD]: §3.3 "Assumed cost: $8-20 K per node at volume"</summary>
    public Interval AsicNodeCostUsd { get; init; }

    /// <summary><c>table2.lifetime_years</c> [years]: Table 2 "CapEx-amortized $/M decode tokens (3yr, 80% util)"</summary>
    public Interval Table2LifetimeYears { get; init; }

    /// <summary><c>table2.utilization</c> [fraction]: Table 2 "CapEx-amortized $/M decode tokens (3yr, 80% util)"</summary>
    public Interval Table2Utilization { get; init; }

    /// <summary><c>nre.tapeout_usd</c> [USD]: §4.3 "Tape-out NRE at 3 nm: $40-80 M"</summary>
    public Interval TapeoutNreUsd { get; init; }

    /// <summary><c>s4_2.h100_density_streams_per_musd</c> [streams per $1M CapEx]: §4.2 "On H100 class: roughly 60-150 concurrent streams per $1 M"</summary>
    public Interval H100DensityStreamsPerMillionUsd { get; init; }

    /// <summary><c>s4_2.asic_density_streams_per_musd</c> [streams per $1M CapEx]: §4.2 "Projected on reference ASIC: 3,000-12,000 concurrent streams per $1 M"</summary>
    public Interval AsicDensityStreamsPerMillionUsd { get; init; }

    /// <summary><c>appc.fp4_shortfall_factor</c> [dimensionless]: Appendix C Sensitivity "If FP4 QAT delivers only 2x over FP8 (rather than the assumed 4x), t halves"</summary>
    public double Fp4ShortfallFactor { get; init; }

    /// <summary><c>appc.deployment_usd</c> [USD]: Appendix C Interpretation "how many always-on Claude agents can a $10 M deployment support?"</summary>
    public double DeploymentUsd { get; init; }

    /// <summary><c>etched.server_capex_usd</c> [USD]: bundle assumption: Table 1 gives Etched's CapEx as n/a (pre-shipping). Fig. 2 needs a cost bar, so the bundle assumes the price of the 8-GPU server Sohu is pitched against: 8 x the paper's $30 K H100 = $240 K, up to $400 K for host, network and margin. Replace it with a real price when one is published.</summary>
    public Interval EtchedServerCapexUsd { get; init; }

    /// <summary><c>appc.h100.*</c>: the Appendix C H100 worked example, "C = 30,000 USD, L = 3 yr, u = 0.7, t = 25 tok/s, r = 5 tok/s".</summary>
    public AgentDensityInputs AppendixCH100 { get; init; }

    /// <summary><c>appc.asic.*</c>: the Appendix C reference-ASIC worked example, "C = 12,000 USD, L = 3 yr, u = 0.8, t = 500 tok/s, r = 5 tok/s".</summary>
    public AgentDensityInputs AppendixCAsic { get; init; }
}
