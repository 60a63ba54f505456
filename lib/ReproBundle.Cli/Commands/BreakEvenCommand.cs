using System.CommandLine;
using ReproBundle.Output;
using ReproBundle.Uncertainty;

namespace ReproBundle.Cli.Commands;

/// <summary><c>break-even</c>: prints the §4.3 break-even table (the rows of break_even.csv) for data/ or a reviewer's assumptions.</summary>
internal static class BreakEvenCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of the paper's inputs", DefaultValueFactory = _ => "./data" };
        var assumptions = new Option<string?>("--assumptions") { Description = "A reviewer's JSON or YAML file overriding named inputs (names in data/README.md)" };
        var command = new Command("break-even", "Solve §4.3: the volume at which NRE stops mattering, and the ASIC utilization and node cost at which the density ratio falls to 10x.")
        {
            data, assumptions,
        };
        command.SetAction(parse =>
        {
            var paper = UncertaintyCommand.LoadData(parse.GetValue(data)!, parse.GetValue(assumptions));
            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine(string.Join(',', UncertaintyAnalysis.BreakEvenColumns));
            foreach (var row in UncertaintyAnalysis.BreakEvenRows(BreakEven.Points(paper)))
            {
                writer.WriteLine(string.Join(',', row.Select(c =>
                {
                    var cell = OutputStage.FormatCell(c);
                    return cell.IndexOfAny([',', '"']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
                })));
            }
            return 0;
        });
        return command;
    }
}
