using System.CommandLine;
using System.Text;
using ReproBundle.Notebooks;

namespace ReproBundle.Cli.Commands;

/// <summary>
/// <c>notebooks ids</c> gives every notebook cell without an nbformat 4.5 id a stable one (keeping existing ids);
/// <c>notebooks twins</c> writes each notebook's file-based twin <c>NN-name.cs</c>. With <c>--check</c> both
/// change nothing and exit 2 naming each file that would change.
/// </summary>
internal static class NotebooksCommand
{
    public static Command Create()
    {
        var command = new Command("notebooks", "Maintain notebooks/: stable cell ids (ids) and the file-based twins (twins).");
        command.Add(Subcommand("ids", "Give every cell without an id a stable one (heading slug or content hash), keeping existing ids.", IdsFor));
        command.Add(Subcommand("twins", "Write notebooks/NN-name.cs, the file-based twin of each NN-name.ipynb (run with `dotnet run NN-name.cs`).", TwinFor));
        return command;
    }

    private static Command Subcommand(string name, string description, Func<string, (string Path, string Text)> generate)
    {
        var directory = new Argument<string>("DIR") { Description = "The notebooks folder", DefaultValueFactory = _ => "./notebooks" };
        var check = new Option<bool>("--check") { Description = "Change nothing; exit 2 naming every file that is out of date" };
        var command = new Command(name, description) { directory, check };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!Directory.Exists(dir))
            {
                error.WriteLine($"{dir}: notebooks folder not found");
                return 2;
            }
            var stale = new List<string>();
            foreach (var notebook in NotebookRunner.FindNotebooks(dir))
            {
                (string path, string text) result;
                try
                {
                    result = generate(notebook);
                }
                catch (FormatException e)
                {
                    error.WriteLine(e.Message);
                    return 2;
                }
                var current = File.Exists(result.path) ? File.ReadAllText(result.path) : null;
                if (current == result.text) continue;
                stale.Add(result.path);
                if (!parse.GetValue(check))
                {
                    File.WriteAllText(result.path, result.text, new UTF8Encoding(false));
                    output.WriteLine($"wrote {result.path}");
                }
            }
            if (parse.GetValue(check) && stale.Count > 0)
            {
                foreach (var path in stale) error.WriteLine($"{path}: out of date; run `dotnet run --project lib/ReproBundle.Cli -- notebooks {name}`");
                return 2;
            }
            if (stale.Count == 0) output.WriteLine($"notebooks {name}: every file is up to date");
            return 0;
        });
        return command;
    }

    /// <summary>The notebook with ids assigned, written through Microsoft.DotNet.Interactive.Documents.</summary>
    internal static (string Path, string Text) IdsFor(string notebookPath)
    {
        var document = NotebookFile.Read(notebookPath);
        var assigned = NotebookFile.AssignCellIds(document);
        // Unchanged files stay byte for byte as they are: only a file that gains ids is rewritten.
        return (notebookPath, assigned == 0 ? File.ReadAllText(notebookPath) : NotebookFile.ToJson(document));
    }

    internal static (string Path, string Text) TwinFor(string notebookPath) =>
        (NotebookTwinWriter.TwinPath(notebookPath), NotebookTwinWriter.Generate(notebookPath));
}
