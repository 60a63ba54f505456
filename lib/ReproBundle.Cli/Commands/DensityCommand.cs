using System.CommandLine;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Output;

namespace ReproBundle.Cli.Commands;

/// <summary><c>density</c>: walks Appendix C for one node type with the reviewer's own C, L, u, t and r.</summary>
internal static class DensityCommand
{
    public static Command Create()
    {
        var capex = InvariantOptions.RequiredDouble("--capex-usd", "C: CapEx of one node [USD], > 0");
        var lifetime = InvariantOptions.RequiredDouble("--lifetime-years", "L: hardware lifetime [years], > 0");
        var utilization = InvariantOptions.RequiredDouble("--utilization", "u: average utilization, in (0, 1]");
        var tokS = InvariantOptions.RequiredDouble("--tokens-per-second", "t: sustained tok/s per node, single stream, > 0");
        var streamTokS = InvariantOptions.RequiredDouble("--stream-tokens-per-second", "r: tok/s consumed per active stream, > 0");
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the agent_density.csv field names" };
        var command = new Command("density", "Walk the Appendix C agent-density derivation for one node type.")
        {
            capex, lifetime, utilization, tokS, streamTokS, json,
        };
        command.SetAction(parse =>
        {
            var inputs = new AgentDensityInputs(parse.GetValue(capex), parse.GetValue(lifetime), parse.GetValue(utilization),
                parse.GetValue(tokS), parse.GetValue(streamTokS));
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
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(AgentDensityTable.ToJson(steps));
            }
            else
            {
                output.Write(AgentDensityTable.ToText(steps));
            }
            return 0;
        });
        return command;
    }

    private static void CheckOption(string option, double value, Func<double, bool> ok, string rule)
    {
        if (!double.IsFinite(value) || !ok(value))
        {
            throw new BundleInputException(option, $"{OutputStage.FormatCell(value)} {rule}");
        }
    }
}
