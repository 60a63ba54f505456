using System.Text.RegularExpressions;
using ReproBundle.Data;

namespace ReproBundle.Site;

/// <summary>
/// A figure the site shows: its files, when produced, are already in the output stage at
/// <c>figures/&lt;Name&gt;.png</c> (static image) and <c>figures/&lt;Name&gt;.html</c> (interactive, offline).
/// The site copies what exists into <c>site/figures/</c>; a missing PNG (no Chromium) becomes a link to the HTML.
/// </summary>
/// <param name="Name">File stem under <c>figures/</c>, e.g. <c>fig1_radar_inference</c>.</param>
/// <param name="Title">Heading shown above the figure.</param>
/// <param name="Caption">What the figure shows and where it comes from in the paper.</param>
public sealed record SiteFigure(string Name, string Title, string Caption);

/// <summary>A CSV table already written into the stage (e.g. <c>tables/table2_projections.csv</c>), shown as an HTML table.</summary>
/// <param name="StagePath">Path of the CSV inside the stage, forward slashes.</param>
/// <param name="Title">Heading.</param>
/// <param name="Caption">What the table holds.</param>
public sealed record SiteTable(string StagePath, string Title, string Caption);

/// <summary>Options of the site generator.</summary>
/// <param name="AsOf">
/// The date "this quarter" is computed from. Null means the newest date in the registry, so two runs on the
/// same data write identical bytes (no clock is read).
/// </param>
public sealed record SiteOptions(DateOnly? AsOf = null);

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
        if (!File.Exists(path)) throw new BundleInputException(path, "file not found");
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
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
