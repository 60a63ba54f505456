using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReproBundle.Notebooks;

/// <summary>
/// Removes what changes from one headless run to the next, so two runs of <c>reproduce --notebooks</c> write
/// identical <c>output/notebooks/*.ipynb</c>: dotnet-repl's execution timestamps in cell metadata, the
/// kernel's transient "Installing Packages" progress outputs (their number depends on timing), and any GUID
/// left in an output (renumbered in order of first appearance). Line endings inside outputs become LF.
/// </summary>
public static partial class NotebookScrubber
{
    /// <summary>Cell metadata keys dotnet-repl fills with wall-clock times.</summary>
    public static readonly IReadOnlyList<string> VolatileMetadataKeys = ["dotnet_repl_cellExecutionStartTime", "dotnet_repl_cellExecutionEndTime"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The scrubbed notebook JSON (one-space indent as Jupyter writes it, LF, final newline).</summary>
    public static string Scrub(string notebookJson)
    {
        var root = JsonNode.Parse(notebookJson)!.AsObject();
        var guids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var cell in root["cells"]?.AsArray() ?? [])
        {
            if (cell?["metadata"] is JsonObject metadata)
            {
                foreach (var key in VolatileMetadataKeys) metadata.Remove(key);
            }
            if (cell?["outputs"] is not JsonArray outputs) continue;
            for (int i = outputs.Count - 1; i >= 0; i--)
            {
                if (IsTransientProgress(outputs[i])) outputs.RemoveAt(i);
            }
            foreach (var output in outputs) RewriteStrings(output, guids);
        }
        return JsonSerializer.Serialize(root, Json).Replace("\r\n", "\n") + "\n";
    }

    /// <summary>The notebook JSON with every output and execution count removed: the form committed to notebooks/.</summary>
    public static string StripOutputs(string notebookJson)
    {
        var root = JsonNode.Parse(notebookJson)!.AsObject();
        foreach (var cell in root["cells"]?.AsArray() ?? [])
        {
            if (cell is not JsonObject c || (string?)c["cell_type"] != "code") continue;
            c["outputs"] = new JsonArray();
            c["execution_count"] = null;
            if (c["metadata"] is JsonObject metadata)
            {
                foreach (var key in VolatileMetadataKeys) metadata.Remove(key);
            }
        }
        return JsonSerializer.Serialize(root, Json).Replace("\r\n", "\n") + "\n";
    }

    private static bool IsTransientProgress(JsonNode? output) =>
        (string?)output?["output_type"] == "display_data"
        && NotebookDocument.Text(output?["data"]?["text/html"]).Contains("<strong>Installing Packages</strong>", StringComparison.Ordinal);

    private static void RewriteStrings(JsonNode? node, Dictionary<string, string> guids)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue v && v.TryGetValue<string>(out var s)) o[key] = Clean(s, guids);
                    else RewriteStrings(o[key], guids);
                }
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var s)) a[i] = Clean(s, guids);
                    else RewriteStrings(a[i], guids);
                }
                break;
        }
    }

    private static string Clean(string text, Dictionary<string, string> guids) =>
        GuidPattern().Replace(text.Replace("\r\n", "\n"), m =>
        {
            if (!guids.TryGetValue(m.Value, out var replacement))
            {
                replacement = $"00000000-0000-0000-0000-{guids.Count + 1:D12}";
                guids[m.Value] = replacement;
            }
            return replacement;
        });

    /// <summary>A GUID in its 8-4-4-4-12 hexadecimal form, as Plotly.NET writes chart ids.</summary>
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
