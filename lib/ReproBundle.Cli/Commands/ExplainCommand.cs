using System.CommandLine;

namespace ReproBundle.Cli.Commands;

/// <summary>
/// <c>explain NAME</c> (issue 14): what one overridable input feeds: the claims and headline numbers that change when it
/// alone is perturbed, whether the Monte Carlo draws it, and the other names the paper gives the same quantity.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "An overridable name (data/README.md), e.g. appc.asic.capex_usd, or a quantity name (data/related_inputs.csv) such as h100.decode_tok_s" };
        var data = new Option<string>("--data") { Description = "Folder of the paper's inputs", DefaultValueFactory = _ => "./data" };
        var assumptions = new Option<string?>("--assumptions") { Description = "A reviewer's JSON or YAML assumptions file: explain NAME from its values instead of the paper's" };
        var command = new Command("explain", "Show what one input name or quantity name feeds: the claims and headline numbers that change with it, and the related names.")
        {
            name, data, assumptions,
        };
        command.SetAction(parse =>
        {
            var reach = Reproduction.Explain(parse.GetValue(data)!, parse.GetValue(name)!, assumptionsFile: parse.GetValue(assumptions));
            var output = parse.InvocationConfiguration.Output;
            foreach (var line in reach.Lines()) output.WriteLine(line);
            if (reach.Related.Count == 0 && !reach.IsQuantity) output.WriteLine($"{reach.Name} is the only name of its quantity in data/related_inputs.csv");
            return 0;
        });
        return command;
    }
}
