using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ReproBundle.Registry;

namespace ReproBundle.Site;

/// <summary>
/// The registry's Atom feeds (§7: "RSS/Atom feed per tag for aggregators"; "'resolved this quarter' feed"),
/// built with System.ServiceModel.Syndication. Every timestamp comes from the entries' dates, never the clock.
/// </summary>
public static class SiteFeeds
{
    /// <summary>The first day of the calendar quarter holding <paramref name="date"/>.</summary>
    public static DateOnly QuarterStart(DateOnly date) => new(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>"2026-Q2" for a date in April-June 2026.</summary>
    public static string QuarterName(DateOnly date) => $"{date.Year}-Q{(date.Month - 1) / 3 + 1}";

    /// <summary>Entries resolved in the quarter of <paramref name="asOf"/>, up to and including it.</summary>
    public static IReadOnlyList<RegistryEntry> ResolvedThisQuarter(BottleneckRegistry registry, DateOnly asOf)
    {
        var start = QuarterStart(asOf);
        return registry.Entries.Where(e => e.Status == EntryStatus.Resolved && e.StatusDate >= start && e.StatusDate <= asOf).ToList();
    }

    /// <summary>Feed file name (under <c>site/feeds/</c>) of a type tag.</summary>
    public static string TagFeedFile(string tag) => $"type-{tag}.atom";

    /// <summary>
    /// Every feed as (file name under <c>site/feeds/</c>, title, bytes): all entries, one per type tag, and
    /// resolved this quarter.
    /// </summary>
    public static IReadOnlyList<(string File, string Title, byte[] Bytes)> Build(BottleneckRegistry registry, DateOnly asOf)
    {
        var feeds = new List<(string, string, byte[])>();
        var all = registry.Entries;
        feeds.Add(("all.atom", "Bottleneck Registry: all entries", Feed("all", "Bottleneck Registry: all entries",
            "Every bottleneck of the registry (paper §6), newest change first.", all, asOf)));
        foreach (var tag in all.SelectMany(e => e.TypeTags).Distinct().Order(StringComparer.Ordinal))
        {
            var title = $"Bottleneck Registry: type {tag}";
            feeds.Add((TagFeedFile(tag), title, Feed($"type-{tag}", title, $"Entries whose printed type carries the tag '{tag}'.",
                all.Where(e => e.TypeTags.Contains(tag)).ToList(), asOf)));
        }
        var resolved = ResolvedThisQuarter(registry, asOf);
        var rTitle = $"Bottleneck Registry: resolved this quarter ({QuarterName(asOf)})";
        feeds.Add(("resolved-this-quarter.atom", rTitle, Feed("resolved-this-quarter", rTitle,
            $"Entries marked resolved between {QuarterStart(asOf):yyyy-MM-dd} and {asOf:yyyy-MM-dd} (as-of date of this build).", resolved, asOf)));
        return feeds;
    }

    private static DateTimeOffset At(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static byte[] Feed(string id, string title, string subtitle, IReadOnlyList<RegistryEntry> entries, DateOnly asOf)
    {
        var items = entries.OrderByDescending(e => e.LastChanged).ThenBy(e => e.Number).Select(e =>
        {
            var summary = $"{e.Id} {e.Name}. Type: {e.Type}. Group: {e.Group.ToText()}. Difficulty {e.Difficulty}, priority {e.Priority}. "
                          + $"Status: {(e.Status == EntryStatus.Open ? "open" : "resolved")} ({e.StatusDate:yyyy-MM-dd}). "
                          + $"Known solutions: {string.Join("; ", e.KnownSolutions)}. Blockers: {string.Join("; ", e.Blockers)}.";
            var item = new SyndicationItem($"{e.Id}: {e.Name}", new TextSyndicationContent(summary, TextSyndicationContentKind.Plaintext),
                new Uri($"../entries/{e.Slug}.html", UriKind.Relative), $"urn:reprobundle:registry:{e.Id}", At(e.LastChanged))
            {
                PublishDate = At(e.Changelog.Select(c => c.Date).DefaultIfEmpty(e.StatusDate).Min()),
            };
            foreach (var tag in e.TypeTags) item.Categories.Add(new SyndicationCategory(tag));
            item.Categories.Add(new SyndicationCategory(e.Group.ToText()));
            return item;
        }).ToList();
        var updated = entries.Count == 0 ? asOf : entries.Max(e => e.LastChanged);
        var feed = new SyndicationFeed(title, subtitle, new Uri("../registry.html", UriKind.Relative), $"urn:reprobundle:feed:{id}", At(updated))
        {
            Items = items,
        };
        feed.Links.Add(new SyndicationLink(new Uri($"{id}.atom", UriKind.Relative)) { RelationshipType = "self", MediaType = "application/atom+xml" });
        feed.Authors.Add(new SyndicationPerson { Name = "ReproBundle (registry seed of the paper, v0.3)" });
        feed.Generator = "ReproBundle";
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return [.. buffer.ToArray(), (byte)'\n'];
    }
}
