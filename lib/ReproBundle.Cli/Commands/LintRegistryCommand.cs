using System.CommandLine;
using ReproBundle.Data;
using ReproBundle.Registry;

namespace ReproBundle.Cli.Commands;

/// <summary>
/// <c>lint-registry [DIR] [--format text|github]</c>: the registry's schema lint for CI. Prints every problem as
/// <c>file:line: field: message</c> (<c>--format text</c>, the default) or as a GitHub workflow annotation
/// (<c>--format github</c>: <c>::error file=PATH,line=N::field: message</c>, see <see cref="WorkflowAnnotation"/>); exits 2
/// when any is an error, 0 when there are only warnings (near-duplicates) or none. An unknown format is exit 2 naming the option.
/// </summary>
internal static class LintRegistryCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "Folder of the registry entries (Bnn.md)", DefaultValueFactory = _ => "./data/registry" };
        var schemas = new Option<string?>("--schemas") { Description = "Folder of the JSON Schemas (default: DIR/../schemas)" };
        var references = new Option<string?>("--references") { Description = "BibTeX file the citations must resolve in (default: DIR/../references.bib)" };
        var format = new Option<string>("--format")
        {
            Description = "How problems are printed: text (file:line: field: message) or github (workflow annotations, ::error file=...,line=...::...)",
            DefaultValueFactory = _ => "text",
        };
        var command = new Command("lint-registry", "Check the Bottleneck Registry entries against their JSON Schema and the rules a schema cannot express.")
        {
            dir, schemas, references, format,
        };
        command.SetAction(parse =>
        {
            var how = parse.GetValue(format);
            if (how is not ("text" or "github")) throw new BundleInputException(format.Name, $"must be text or github, not '{BundleInputException.Shorten(how ?? "")}'");
            var registry = parse.GetValue(dir)!;
            var parent = Path.GetDirectoryName(Path.GetFullPath(registry).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
            var schemaDir = parse.GetValue(schemas) ?? Path.Combine(parent, "schemas");
            var bib = parse.GetValue(references) ?? Path.Combine(parent, "references.bib");
            if (!Directory.Exists(registry)) throw new BundleInputException(registry, "registry folder not found");
            if (!Directory.Exists(schemaDir)) throw new BundleInputException(schemas.Name, $"schema folder '{schemaDir}' not found");
            if (!File.Exists(bib)) throw new BundleInputException(references.Name, $"'{bib}' not found");
            var result = RegistryLint.Run(registry, schemaDir, PaperData.LoadReferenceKeys(bib));
            var output = parse.InvocationConfiguration.Output;
            foreach (var problem in result.Problems)
            {
                output.WriteLine(how == "github" ? WorkflowAnnotation.Format(problem, Environment.CurrentDirectory) : problem.ToString());
            }
            var errors = result.Errors.Count();
            var warnings = result.Problems.Count - errors;
            output.WriteLine($"lint-registry: {result.Entries.Count} entries clean, {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
            return errors > 0 ? CliRunner.BadInput : 0;
        });
        return command;
    }
}
