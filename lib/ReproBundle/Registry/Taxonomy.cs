using System.Globalization;
using ReproBundle.Output;

namespace ReproBundle.Registry;

/// <summary>One row of <c>registry_summary.csv</c>: how many entries fall in one category of one dimension.</summary>
/// <param name="Dimension"><c>type</c> (as printed), <c>type_tag</c>, <c>group</c>, <c>priority</c>, <c>difficulty</c>, <c>status</c> or <c>schema_version</c>.</param>
/// <param name="Category">The category (e.g. <c>Algo</c>, <c>algorithmic</c>, <c>5</c>).</param>
/// <param name="Count">Entries in it.</param>
/// <param name="Ids">Their ids in number order.</param>
public sealed record TaxonomyCount(string Dimension, string Category, int Count, IReadOnlyList<string> Ids);

/// <summary>
/// Counts of the registry by printed type, type tag, §6 taxonomy group, priority, difficulty, status and
/// schema version; the basis of the taxonomy claims and of <c>tables/registry_summary.csv</c>.
/// </summary>
public static class Taxonomy
{
    /// <summary>
    /// Type tags of a printed type: split at '/', lower case, with one alias: the paper prints "Arch" for
    /// B1-B15 and "Architecture" for B17, read as the same tag <c>arch</c>. "Physics/Arch" gives physics, arch.
    /// </summary>
    public static IReadOnlyList<string> TypeTags(string printedType) =>
        printedType.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant() switch { "architecture" => "arch", var x => x })
            .Select(t => new string(t.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()))
            .Distinct().ToList();

    /// <summary>Every count, dimension by dimension, categories in a fixed order.</summary>
    public static IReadOnlyList<TaxonomyCount> Counts(BottleneckRegistry registry)
    {
        var e = registry.Entries;
        var rows = new List<TaxonomyCount>();
        void Add(string dimension, IEnumerable<IGrouping<string, RegistryEntry>> groups) =>
            rows.AddRange(groups.Select(g => new TaxonomyCount(dimension, g.Key, g.Count(), g.OrderBy(x => x.Number).Select(x => x.Id).ToList())));

        Add("type", e.GroupBy(x => x.Type).OrderBy(g => g.Min(x => x.Number)));
        Add("type_tag", e.SelectMany(x => x.TypeTags.Select(t => (Tag: t, Entry: x))).GroupBy(p => p.Tag, p => p.Entry).OrderBy(g => g.Min(x => x.Number)));
        rows.AddRange(TaxonomyGroupText.All.Select(g =>
        {
            var ids = e.Where(x => x.Group == g).Select(x => x.Id).ToList();
            return new TaxonomyCount("group", g.ToText(), ids.Count, ids);
        }));
        Add("priority", e.GroupBy(x => x.Priority.ToString(CultureInfo.InvariantCulture)).OrderByDescending(g => g.Key, StringComparer.Ordinal));
        Add("difficulty", e.GroupBy(x => x.Difficulty.ToString(CultureInfo.InvariantCulture)).OrderByDescending(g => g.Key, StringComparer.Ordinal));
        rows.AddRange(new[] { EntryStatus.Open, EntryStatus.Resolved }.Select(s =>
        {
            var ids = e.Where(x => x.Status == s).Select(x => x.Id).ToList();
            return new TaxonomyCount("status", s == EntryStatus.Open ? "open" : "resolved", ids.Count, ids);
        }));
        Add("schema_version", e.GroupBy(x => x.SchemaVersion).OrderBy(g => g.Key, StringComparer.Ordinal));
        return rows;
    }

    /// <summary>The columns of <c>registry_summary.csv</c>.</summary>
    public static readonly IReadOnlyList<string> SummaryColumns = ["dimension", "category", "count", "share_percent", "ids"];

    /// <summary>Writes <c>tables/registry_summary.csv</c>: every count with its share of all entries (one decimal) and its ids.</summary>
    public static void WriteSummary(OutputStage stage, BottleneckRegistry registry) =>
        stage.WriteCsv("tables/registry_summary.csv", SummaryColumns, SummaryRows(registry));

    /// <summary>The rows of <c>registry_summary.csv</c> (§6): every count with its share of all entries (one decimal) and its ids.</summary>
    public static IEnumerable<IReadOnlyList<object?>> SummaryRows(BottleneckRegistry registry)
    {
        var total = registry.Entries.Count;
        return Counts(registry).Select(r => (IReadOnlyList<object?>)
        [
            r.Dimension, r.Category, r.Count,
            total == 0 ? "" : Math.Round(100.0 * r.Count / total, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture),
            string.Join(' ', r.Ids),
        ]);
    }
}
