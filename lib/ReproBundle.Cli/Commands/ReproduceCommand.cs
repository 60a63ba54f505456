using System.CommandLine;

namespace ReproBundle.Cli.Commands;

/// <summary><c>reproduce</c>: regenerates every table, figure, the site and the claims audit under the output folder.</summary>
internal static class ReproduceCommand
{
    /// <summary>
    /// Exit code when every output was written except PNGs a browser fault left undrawn (listed in MANIFEST.json under
    /// <c>missing</c>, and in one stderr line).
    /// </summary>
    public const int PngsMissing = 3;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of the paper's inputs", DefaultValueFactory = _ => "./data" };
        var output = new Option<string>("--output") { Description = "Folder to write outputs to; only files an earlier run wrote (its MANIFEST.json) are replaced or removed", DefaultValueFactory = _ => "./output" };
        var assumptions = new Option<string?>("--assumptions") { Description = "A reviewer's JSON or YAML file overriding named inputs (names in data/README.md)" };
        var notebooks = new Option<bool>("--notebooks") { Description = "Also run every notebook headless (the notebooks/ folder next to --data) and write the executed copies to <output>/notebooks/" };
        var noPng = new Option<bool>("--no-png") { Description = "Skip PNG export (no browser is started); HTML and JSON figures are still written" };
        var command = new Command("reproduce", "Regenerate every table, figure, the registry site and the claims audit from data/.")
        {
            data, output, assumptions, notebooks, noPng,
        };
        command.SetAction(parse =>
        {
            var dataDirectory = parse.GetValue(data)!;
            var notebooksDirectory = parse.GetValue(notebooks)
                ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, "notebooks")
                : null;
            var options = new ReproduceOptions(dataDirectory, parse.GetValue(output)!, parse.GetValue(assumptions), notebooksDirectory,
                Png: !parse.GetValue(noPng));
            var result = Reproduction.Run(options, parse.InvocationConfiguration.Output);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {result.FileCount} files to {result.OutputDirectory}");
            foreach (var warning in result.Warnings) parse.InvocationConfiguration.Output.WriteLine($"warning: {warning}");
            if (result.MissingPngs.Count == 0) return 0;
            var names = string.Join(", ", result.MissingPngs.Keys.Select(Path.GetFileName));
            var reasons = string.Join("; ", result.MissingPngs.Values.Distinct());
            parse.InvocationConfiguration.Error.WriteLine(
                $"png: {result.MissingPngs.Count} PNG(s) not drawn ({names}): {reasons}; every other output was written (see MANIFEST.json \"missing\")");
            return PngsMissing;
        });
        return command;
    }
}
