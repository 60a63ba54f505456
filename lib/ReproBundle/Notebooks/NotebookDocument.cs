using System.Text;
using System.Text.Json.Nodes;

namespace ReproBundle.Notebooks;

/// <summary>One cell of a Jupyter notebook as the tests and <c>reproduce --notebooks</c> read it.</summary>
/// <param name="Number">1-based position among all cells, as a reader counts them from the top.</param>
/// <param name="CellType"><c>code</c> or <c>markdown</c>.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Outputs">Text of each output: stream text, or the <c>text/plain</c> and <c>text/html</c> data joined.</param>
/// <param name="Errors">Each error output as "name: message".</param>
/// <param name="Metadata">The cell's metadata object as JSON text.</param>
public sealed record NotebookCell(int Number, string CellType, string Source, IReadOnlyList<string> Outputs, IReadOnlyList<string> Errors, string Metadata)
{
    /// <summary>The first non-empty line of the source, to name the cell in a message.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>All outputs joined by newlines: what a key-number check searches.</summary>
    public string OutputText => string.Join("\n", Outputs);
}

/// <summary>A Jupyter notebook (<c>.ipynb</c>, nbformat 4) read into cells.</summary>
/// <param name="Name">File name, e.g. <c>04-agent-density.ipynb</c>.</param>
/// <param name="Cells">The cells in order.</param>
/// <param name="KernelName">The notebook's kernelspec name (<c>.net-csharp</c> for ours).</param>
public sealed record NotebookDocument(string Name, IReadOnlyList<NotebookCell> Cells, string KernelName)
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    public static NotebookDocument Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses notebook JSON; <paramref name="name"/> names it in messages.</summary>
    public static NotebookDocument Parse(string json, string name)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException($"{name}: not a JSON object");
        var cells = new List<NotebookCell>();
        int number = 0;
        foreach (var cell in root["cells"]?.AsArray() ?? [])
        {
            number++;
            var outputs = new List<string>();
            var errors = new List<string>();
            foreach (var output in cell?["outputs"]?.AsArray() ?? [])
            {
                switch ((string?)output?["output_type"])
                {
                    case "stream":
                        outputs.Add(Text(output!["text"]));
                        break;
                    case "error":
                        var error = $"{(string?)output!["ename"]}: {(string?)output["evalue"]}";
                        errors.Add(error);
                        outputs.Add(error);
                        break;
                    default:
                        var data = output?["data"] as JsonObject;
                        outputs.Add(string.Join("\n", new[] { "text/plain", "text/html" }.Where(k => data?[k] is not null).Select(k => Text(data![k]))));
                        break;
                }
            }
            cells.Add(new NotebookCell(number, (string?)cell?["cell_type"] ?? "", Text(cell?["source"]), outputs, errors,
                cell?["metadata"]?.ToJsonString() ?? "{}"));
        }
        return new NotebookDocument(name, cells, (string?)root["metadata"]?["kernelspec"]?["name"] ?? "");
    }

    /// <summary>Text of a notebook string field, which nbformat allows as a string or an array of lines.</summary>
    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => lines.Aggregate(new StringBuilder(), (sb, l) => sb.Append((string?)l)).ToString(),
        _ => (string?)node ?? "",
    };

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.CellType == "code");

    /// <summary>Every cell error as "notebook cell N (`first line`): error", in cell order.</summary>
    public IReadOnlyList<string> CellErrors =>
        Cells.SelectMany(c => c.Errors.Select(e => $"{Name} cell {c.Number} (`{c.FirstLine}`): {e}")).ToList();
}
