using System.Text.Json;
using ReproBundle.Data;

namespace ReproBundle.Notebooks;

/// <summary>
/// Checks a notebook file before any kernel sees it (issue 26, item 5): the input limits of every data file (at most 8 MB,
/// valid UTF-8, no NUL; <see cref="InputFile"/>), well-formed JSON (a truncated file is reported at its line), and the
/// structure nbformat 4's schema requires of a notebook (written here from the nbformat documentation, not copied):
/// an object with <c>cells</c> (an array), <c>metadata</c> (an object), <c>nbformat</c> 4 and <c>nbformat_minor</c>;
/// every cell an object with a <c>cell_type</c> of <c>code</c>, <c>markdown</c> or <c>raw</c>, a <c>source</c> that is a
/// string or an array of strings and an object <c>metadata</c>; a code cell also <c>outputs</c> (an array) and an
/// <c>execution_count</c> (an integer or null); an <c>id</c>, when present, 1-64 letters, digits, '-' or '_'.
/// A violation is bad input: <see cref="BundleInputException"/> naming the file (and the line, or the JSON path).
/// </summary>
public static class NotebookValidation
{
    /// <summary>Reads <paramref name="path"/> under the input limits and checks it; returns its text.</summary>
    public static string ReadChecked(string path)
    {
        var text = InputFile.ReadText(path);
        Check(path, text);
        return text;
    }

    /// <summary>Checks notebook JSON <paramref name="text"/> as read from <paramref name="path"/>.</summary>
    public static void Check(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw BundleInputException.AtLine(path, (int)(e.LineNumber ?? 0) + 1, $"not valid notebook JSON ({FirstSentence(e.Message)})");
        }
        using (document)
        {
            var root = document.RootElement;
            void Fail(string pointer, string problem) => throw new BundleInputException(path, $"{pointer}: {problem} (nbformat 4)");
            if (root.ValueKind != JsonValueKind.Object) Fail("/", "a notebook is a JSON object");
            if (!root.TryGetProperty("cells", out var cells) || cells.ValueKind != JsonValueKind.Array) Fail("/cells", "must be an array of cells");
            if (!root.TryGetProperty("nbformat", out var major) || major.ValueKind != JsonValueKind.Number || !major.TryGetInt32(out var m) || m != 4)
            {
                Fail("/nbformat", "must be 4");
            }
            if (!root.TryGetProperty("nbformat_minor", out var minor) || minor.ValueKind != JsonValueKind.Number || !minor.TryGetInt32(out var n) || n < 0)
            {
                Fail("/nbformat_minor", "must be an integer of 0 or more");
            }
            if (!root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object) Fail("/metadata", "must be an object");
            var index = 0;
            foreach (var cell in cells.EnumerateArray())
            {
                var at = $"/cells/{index++}";
                if (cell.ValueKind != JsonValueKind.Object) Fail(at, "a cell is a JSON object");
                var type = cell.TryGetProperty("cell_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (type is not ("code" or "markdown" or "raw")) Fail($"{at}/cell_type", "must be \"code\", \"markdown\" or \"raw\"");
                if (!cell.TryGetProperty("source", out var source) ||
                    !(source.ValueKind == JsonValueKind.String || (source.ValueKind == JsonValueKind.Array && source.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String))))
                {
                    Fail($"{at}/source", "must be a string or an array of strings");
                }
                if (!cell.TryGetProperty("metadata", out var cellMetadata) || cellMetadata.ValueKind != JsonValueKind.Object) Fail($"{at}/metadata", "must be an object");
                if (cell.TryGetProperty("id", out var id) && !(id.ValueKind == JsonValueKind.String && NotebookFile.IsValidCellId(id.GetString())))
                {
                    Fail($"{at}/id", "must be 1-64 letters, digits, '-' or '_'");
                }
                if (type == "code")
                {
                    if (!cell.TryGetProperty("outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array) Fail($"{at}/outputs", "a code cell's outputs must be an array");
                    if (!cell.TryGetProperty("execution_count", out var count) || !(count.ValueKind == JsonValueKind.Null || (count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out _))))
                    {
                        Fail($"{at}/execution_count", "a code cell's execution_count must be an integer or null");
                    }
                }
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var l and > 0 ? l : message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Split('\n')[0].TrimEnd('.');
    }
}
