using System.Text;
using System.Text.Json;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Exports;

/// <summary>
/// One headline number of the paper as a named value, computed by the model under the run's inputs.
/// </summary>
/// <param name="Name">Macro name: letters only (LaTeX allows nothing else), e.g. <c>DensityRatioWorkedExamples</c>.</param>
/// <param name="Value">The computed value (a point or a range) [<paramref name="Unit"/>].</param>
/// <param name="Unit">Unit, as the paper writes it.</param>
/// <param name="PaperPrints">What the paper prints for this number, verbatim.</param>
/// <param name="Locator">Where the paper prints it.</param>
public sealed record NamedNumber(string Name, Interval Value, string Unit, string PaperPrints, string Locator)
{
    /// <summary>The value as the bundle's sentences show it (<see cref="Quantity.Text(Interval)"/>).</summary>
    public string Text => Quantity.Text(Value);
}

/// <summary>
/// <c>numbers.json</c> and <c>numbers.tex</c>: every headline number of the paper (§1, Table 1, Table 2, §4.2 and
/// Appendix C, §4.3) as a named value, so the paper's next version can cite computed values instead of typed ones
/// (<c>\input{numbers.tex}</c>, then <c>\DensityRatioWorkedExamples</c>). Formatted from the model under the run's
/// inputs: a reviewer's <c>--assumptions</c> run writes the reviewer's numbers.
/// </summary>
public static class NamedNumbers
{
    /// <summary>The named numbers of <paramref name="data"/>, in the paper's order.</summary>
    public static IReadOnlyList<NamedNumber> Compute(PaperData data)
    {
        var x = data.Values;
        var h100 = AgentDensity.Derive(Scenarios.AppendixCH100(x));
        var asic = AgentDensity.Derive(Scenarios.AppendixCAsic(x));
        var t1 = data.Table1Rows;
        var t2 = data.Table2Rows;
        static Interval P(double v) => Interval.Point(v);
        Interval Ratio(Table2Row r) => Table2Projection.Ratio(r.Better, r.H100, r.Asic);
        Interval NodesFor(double factor) => NreAmortization.NodesForPenaltyFactor(x.AsicNodeCostUsd, x.TapeoutNreUsd, factor);
        return
        [
            new("WeightFootprintSectionOneGb", Scenarios.Section1WeightBytes(x) / 1e9, "GB", "~140 GB", "§1"),
            new("DecodeBoundSectionOneTokPerS", Scenarios.Section1MaxTokensPerSecond(x), "tok/s", "~30 tokens/second", "§1"),
            new("CloudCostSectionOneUsdPerMTok", Scenarios.Section1CloudCostUsdPerMillionTokens(x), "USD per million tokens", "~$27 per million decode tokens", "§1"),
            new("EnergyHOneHundredJPerToken", CalibratedBaselines.EnergyJoulesPerToken(t1.H100), "J/token", "~21-25 J", "Table 1, H100 SXM"),
            new("EnergyBTwoHundredJPerToken", CalibratedBaselines.EnergyJoulesPerToken(t1.B200), "J/token", "~6-8 J", "Table 1, B200"),
            new("EnergyGroqJPerToken", CalibratedBaselines.EnergyJoulesPerToken(t1.Groq), "J/token", "~200-240 J*", "Table 1, Groq LPU (cluster)"),
            new("EnergyCerebrasJPerToken", CalibratedBaselines.EnergyJoulesPerToken(t1.Cerebras), "J/token", "~10-12 J", "Table 1, Cerebras WSE-3"),
            new("GroqTokPerSPerChip", CalibratedBaselines.TokensPerSecondPerChip(t1.Groq), "tok/s", "~1.3", "Table 1, Groq LPU (cluster)"),
            new("RatioDecodeSingle", Ratio(t2.DecodeSingle), "x", "15-50×", "Table 2, decode throughput, single request"),
            new("RatioDecodeBatch", Ratio(t2.DecodeBatch64), "x", "30-50×", "Table 2, decode throughput, batch=64"),
            new("RatioEnergyPerToken", Ratio(t2.EnergyPerToken), "x", "40-150×", "Table 2, energy per token"),
            new("RatioTtft", Ratio(t2.Ttft), "x", "10-30×", "Table 2, TTFT"),
            new("RatioCostPerMTok", Ratio(t2.CostPerMillionTokens), "x", "20-100×", "Table 2, CapEx-amortized $/M decode tokens"),
            new("RatioMaxContext", Ratio(t2.MaxContext), "x", "2-5×", "Table 2, max context length"),
            new("StreamsPerNodeHOneHundred", P(h100.StreamsPerNode), "streams", "25 / 5 = 5", "Appendix C, H100 worked example"),
            new("DensityHOneHundred", P(h100.DensityPerMillionUsd), "streams per $1M", "≈ 167", "Appendix C, H100 worked example"),
            new("DensityHOneHundredAtUtilization", P(h100.DensityPerMillionUsdAtUtilization), "streams per $1M", "≈ 117", "Appendix C, H100 worked example"),
            new("StreamsPerNodeAsic", P(asic.StreamsPerNode), "streams", "500 / 5 = 100", "Appendix C, ASIC worked example"),
            new("DensityAsic", P(asic.DensityPerMillionUsd), "streams per $1M", "≈ 8333", "Appendix C, ASIC worked example"),
            new("DensityAsicAtUtilization", P(asic.DensityPerMillionUsdAtUtilization), "streams per $1M", "≈ 6667", "Appendix C, ASIC worked example"),
            new("DensityRatioWorkedExamples", P(Scenarios.WorkedExampleDensityRatio(x)), "x", "50x", "Appendix C, Sensitivity"),
            new("DensityRatioFpFourPessimistic", P(Scenarios.Fp4PessimisticDensityRatio(x)), "x", ">10x", "Appendix C, Sensitivity"),
            new("DensityAsicFpFourPessimistic", Scenarios.AsicDensityFp4Pessimistic(x), "streams per $1M", "~1500-6000", "Appendix C, Sensitivity"),
            new("DeploymentStreamsHOneHundred", AgentDensity.StreamsForDeployment(x.H100DensityStreamsPerMillionUsd, x.DeploymentUsd), "streams", "~600-1500",
                "Appendix C, Interpretation"),
            new("DeploymentStreamsAsic", AgentDensity.StreamsForDeployment(x.AsicDensityStreamsPerMillionUsd, x.DeploymentUsd), "streams", "~30,000-120,000",
                "Appendix C, Interpretation"),
            new("NreNodesForThreeX", NodesFor(NreAmortization.PrintedPenaltyFactorLow), "nodes", ">100 K nodes shipped", "§4.3"),
            new("NreNodesForTenX", NodesFor(NreAmortization.PrintedPenaltyFactorHigh), "nodes", ">100 K nodes shipped", "§4.3"),
            new("NrePenaltyAtPrintedVolume", NreAmortization.CostPenaltyFactor(x.AsicNodeCostUsd, x.TapeoutNreUsd, NreAmortization.PrintedVolumeNodes), "x",
                "3-10× worse", "§4.3"),
        ];
    }

    /// <summary>Writes <c>numbers.json</c> and <c>numbers.tex</c>; <paramref name="inputsNote"/> says which inputs they come from.</summary>
    public static void Write(OutputStage stage, IReadOnlyList<NamedNumber> numbers, string inputsNote)
    {
        stage.WriteText("numbers.json", ToJson(numbers, inputsNote));
        stage.WriteText("numbers.tex", ToTex(numbers, inputsNote));
    }

    /// <summary>The JSON document: every number with its value (lo and hi), its text, unit, what the paper prints and where.</summary>
    public static string ToJson(IReadOnlyList<NamedNumber> numbers, string inputsNote)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }))
        {
            w.WriteStartObject();
            w.WriteString("paper", PaperTitle);
            w.WriteString("inputs", inputsNote);
            w.WriteStartArray("numbers");
            foreach (var n in numbers)
            {
                w.WriteStartObject();
                w.WriteString("name", n.Name);
                w.WriteNumber("lo", n.Value.Lo);
                w.WriteNumber("hi", n.Value.Hi);
                w.WriteString("text", n.Text);
                w.WriteString("unit", n.Unit);
                w.WriteString("paper_prints", n.PaperPrints);
                w.WriteString("locator", n.Locator);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The LaTeX file: one <c>\newcommand</c> per number (a range as <c>lo--hi</c>), each preceded by a comment with its source.</summary>
    public static string ToTex(IReadOnlyList<NamedNumber> numbers, string inputsNote)
    {
        var sb = new StringBuilder();
        sb.Append("% Named numbers of \"").Append(PaperTitle).Append("\", computed by ReproBundle.\n");
        sb.Append("% Inputs: ").Append(SingleLine(inputsNote)).Append(".\n");
        sb.Append("% Use: \\input{numbers.tex}, then e.g. \\DensityRatioWorkedExamples. Regenerated by `reproduce`; do not edit.\n");
        foreach (var n in numbers)
        {
            if (!IsMacroName(n.Name)) throw new InvalidOperationException($"'{n.Name}' is not a LaTeX macro name (letters only)");
            sb.Append("% ").Append(SingleLine(n.Locator)).Append(": the paper prints ").Append(SingleLine(n.PaperPrints)).Append(" [").Append(SingleLine(n.Unit)).Append("]\n");
            sb.Append("\\newcommand{\\").Append(n.Name).Append("}{").Append(n.Text.Replace("-", "--")).Append("}\n");
        }
        return sb.ToString();
    }

    /// <summary>True when <paramref name="name"/> is a LaTeX control word: ASCII letters only, at least one.</summary>
    public static bool IsMacroName(string name) => name.Length > 0 && name.All(char.IsAsciiLetter);

    private const string PaperTitle = "Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs (v0.3)";

    // A comment line of the .tex file must stay one line whatever the data holds.
    private static string SingleLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
