using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// What every section's claim provider shares: the loaded data, the quantities several sections read (Table 1's rows,
/// the H100's memory, Appendix C's worked examples), and the readings more than one section computes. Each check uses only
/// data/ and the library's equations; the claim's printed value is never an input to its own check.
/// </summary>
internal abstract class SectionClaims : IClaimCheckProvider
{
    /// <summary>The loaded (possibly overridden) data.</summary>
    protected readonly PaperData _d;

    protected readonly PlatformBaseline h100, groq, cerebras, etched;
    protected readonly Interval h100Bandwidth, h100Capacity, denseParams, bf16, footprint, s1Tok;
    protected readonly Interval activeFp16, totalFp16, gpusForActive, asicCost, asicSingle, h100Density, asicDensity, h100Table2, nre;
    protected readonly AgentDensityInputs h100Inputs, asicInputs;
    protected readonly AgentDensitySteps h100Steps, asicSteps, asicPessimistic;
    protected readonly double shortfall, deployment;

    /// <summary>Reads the shared quantities from <paramref name="data"/> and builds the section's checks.</summary>
    protected SectionClaims(PaperData data)
    {
        _d = data;
        h100 = data.Table1Rows.H100;
        groq = data.Table1Rows.Groq;
        cerebras = data.Table1Rows.Cerebras;
        etched = data.Table1Rows.Etched;
        h100Bandwidth = data.Values.H100HbmBytesPerSecond;
        h100Capacity = data.Values.H100HbmCapacityBytes;
        denseParams = data.Values.S1DenseParameters;
        bf16 = data.Values.S1Bf16BytesPerParameter;
        footprint = BandwidthBound.WeightBytes(denseParams, bf16);
        s1Tok = data.Values.S1H100DecodeTokensPerSecond;
        activeFp16 = Table2Projection.H100ActiveWeightBytes(data.Values);
        // One residency rule for both platforms (docs/verdict-policy.md): every expert stays resident, as t2.asic.sram_holds_total requires of the ASIC.
        totalFp16 = Table2Projection.H100TotalWeightBytes(data.Values);
        gpusForActive = BandwidthBound.DevicesToHold(totalFp16, h100Capacity);
        h100Inputs = Scenarios.AppendixCH100(data.Values);
        asicInputs = Scenarios.AppendixCAsic(data.Values);
        h100Steps = AgentDensity.Derive(h100Inputs);
        asicSteps = AgentDensity.Derive(asicInputs);
        shortfall = data.Values.Fp4ShortfallFactor;
        asicPessimistic = AgentDensity.Derive(Scenarios.AsicFp4Pessimistic(data.Values));
        asicCost = data.Values.AsicNodeCostUsd;
        asicSingle = data.Table2Rows.DecodeSingle.Asic;
        h100Density = data.Values.H100DensityStreamsPerMillionUsd;
        asicDensity = data.Values.AsicDensityStreamsPerMillionUsd;
        h100Table2 = data.Table2Rows.DecodeSingle.H100;
        deployment = data.Values.DeploymentUsd;
        nre = data.Values.TapeoutNreUsd;
    }

    /// <summary>The paper section whose claims this provider checks ("§1", "Table 2 and §3").</summary>
    public abstract string Section { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ClaimCheck> Checks
    {
        get
        {
            var c = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
            Add(c);
            return c;
        }
    }

    /// <summary>Adds this section's checks, keyed by claim id.</summary>
    protected abstract void Add(Dictionary<string, ClaimCheck> c);

    protected static string S(double v) => Quantity.Text(v);
    protected static string S(Interval v) => Quantity.Text(v);
    protected const double Giga = 1e9;

    protected const double PrintedVolumeNodes = NreAmortization.PrintedVolumeNodes;
    protected const double PrintedPenaltyLow = NreAmortization.PrintedPenaltyFactorLow, PrintedPenaltyHigh = NreAmortization.PrintedPenaltyFactorHigh;

    /// <summary>How the audit reads Table 2's H100 baseline (docs/verdict-policy.md, "Consistency").</summary>
    protected const string OneGpu = "table2.h100_baseline=one-gpu", MultiGpu = "table2.h100_baseline=multi-gpu";

    /// <summary>One batch regime for both platforms (docs/verdict-policy.md, section 7): the single request of Table 2's first row.</summary>
    protected const string Single = "batch_regime=single-request", Batch64 = "batch_regime=batch-64", AnyBatch = "batch_regime=any";

    /// <summary>One residency rule for both platforms: every weight (every expert of a MoE) stays resident.</summary>
    protected const string EveryWeight = "memory_residency=every-weight";

    /// <summary>One OpEx rule for both platforms: CapEx is a floor under the OpEx the paper names but does not price.</summary>
    protected const string CapexFloor = "opex=capex-floor";

    /// <summary>The three Table 2 ratio readings: matching ends, ratio of midpoints, interval arithmetic.</summary>
    protected static (Reading Ends, Reading Mid, Reading Envelope) RatioReadings(Table2Row row)
    {
        var ends = Table2Projection.RatioPairedEnds(row.Better, row.H100, row.Asic);
        var mid = Table2Projection.Ratio(row.Better, Interval.Point(row.H100.Midpoint), Interval.Point(row.Asic.Midpoint));
        var all = Table2Projection.Ratio(row.Better, row.H100, row.Asic);
        var dir = row.Better == Better.Higher ? "ASIC / H100" : "H100 / ASIC";
        return (new Reading("matching ends", ends, $"{dir} on Table 2's \"{row.Metric}\" columns {S(row.H100)} and {S(row.Asic)} {row.Unit}, low end with " +
            $"low end and high with high = {S(ends)}x"),
            new Reading("ratio of midpoints", mid, $"{dir} of the columns' midpoints {S(row.H100.Midpoint)} and {S(row.Asic.Midpoint)} = " +
                $"{S(mid)}x", ReadingKind.Central),
            new Reading("interval arithmetic", all, $"{dir} over every pair of values in the two columns = {S(all)}x", ReadingKind.Envelope));
    }

    protected static ClaimComputation FromReadings(Reading first, params Reading[] rest) =>
        new(first.Value, first.Detail) { PrimaryName = first.Name, PrimaryKind = first.Kind, PrimaryAssumes = first.Assumes, Alternatives = rest };

    /// <summary>"every expert resident …: N TB of FP16 weights need n H100s of 80 GB", for the several-GPU readings.</summary>
    protected string GpuNote() => $"every expert resident (the rule the ASIC's SRAM is held to): {S(totalFp16 / 1e12)} TB of FP16 weights need " +
        $"{S(gpusForActive)} H100s of {S(h100Capacity / Giga)} GB";

    /// <summary>§2.3, the abstract and §5: decode throughput of the verifiable platforms over the H100 (Table 1), three baselines.</summary>
    protected ClaimComputation ThroughputOverH100()
    {
        Interval Hull(Interval h) => Interval.Hull(groq.TokensPerSecondPerDeployment / h, cerebras.TokensPerSecondPerDeployment / h);
        var table1 = Hull(h100.TokensPerSecondPerDeployment);
        var s1 = Hull(s1Tok);
        var mid = Hull(Interval.Point(h100.TokensPerSecondPerDeployment.Midpoint));
        return FromReadings(
            new Reading("Table 1 H100 range", table1, $"Groq {S(groq.TokensPerSecondPerDeployment)} and Cerebras " +
                $"{S(cerebras.TokensPerSecondPerDeployment)} tok/s over Table 1's H100 {S(h100.TokensPerSecondPerDeployment)} tok/s = {S(table1)}x"),
            new Reading("§1's H100", s1, $"the same over §1's H100 baseline of ~{S(s1Tok)} tok/s = {S(s1)}x"),
            new Reading("Table 1 H100 midpoint", mid, $"the same over the midpoint {S(h100.TokensPerSecondPerDeployment.Midpoint)} tok/s of Table 1's " +
                $"H100 range = {S(mid)}x"));
    }

    /// <summary>Appendix C's "midpoints": arithmetic, and geometric for ranges the paper plots on a log scale.</summary>
    protected static ClaimComputation Midpoint(string what, Interval range, params Reading[] more)
    {
        var geometric = Math.Sqrt(range.Lo * range.Hi);
        return FromReadings(new Reading("arithmetic midpoint", Interval.Point(range.Midpoint), $"arithmetic midpoint of {what} {S(range)} = " +
            $"{S(range.Midpoint)}") { Assumes = ["appc.midpoint=arithmetic"] },
            [new Reading("geometric midpoint", Interval.Point(geometric), $"geometric midpoint of {what} {S(range)} (the paper's figures use log scales) " +
                $"= {S(geometric)}") { Assumes = ["appc.midpoint=geometric"] }, .. more]);
    }
}
