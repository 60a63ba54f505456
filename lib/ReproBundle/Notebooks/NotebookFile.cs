using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace ReproBundle.Notebooks;

/// <summary>
/// Reads and writes the bundle's <c>.ipynb</c> files through Microsoft.DotNet.Interactive.Documents (the
/// reader and writer .NET Interactive itself uses), and gives every cell the stable <c>id</c> that nbformat 4.5
/// requires: without one, nbformat's validator warns and every Jupyter front end invents a random id on save.
/// </summary>
public static partial class NotebookFile
{
    /// <summary>The one kernel the notebooks use: C# (<c>csharp</c>), the default for every code cell.</summary>
    public static KernelInfoCollection Kernels()
    {
        var kernels = new KernelInfoCollection { new Microsoft.DotNet.Interactive.Documents.KernelInfo("csharp", "C#", []) };
        kernels.DefaultKernelName = "csharp";
        return kernels;
    }

    /// <summary>Parses notebook JSON; a malformed file throws <see cref="FormatException"/> naming <paramref name="name"/>.</summary>
    public static InteractiveDocument Parse(string json, string name)
    {
        try
        {
            return Notebook.Parse(json, Kernels());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            throw new FormatException($"{name}: not a readable Jupyter notebook ({e.Message.Split('\n')[0]})", e);
        }
    }

    /// <summary>
    /// Reads the notebook at <paramref name="path"/> under the input limits and nbformat's structure
    /// (<see cref="NotebookValidation"/>): a bad file throws <see cref="Data.BundleInputException"/> naming it.
    /// </summary>
    public static InteractiveDocument Read(string path) => Parse(NotebookValidation.ReadChecked(path), Path.GetFileName(path));

    /// <summary>The notebook as .ipynb JSON, as Documents writes it (one-space indent), with LF line ends and a final newline.</summary>
    public static string ToJson(InteractiveDocument document)
    {
        using var stream = new MemoryStream();
        Notebook.Write(document, stream, Kernels());
        var json = new UTF8Encoding(false).GetString(stream.ToArray()).Replace("\r\n", "\n");
        return json.EndsWith('\n') ? json : json + "\n";
    }

    /// <summary>True when <paramref name="id"/> is a valid nbformat 4.5 cell id: 1-64 characters of letters, digits, '-' and '_'.</summary>
    public static bool IsValidCellId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) => id is not null && CellIdPattern().IsMatch(id);

    /// <summary>
    /// Gives every cell without a valid id one, keeping the ids cells already have, and returns how many it
    /// assigned. Deterministic: a markdown cell that opens with a heading gets the heading's slug
    /// (<c>step-1-hourly-amortized-capex-per-node</c>), any other cell <c>cell-</c> and the first 8 hex digits of
    /// the SHA-256 of its text; a clash with an id already used gets <c>-2</c>, <c>-3</c>, ... appended.
    /// </summary>
    public static int AssignCellIds(InteractiveDocument document)
    {
        var used = new HashSet<string>(document.Elements.Select(e => e.Id).OfType<string>().Where(IsValidCellId), StringComparer.Ordinal);
        int assigned = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.Elements)
        {
            if (IsValidCellId(element.Id) && seen.Add(element.Id)) continue;
            var stem = ProposedId(element);
            var id = stem;
            for (int n = 2; used.Contains(id); n++) id = $"{stem}-{n}";
            used.Add(id);
            seen.Add(id);
            element.Id = id;
            assigned++;
        }
        return assigned;
    }

    /// <summary>
    /// Copies the cell ids of <paramref name="source"/> onto <paramref name="executed"/>, cell by cell: a headless
    /// runner (dotnet-repl 0.3.259) drops ids from the notebook it writes. Throws when the cell counts differ.
    /// </summary>
    public static void CopyCellIds(InteractiveDocument source, InteractiveDocument executed, string name)
    {
        if (source.Elements.Count != executed.Elements.Count)
        {
            throw new FormatException($"{name}: the executed notebook has {executed.Elements.Count} cells, the notebook {source.Elements.Count}");
        }
        for (int i = 0; i < source.Elements.Count; i++) executed.Elements[i].Id = source.Elements[i].Id;
    }

    /// <summary>Whether a cell is markdown (Documents represents a markdown cell as an element of kernel "markdown").</summary>
    public static bool IsMarkdown(InteractiveDocumentElement element) => element.KernelName == "markdown";

    private static string ProposedId(InteractiveDocumentElement element)
    {
        var contents = (element.Contents ?? "").Replace("\r\n", "\n");
        if (IsMarkdown(element))
        {
            var heading = contents.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
            if (heading.StartsWith('#'))
            {
                var slug = Slug(heading.TrimStart('#'));
                if (slug.Length > 0) return slug;
            }
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(contents));
        return "cell-" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>Lower-case ASCII letters and digits of <paramref name="text"/>, runs of anything else as one '-', at most 48 characters.</summary>
    internal static string Slug(string text)
    {
        var slug = NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 48) slug = slug[..48].TrimEnd('-');
        return slug;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex CellIdPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
