using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace ReproBundle.Notebooks;

/// <summary>One cell of a Jupyter notebook as the tests and <c>reproduce --notebooks</c> read it.</summary>
/// <param name="Number">1-based position among all cells, as a reader counts them from the top.</param>
/// <param name="CellType"><c>code</c> or <c>markdown</c>.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Outputs">Text of each output: stream text, or the <c>text/plain</c> and <c>text/html</c> data joined.</param>
/// <param name="Errors">Each error output as "name: message".</param>
/// <param name="Metadata">The cell's metadata object as JSON text.</param>
/// <param name="Id">The cell's nbformat 4.5 <c>id</c>; empty when it has none.</param>
public sealed record NotebookCell(int Number, string CellType, string Source, IReadOnlyList<string> Outputs, IReadOnlyList<string> Errors, string Metadata, string Id)
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

    /// <summary>
    /// Parses notebook JSON through Microsoft.DotNet.Interactive.Documents (<see cref="NotebookFile"/>);
    /// <paramref name="name"/> names it in messages.
    /// </summary>
    public static NotebookDocument Parse(string json, string name)
    {
        var document = NotebookFile.Parse(json, name);
        var cells = new List<NotebookCell>();
        int number = 0;
        foreach (var element in document.Elements)
        {
            number++;
            var outputs = new List<string>();
            var errors = new List<string>();
            foreach (var output in element.Outputs)
            {
                switch (output)
                {
                    case TextElement stream:
                        outputs.Add(stream.Text.Replace("\r\n", "\n"));
                        break;
                    case ErrorElement error:
                        var text = $"{error.ErrorName}: {error.ErrorValue}";
                        errors.Add(text);
                        outputs.Add(text);
                        break;
                    case DisplayElement display:
                        outputs.Add(DataText(display.Data));
                        break;
                    case ReturnValueElement value:
                        outputs.Add(DataText(value.Data));
                        break;
                }
            }
            cells.Add(new NotebookCell(number, NotebookFile.IsMarkdown(element) ? "markdown" : "code", (element.Contents ?? "").Replace("\r\n", "\n"),
                outputs, errors, JsonSerializer.Serialize(element.Metadata ?? new Dictionary<string, object>()), element.Id ?? ""));
        }
        var kernel = document.Metadata.TryGetValue("kernelspec", out var spec) ? Field(spec, "name") : "";
        return new NotebookDocument(name, cells, kernel);
    }

    /// <summary>The <c>text/plain</c> and <c>text/html</c> entries of an output's data, joined by a newline.</summary>
    private static string DataText(IDictionary<string, object> data) =>
        string.Join("\n", new[] { "text/plain", "text/html" }.Where(data.ContainsKey).Select(k => Text(data[k])));

    /// <summary>Text of a notebook string field, which nbformat allows as a string or an array of lines.</summary>
    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        JsonElement { ValueKind: JsonValueKind.Array } e => string.Concat(e.EnumerateArray().Select(l => l.GetString())),
        JsonNode node => Text(node),
        System.Collections.IEnumerable lines => string.Concat(lines.Cast<object?>().Select(Text)),
        _ => value.ToString() ?? "",
    };

    /// <summary>Text of a notebook string field given as JSON, a string or an array of lines.</summary>
    internal static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => lines.Aggregate(new StringBuilder(), (sb, l) => sb.Append((string?)l)).ToString(),
        _ => (string?)node ?? "",
    };

    private static string Field(object? map, string key) => map switch
    {
        IDictionary<string, object> d => d.TryGetValue(key, out var v) ? Text(v) : "",
        JsonElement { ValueKind: JsonValueKind.Object } e => e.TryGetProperty(key, out var v) ? Text(v) : "",
        _ => "",
    };

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(c => c.CellType == "code");

    /// <summary>Every cell error as "notebook cell N (`first line`): error", in cell order.</summary>
    public IReadOnlyList<string> CellErrors =>
        Cells.SelectMany(c => c.Errors.Select(e => $"{Name} cell {c.Number} (`{c.FirstLine}`): {e}")).ToList();
}
