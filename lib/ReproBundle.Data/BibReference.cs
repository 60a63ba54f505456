using System.Text.RegularExpressions;

namespace ReproBundle.Data;

/// <summary>One entry of <c>references.bib</c> as the references page shows it.</summary>
/// <param name="Key">BibTeX key (the anchor on the references page).</param>
/// <param name="Fields">Field name to value (braces stripped), e.g. author, title, year, url, note.</param>
public sealed partial record BibReference(string Key, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>A field's value or empty.</summary>
    public string this[string field] => Fields.TryGetValue(field, out var v) ? v : "";

    /// <summary>
    /// Reads every entry of a BibTeX file (the simple one-field-per-line form of <c>data/references.bib</c>, each
    /// entry closed by a <c>}</c> on its own line): the bundle's one BibTeX reader. A duplicate key, an entry not in
    /// that form, or a file without entries is a <see cref="BundleInputException"/> naming the file and line.
    /// </summary>
    public static IReadOnlyList<BibReference> Load(string path)
    {
        var text = InputFile.ReadText(path).Replace("\r\n", "\n");
        int LineOf(int index) => text.AsSpan(0, index).Count('\n') + 1;
        var list = new List<BibReference>();
        var parsedAt = new HashSet<int>();
        foreach (Match m in Entry().Matches(text))
        {
            var key = m.Groups[1].Value;
            if (list.Any(r => r.Key == key)) throw BundleInputException.AtLine(path, LineOf(m.Index), $"duplicate BibTeX key '{key}'");
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match f in Field().Matches(m.Groups[2].Value))
            {
                fields[f.Groups[1].Value.ToLowerInvariant()] = f.Groups[2].Value.Replace("{", "").Replace("}", "").Trim();
            }
            list.Add(new BibReference(key, fields));
            parsedAt.Add(m.Groups[1].Index);
        }
        foreach (Match h in Header().Matches(text))
        {
            if (!parsedAt.Contains(h.Groups[1].Index))
            {
                throw BundleInputException.AtLine(path, LineOf(h.Index), $"BibTeX entry '{h.Groups[1].Value}' is not in the one-field-per-line form (close it with '}}' on a line of its own)");
            }
        }
        if (list.Count == 0) throw new BundleInputException(path, "holds no BibTeX entries");
        return list;
    }

    [GeneratedRegex(@"^[ \t]*@\w+[ \t]*\{[ \t]*([^,\s]+)[ \t]*,(.*?)\n[ \t]*\}", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex(@"^[ \t]*@\w+\s*\{\s*([^,\s]+)\s*,", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*(\w+)\s*=\s*\{(.*)\},?\s*$", RegexOptions.Multiline)]
    private static partial Regex Field();
}
