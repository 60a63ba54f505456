using System.CommandLine;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Output;

namespace ReproBundle.Cli.Commands;

/// <summary>
/// <c>density</c>: walks Appendix C for one node type with the reviewer's own C, L, u, t and r; with <c>--scenario</c>, the
/// paper's worked example(s) side by side with the printed values (options given as well override the example's values:
/// <c>--h100-…</c> and <c>--asic-…</c> per platform, so <c>--scenario both</c> walks both examples with one's own numbers);
/// with <c>--assumptions FILE</c> the examples start from the reviewer's file (issue 25).
/// </summary>
internal static class DensityCommand
{
    /// <summary>The five inputs of Appendix C's derivation: option stem, symbol, description.</summary>
    private static readonly (string Stem, string Symbol, string Description)[] Inputs =
    [
        ("capex-usd", "C", "CapEx of one node [USD], > 0"),
        ("lifetime-years", "L", "hardware lifetime [years], > 0"),
        ("utilization", "u", "average utilization, in (0, 1]"),
        ("tokens-per-second", "t", "sustained tok/s per node, single stream, > 0"),
        ("stream-tokens-per-second", "r", "tok/s consumed per active stream, > 0"),
    ];

    public static Command Create()
    {
        var plain = Inputs.Select(i => InvariantOptions.OptionalDouble($"--{i.Stem}", $"{i.Symbol}: {i.Description}")).ToArray();
        var h100Options = Inputs.Select(i => InvariantOptions.OptionalDouble($"--h100-{i.Stem}", $"{i.Symbol} of the H100 worked example (with --scenario h100 or both): {i.Description}")).ToArray();
        var asicOptions = Inputs.Select(i => InvariantOptions.OptionalDouble($"--asic-{i.Stem}", $"{i.Symbol} of the ASIC worked example (with --scenario asic or both): {i.Description}")).ToArray();
        var scenario = new Option<string?>("--scenario") { Description = "Start from Appendix C's worked example: h100, asic, or both (with the printed values and the ratios)" };
        scenario.AcceptOnlyFromAmong("h100", "asic", "both");
        var data = new Option<string>("--data") { Description = "Folder of the paper's inputs (with --scenario)", DefaultValueFactory = _ => "./data" };
        var assumptions = new Option<string?>("--assumptions")
        {
            Description = "A reviewer's JSON or YAML assumptions file (data/README.md): the worked examples start from its values (implies --scenario both unless one is given)",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the agent_density.csv field names" };
        var command = new Command("density", "Walk the Appendix C agent-density derivation for one node type, or the paper's worked examples side by side.")
        {
            scenario, data, assumptions, json,
        };
        foreach (var o in plain.Concat(h100Options).Concat(asicOptions)) command.Options.Add(o);
        command.SetAction(parse =>
        {
            double?[] Values(Option<double?>[] options) => [.. options.Select(o => parse.GetValue(o))];
            var output = parse.InvocationConfiguration.Output;
            var assumptionsFile = parse.GetValue(assumptions);
            var which = parse.GetValue(scenario) ?? (assumptionsFile is null ? null : "both");
            string? First(Option<double?>[] options) => options.FirstOrDefault(o => parse.GetValue(o) is not null)?.Name;
            // Per-platform options belong to a worked example of that platform; plain ones to a single walk.
            if (which is null or "asic" && First(h100Options) is { } h) throw new BundleInputException(h, "sets the H100 worked example; use it with --scenario h100 or --scenario both");
            if (which is null or "h100" && First(asicOptions) is { } a) throw new BundleInputException(a, "sets the ASIC worked example; use it with --scenario asic or --scenario both");
            if (which == "both")
            {
                if (First(plain) is { } given) throw new BundleInputException(given, $"--scenario both walks two platforms; give the value per platform ({given.Replace("--", "--h100-", StringComparison.Ordinal)} or {given.Replace("--", "--asic-", StringComparison.Ordinal)})");
                if (parse.GetValue(json)) throw new BundleInputException("--json", "--scenario both prints text; use --scenario h100 or asic with --json");
                var paper = LoadData(parse.GetValue(data)!, assumptionsFile);
                var claims = Claim.Load(Path.Combine(paper.DataDirectory, "claims.csv"));
                var h100Inputs = Merge(Scenarios.AppendixCH100(paper.Values), Values(h100Options), h100Options);
                var asicInputs = Merge(Scenarios.AppendixCAsic(paper.Values), Values(asicOptions), asicOptions);
                var h100 = Derive(h100Inputs, h100Options);
                var asic = Derive(asicInputs, asicOptions);
                // The pessimistic FP4 case halves the ASIC's t by Appendix C's shortfall factor, from the values walked here.
                var pessimistic = AgentDensity.Derive(Scenarios.AsicFp4Pessimistic(paper.Values with { AppendixCAsic = asicInputs }));
                output.Write(AppendixCSideBySide.ToText(Title("H100", h100.Inputs), AppendixCSideBySide.Steps(h100, "h100", claims)));
                output.Write(AppendixCSideBySide.ToText(Title("ASIC", asic.Inputs), AppendixCSideBySide.Steps(asic, "asic", claims)));
                output.Write(AppendixCSideBySide.ToText("Appendix C ratios of the worked examples", AppendixCSideBySide.Ratios(h100, asic, pessimistic, claims)));
                return 0;
            }
            AgentDensityInputs start;
            IReadOnlyList<Claim>? printed = null;
            Option<double?>[] used = plain;
            double?[] values = Values(plain);
            if (which is "h100" or "asic")
            {
                var paper = LoadData(parse.GetValue(data)!, assumptionsFile);
                printed = Claim.Load(Path.Combine(paper.DataDirectory, "claims.csv"));
                start = which == "h100" ? Scenarios.AppendixCH100(paper.Values) : Scenarios.AppendixCAsic(paper.Values);
                var platform = which == "h100" ? h100Options : asicOptions;
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] is not null && parse.GetValue(platform[i]) is not null) throw new BundleInputException(platform[i].Name, $"and {plain[i].Name} both set {Inputs[i].Symbol}; give one");
                    if (parse.GetValue(platform[i]) is { } v) (values[i], used) = (v, [.. used.Select((o, j) => j == i ? platform[i] : o)]);
                }
            }
            else
            {
                if (plain.FirstOrDefault(o => parse.GetValue(o) is null) is { } missing) throw new BundleInputException(missing.Name, "is required (or start from a worked example with --scenario h100|asic|both)");
                start = default;
            }
            var steps = Derive(Merge(start, values, used), used);
            if (parse.GetValue(json))
            {
                output.WriteLine(AgentDensityTable.ToJson(steps));
            }
            else if (printed is not null)
            {
                output.Write(AppendixCSideBySide.ToText(Title(which == "h100" ? "H100" : "ASIC", steps.Inputs), AppendixCSideBySide.Steps(steps, which!, printed)));
            }
            else
            {
                output.Write(AgentDensityDerivation.Text(steps));
            }
            return 0;
        });
        return command;
    }

    private static PaperData LoadData(string dataDirectory, string? assumptionsFile) => UncertaintyCommand.LoadData(dataDirectory, assumptionsFile);

    /// <summary>The worked example's inputs with the given option values in place of its own.</summary>
    private static AgentDensityInputs Merge(AgentDensityInputs start, double?[] v, Option<double?>[] options) =>
        new(v[0] ?? start.CapexUsd, v[1] ?? start.LifetimeYears, v[2] ?? start.Utilization, v[3] ?? start.TokensPerSecond, v[4] ?? start.StreamTokensPerSecond);

    /// <summary>Checks each input against its domain, naming the option that set it, then derives every step.</summary>
    private static AgentDensitySteps Derive(AgentDensityInputs inputs, Option<double?>[] options)
    {
        double[] values = [inputs.CapexUsd, inputs.LifetimeYears, inputs.Utilization, inputs.TokensPerSecond, inputs.StreamTokensPerSecond];
        for (int i = 0; i < values.Length; i++)
        {
            var name = options[i].Name;
            if (i == 2) CheckOption(name, values[i], v => v > 0 && v <= 1, "must lie in (0, 1]");
            else CheckOption(name, values[i], v => v > 0, "must be greater than 0");
            if (InputCatalog.MagnitudeViolation(values[i]) is { } magnitude) throw new BundleInputException(name, $"{OutputStage.FormatCell(values[i])} {magnitude}");
        }
        var steps = AgentDensity.Derive(inputs);
        double[] derived = [steps.HourlyCapexUsd, steps.CostUsdPerMillionTokens, steps.StreamsPerNode, steps.DensityPerMillionUsd, steps.DensityPerMillionUsdAtUtilization];
        if (derived.Any(d => !double.IsFinite(d) || d <= 0))
        {
            throw new BundleInputException(string.Join(", ", options.Select(o => o.Name)),
                "together make a derived step infinite or zero (hourly CapEx, cost per million tokens, streams per node or density); use values of realistic size");
        }
        return steps;
    }

    private static string Title(string platform, AgentDensityInputs x) =>
        $"Appendix C {platform} worked example: C = {Quantity.Text(x.CapexUsd)} USD, L = {Quantity.Text(x.LifetimeYears)} yr, u = {Quantity.Text(x.Utilization)}, t = {Quantity.Text(x.TokensPerSecond)} tok/s, r = {Quantity.Text(x.StreamTokensPerSecond)} tok/s";

    private static void CheckOption(string option, double value, Func<double, bool> ok, string rule)
    {
        if (!double.IsFinite(value) || !ok(value))
        {
            throw new BundleInputException(option, $"{OutputStage.FormatCell(value)} {rule}");
        }
    }
}
