using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claims of §4.2 and Appendix C: agent density, the worked examples, the ratio and the pessimistic FP4 case.
/// </summary>
internal sealed class AppendixCClaims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "§4.2 and Appendix C";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        AddDensityRanges(c);
        AddWorkedExamples(c);
        AddRatioAndPessimisticCase(c);
    }

    /// <summary>§4.2's and Appendix C's density ranges, and the worked examples inside them.</summary>
    private void AddDensityRanges(Dictionary<string, ClaimCheck> c)
    {
        c["s4_2.h100_density_range"] = () =>
        {
            var d = AgentDensity.DensityAtUtilization(h100.CapexUsd!.Value, _d.Values.Utilization, h100.TokensPerSecondPerDeployment,
                Interval.Point(h100Inputs.StreamTokensPerSecond));
            return ClaimComputation.Missing($"the paper names the drivers of the range (batch strategy, r, day/night utilization) but not their values; " +
                $"with Table 1's {S(h100.TokensPerSecondPerDeployment)} tok/s, §3.2's {S(100 * _d.Values.Utilization)}% utilization and r = " +
                $"{S(h100Inputs.StreamTokensPerSecond)} the equation gives {S(d)}");
        };
        c["s4_2.asic_density_range"] = () =>
        {
            var d = AgentDensity.DensityAtUtilization(asicCost, Interval.Point(asicInputs.Utilization), asicSingle,
                Interval.Point(asicInputs.StreamTokensPerSecond));
            return ClaimComputation.Missing($"the paper names the drivers of the range (chip cost, achieved t, active parameters) but not how they " +
                $"combine; with §3.3's ${S(asicCost)}, Table 2's {S(asicSingle)} tok/s, u = {S(asicInputs.Utilization)} and r = " +
                $"{S(asicInputs.StreamTokensPerSecond)} the equation gives {S(d)}");
        };
        c["appc.h100.in_range"] = () => new(Interval.Point(h100Steps.DensityPerMillionUsdAtUtilization), $"worked example D x u = " +
            $"{S(h100Steps.DensityPerMillionUsdAtUtilization)}");
        c["appc.asic.in_range"] = () => new(Interval.Point(asicSteps.DensityPerMillionUsdAtUtilization), $"worked example D x u = " +
            $"{S(asicSteps.DensityPerMillionUsdAtUtilization)}");
    }

    /// <summary>Each step of the two worked examples, and their "midpoints".</summary>
    private void AddWorkedExamples(Dictionary<string, ClaimCheck> c)
    {

        foreach (var (node, inputs, steps) in new[] { ("h100", h100Inputs, h100Steps), ("asic", asicInputs, asicSteps) })
        {
            var x = inputs;
            var s = steps;
            c[$"appc.{node}.streams_per_node"] = () => new(Interval.Point(s.StreamsPerNode), $"t / r = {S(x.TokensPerSecond)} / " +
                $"{S(x.StreamTokensPerSecond)} = {S(s.StreamsPerNode)}");
            c[$"appc.{node}.density"] = () => new(Interval.Point(s.DensityPerMillionUsd), $"($1 M / ${S(x.CapexUsd)}) x {S(s.StreamsPerNode)} = " +
                $"{S(s.DensityPerMillionUsd)}");
            c[$"appc.{node}.density_at_utilization"] = () => new(Interval.Point(s.DensityPerMillionUsdAtUtilization), $"{S(s.DensityPerMillionUsd)} x " +
                $"{S(x.Utilization)} = {S(s.DensityPerMillionUsdAtUtilization)}");
            c[$"appc.{node}.cost_vs_table2"] = () => new(Interval.Point(s.CostUsdPerMillionTokens),
                $"Appendix C cost step for the {node.ToUpperInvariant()} example: ${S(x.CapexUsd)} / ({S(x.LifetimeYears)} yr x {S(x.Utilization)} x " +
                    $"{S(x.TokensPerSecond)} tok/s), per million tokens = ${S(s.CostUsdPerMillionTokens)}");
        }

        c["appc.h100.t_midpoint"] = () => Midpoint("Table 1's H100", h100.TokensPerSecondPerDeployment,
            new Reading("Table 2's H100 midpoint", Interval.Point(h100Table2.Midpoint), $"arithmetic midpoint of Table 2's MoE H100 range {S(h100Table2)} " +
                $"= {S(h100Table2.Midpoint)}") { Assumes = ["appc.midpoint=arithmetic"] });
        c["appc.asic.c_midpoint"] = () => Midpoint("§3.3's node cost", asicCost);
        c["appc.asic.t_midpoint"] = () => Midpoint("Table 2's single-request ASIC throughput", asicSingle);
    }

    /// <summary>The 50x ratio and its decomposition, the pessimistic FP4 case, and the $10 M deployments.</summary>
    private void AddRatioAndPessimisticCase(Dictionary<string, ClaimCheck> c)
    {

        c["appc.density_ratio"] = () =>
        {
            var raw = AgentDensity.DensityRatio(asicSteps.DensityPerMillionUsd, h100Steps.DensityPerMillionUsd);
            var adjusted = Scenarios.WorkedExampleDensityRatio(_d.Values);
            return FromReadings(new Reading("before the utilization step", Interval.Point(raw), $"D_ASIC / D_H100 = {S(asicSteps.DensityPerMillionUsd)} / " +
                $"{S(h100Steps.DensityPerMillionUsd)} = {S(raw)}x"),
                new Reading("after the utilization step", Interval.Point(adjusted), $"D x u: {S(asicSteps.DensityPerMillionUsdAtUtilization)} / " +
                    $"{S(h100Steps.DensityPerMillionUsdAtUtilization)} = {S(adjusted)}x"));
        };
        c["appc.throughput_ratio"] = () => new(Interval.Point(asicInputs.TokensPerSecond / h100Inputs.TokensPerSecond), $"t_ASIC / t_H100 = " +
            $"{S(asicInputs.TokensPerSecond)} / {S(h100Inputs.TokensPerSecond)} = {S(asicInputs.TokensPerSecond / h100Inputs.TokensPerSecond)}x");
        c["appc.cost_ratio"] = () => new(Interval.Point(h100Inputs.CapexUsd / asicInputs.CapexUsd), $"C_H100 / C_ASIC = {S(h100Inputs.CapexUsd)} / " +
            $"{S(asicInputs.CapexUsd)} = {S(h100Inputs.CapexUsd / asicInputs.CapexUsd)}x");
        c["appc.fp4_pessimistic_range"] = () =>
        {
            var range = Scenarios.AsicDensityFp4Pessimistic(_d.Values);
            return new(range, $"D scales linearly in t, so multiplying t by {S(shortfall)} scales §4.2's {S(asicDensity)} to {S(range)}");
        };
        c["appc.fp4_only_2x"] = () =>
        {
            var overFp8 = Table2Projection.Fp8BytesPerParameter / _d.Values.Fp4BytesPerParameter;
            var overFp16 = _d.Values.Fp16BytesPerParameter / _d.Values.Fp4BytesPerParameter;
            return FromReadings(new Reading("over FP8", overFp8, $"bytes read per token, FP8 {S(Table2Projection.Fp8BytesPerParameter)} / FP4 " +
                $"{S(_d.Values.Fp4BytesPerParameter)} = {S(overFp8)}x: the most FP4 can give over FP8 on a bandwidth-bound decode (§2.1)"),
                new Reading("over FP16", overFp16, $"FP16 {S(_d.Values.Fp16BytesPerParameter)} / FP4 {S(_d.Values.Fp4BytesPerParameter)} bytes = " +
                    $"{S(overFp16)}x, FP4 over Table 2's FP16 H100 baseline"));
        };
        c["appc.fp4_pessimistic_ratio"] = () =>
        {
            var pessimistic = Scenarios.AsicDensityFp4Pessimistic(_d.Values);
            var examples = Scenarios.Fp4PessimisticDensityRatio(_d.Values);
            var ends = Interval.PairEnds(pessimistic, h100Density, AgentDensity.DensityRatio);
            var corners = AgentDensity.DensityRatio(pessimistic, h100Density);
            return FromReadings(new Reading("worked examples", Interval.Point(examples), $"the worked examples with t_ASIC x {S(shortfall)}: " +
                $"{S(asicPessimistic.DensityPerMillionUsdAtUtilization)} / {S(h100Steps.DensityPerMillionUsdAtUtilization)} = {S(examples)}x"),
                new Reading("matching ends", ends, $"pessimistic ASIC {S(pessimistic)} over H100 {S(h100Density)}, low with low and high with high = " +
                    $"{S(ends)}x"),
                new Reading("every corner", corners, $"pessimistic ASIC {S(pessimistic)} over H100 {S(h100Density)} by interval arithmetic = " +
                    $"{S(corners)}x, the lowest being {S(pessimistic.Lo)} / {S(h100Density.Hi)}"));
        };
        c["appc.deployment_h100"] = () => new(AgentDensity.StreamsForDeployment(h100Density, deployment), $"${S(deployment / 1e6)} M x {S(h100Density)} " +
            $"streams per $1 M = {S(AgentDensity.StreamsForDeployment(h100Density, deployment))}");
        c["appc.deployment_asic"] = () => new(AgentDensity.StreamsForDeployment(asicDensity, deployment), $"${S(deployment / 1e6)} M x {S(asicDensity)} " +
            $"streams per $1 M = {S(AgentDensity.StreamsForDeployment(asicDensity, deployment))}");
    }
}
