using System.Text.RegularExpressions;

namespace ReproBundle.Data;

/// <summary>One entry of <c>references.bib</c> as the references page shows it.</summary>
/// <param name="Key">BibTeX key (the anchor on the references page).</param>
/// <param name="Fields">Field name to value (braces stripped), e.g. author, title, year, url, note.</param>
public sealed partial record BibReference(string Key, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>A field's value or empty.</summary>
    public string this[string field] => Fields.TryGetValue(field, out var v) ? v : "";

    /// <summary>Reads every entry of a BibTeX file (the simple one-field-per-line form of <c>data/references.bib</c>).</summary>
    public static IReadOnlyList<BibReference> Load(string path)
    {
        var text = InputFile.ReadText(path).Replace("\r\n", "\n");
        var list = new List<BibReference>();
        foreach (Match m in Entry().Matches(text))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match f in Field().Matches(m.Groups[2].Value))
            {
                fields[f.Groups[1].Value.ToLowerInvariant()] = f.Groups[2].Value.Replace("{", "").Replace("}", "").Trim();
            }
            list.Add(new BibReference(m.Groups[1].Value, fields));
        }
        return list;
    }

    [GeneratedRegex(@"@\w+\{([^,\s]+),(.*?)\n\}", RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\s*(\w+)\s*=\s*\{(.*)\},?\s*$", RegexOptions.Multiline)]
    private static partial Regex Field();
}
