using ReproBundle.Registry;
using Xunit;

namespace ReproBundle.Tests.Registry;

/// <summary>Issue 26, item 8: near-duplicate detection finds what comparing every pair finds, and its output is bounded.</summary>
public class NearDuplicateTests
{
    /// <summary>
    /// Entries with names and known solutions drawn from a small vocabulary (so many pairs reach the threshold and many do
    /// not): for every entry, the indexed search reports the same most similar earlier entry as a comparison of every pair.
    /// </summary>
    [Fact]
    public void The_indexed_search_finds_the_same_best_earlier_match_as_comparing_every_pair()
    {
        var seed = RegistryTestData.Seed().Entries;
        var random = new Random(20260422);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => "w" + random.Next(40).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var entries = seed.Concat(Enumerable.Range(19, 180).Select(i => seed[0] with
        {
            Id = $"B{i}",
            Name = Words(1 + random.Next(4)),
            KnownSolutions = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Words(1 + random.Next(3)))],
        })).ToList();

        var found = NearDuplicates.Find(entries, RegistryLint.NearDuplicateThreshold);

        var expected = new List<(int Later, int Earlier, int Others)>();
        for (var k = 0; k < entries.Count; k++)
        {
            var matches = Enumerable.Range(0, k).Select(i => (i, s: RegistryLint.Similarity(entries[i], entries[k])))
                .Where(m => m.s >= RegistryLint.NearDuplicateThreshold).OrderByDescending(m => m.s).ThenBy(m => m.i).ToList();
            if (matches.Count > 0) expected.Add((k, matches[0].i, matches.Count - 1));
        }
        Assert.True(expected.Count > NearDuplicates.MaxWarnings, $"only {expected.Count} matches: the case must exceed the cap");
        var all = found.Shown.Select(m => (m.Later, m.Earlier)).ToList();
        Assert.Equal(expected.Take(NearDuplicates.MaxWarnings).Select(e => (e.Later, e.Earlier)), all);
        Assert.Equal(expected.Count - NearDuplicates.MaxWarnings, found.NotShown);
        Assert.Equal(expected[NearDuplicates.MaxWarnings].Later, found.FirstNotShown);
        // The count of other matches is a lower bound (an exact copy is not compared again); it never exceeds the true count.
        Assert.All(found.Shown.Zip(expected), p => Assert.InRange(p.First.OtherEarlier, 0, p.Second.Others));
    }

    /// <summary>
    /// 300 entries made from B01 (the case, every pair a near-duplicate: 44,850 pairs among them) print 100
    /// warnings and one that counts the rest: 301 entries resemble an earlier one (B16 and the 300 copies), so 201 are
    /// not listed, the first of them and 200 more.
    /// </summary>
    [Fact]
    public void Three_hundred_copies_print_a_bounded_number_of_warnings_with_a_count_of_the_rest()
    {
        using var data = new TempData();
        var template = File.ReadAllText(data.Entry("B01.md"));
        for (var i = 19; i <= 318; i++)
        {
            File.WriteAllText(data.Entry($"B{i}.md"), template.Replace("id: B1\n", $"id: B{i}\n", StringComparison.Ordinal)
                .Replace("name: \"Memory-bandwidth wall (decode)\"", $"name: \"Memory-bandwidth wall (decode) copy {i}\"", StringComparison.Ordinal));
        }

        var result = RegistryLint.Run(data.Registry, data.Schemas, RegistryTestData.ReferenceKeys());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems.Take(3)));
        Assert.Equal(318, result.Entries.Count);
        var warnings = result.Problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList();
        Assert.Equal(NearDuplicates.MaxWarnings + 1, warnings.Count);
        var summary = Assert.Single(warnings, w => w.Message.Contains("more entries after it", StringComparison.Ordinal));
        Assert.Contains("and 200 more entries after it may duplicate an earlier one", summary.Message);
    }
}
