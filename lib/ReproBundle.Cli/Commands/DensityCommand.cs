using System.CommandLine;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Output;

namespace ReproBundle.Cli.Commands;

/// <summary>
/// <c>density</c>: walks Appendix C for one node type with the reviewer's own C, L, u, t and r; with <c>--scenario</c>, the
/// paper's worked example(s) side by side with the printed values (options given as well override the example's values).
/// </summary>
internal static class DensityCommand
{
    public static Command Create()
    {
        var capex = InvariantOptions.OptionalDouble("--capex-usd", "C: CapEx of one node [USD], > 0");
        var lifetime = InvariantOptions.OptionalDouble("--lifetime-years", "L: hardware lifetime [years], > 0");
        var utilization = InvariantOptions.OptionalDouble("--utilization", "u: average utilization, in (0, 1]");
        var tokS = InvariantOptions.OptionalDouble("--tokens-per-second", "t: sustained tok/s per node, single stream, > 0");
        var streamTokS = InvariantOptions.OptionalDouble("--stream-tokens-per-second", "r: tok/s consumed per active stream, > 0");
        var scenario = new Option<string?>("--scenario") { Description = "Start from Appendix C's worked example: h100, asic, or both (with the printed values and the ratios)" };
        scenario.AcceptOnlyFromAmong("h100", "asic", "both");
        var data = new Option<string>("--data") { Description = "Folder of the paper's inputs (with --scenario)", DefaultValueFactory = _ => "./data" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the agent_density.csv field names" };
        var command = new Command("density", "Walk the Appendix C agent-density derivation for one node type, or the paper's worked examples side by side.")
        {
            capex, lifetime, utilization, tokS, streamTokS, scenario, data, json,
        };
        command.SetAction(parse =>
        {
            var options = new (Option<double?> Option, double? Value)[]
            {
                (capex, parse.GetValue(capex)), (lifetime, parse.GetValue(lifetime)), (utilization, parse.GetValue(utilization)),
                (tokS, parse.GetValue(tokS)), (streamTokS, parse.GetValue(streamTokS)),
            };
            var output = parse.InvocationConfiguration.Output;
            var which = parse.GetValue(scenario);
            if (which == "both")
            {
                if (options.FirstOrDefault(o => o.Value is not null) is { Option: { } given }) throw new BundleInputException(given.Name, "--scenario both shows the paper's two worked examples; change a value with --scenario h100 or --scenario asic");
                if (parse.GetValue(json)) throw new BundleInputException("--json", "--scenario both prints text; use --scenario h100 or asic with --json");
                var paper = PaperData.Load(parse.GetValue(data)!);
                var claims = Claim.Load(Path.Combine(paper.DataDirectory, "claims.csv"));
                var h100 = AgentDensity.Derive(Scenarios.AppendixCH100(paper.Values));
                var asic = AgentDensity.Derive(Scenarios.AppendixCAsic(paper.Values));
                output.Write(AppendixCSideBySide.ToText(Title("H100", h100.Inputs), AppendixCSideBySide.Steps(h100, "h100", claims)));
                output.Write(AppendixCSideBySide.ToText(Title("ASIC", asic.Inputs), AppendixCSideBySide.Steps(asic, "asic", claims)));
                output.Write(AppendixCSideBySide.ToText("Appendix C ratios of the worked examples",
                    AppendixCSideBySide.Ratios(h100, asic, AgentDensity.Derive(Scenarios.AsicFp4Pessimistic(paper.Values)), claims)));
                return 0;
            }
            AgentDensityInputs start;
            IReadOnlyList<Claim>? printed = null;
            if (which is "h100" or "asic")
            {
                var paper = PaperData.Load(parse.GetValue(data)!);
                printed = Claim.Load(Path.Combine(paper.DataDirectory, "claims.csv"));
                start = which == "h100" ? Scenarios.AppendixCH100(paper.Values) : Scenarios.AppendixCAsic(paper.Values);
            }
            else
            {
                if (options.FirstOrDefault(o => o.Value is null) is { Option: { } missing }) throw new BundleInputException(missing.Name, "is required (or start from a worked example with --scenario h100|asic|both)");
                start = default;
            }
            var inputs = new AgentDensityInputs(options[0].Value ?? start.CapexUsd, options[1].Value ?? start.LifetimeYears, options[2].Value ?? start.Utilization,
                options[3].Value ?? start.TokensPerSecond, options[4].Value ?? start.StreamTokensPerSecond);
            CheckOption("--capex-usd", inputs.CapexUsd, v => v > 0, "must be greater than 0");
            CheckOption("--lifetime-years", inputs.LifetimeYears, v => v > 0, "must be greater than 0");
            CheckOption("--utilization", inputs.Utilization, v => v > 0 && v <= 1, "must lie in (0, 1]");
            CheckOption("--tokens-per-second", inputs.TokensPerSecond, v => v > 0, "must be greater than 0");
            CheckOption("--stream-tokens-per-second", inputs.StreamTokensPerSecond, v => v > 0, "must be greater than 0");
            foreach (var (option, value) in new[] { ("--capex-usd", inputs.CapexUsd), ("--lifetime-years", inputs.LifetimeYears),
                         ("--utilization", inputs.Utilization), ("--tokens-per-second", inputs.TokensPerSecond), ("--stream-tokens-per-second", inputs.StreamTokensPerSecond) })
            {
                if (InputCatalog.MagnitudeViolation(value) is { } magnitude) throw new BundleInputException(option, $"{OutputStage.FormatCell(value)} {magnitude}");
            }
            var steps = AgentDensity.Derive(inputs);
            double[] derived = [steps.HourlyCapexUsd, steps.CostUsdPerMillionTokens, steps.StreamsPerNode, steps.DensityPerMillionUsd, steps.DensityPerMillionUsdAtUtilization];
            if (derived.Any(d => !double.IsFinite(d) || d <= 0))
            {
                throw new BundleInputException("--capex-usd, --lifetime-years, --utilization, --tokens-per-second, --stream-tokens-per-second",
                    "together make a derived step infinite or zero (hourly CapEx, cost per million tokens, streams per node or density); use values of realistic size");
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(AgentDensityTable.ToJson(steps));
            }
            else if (printed is not null)
            {
                output.Write(AppendixCSideBySide.ToText(Title(which == "h100" ? "H100" : "ASIC", inputs), AppendixCSideBySide.Steps(steps, which, printed)));
            }
            else
            {
                output.Write(AgentDensityDerivation.Text(steps));
            }
            return 0;
        });
        return command;
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
