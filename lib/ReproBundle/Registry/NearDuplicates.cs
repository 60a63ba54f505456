namespace ReproBundle.Registry;

/// <summary>One entry that resembles an earlier one: the most similar earlier entry found, and how many others also reach the threshold.</summary>
/// <param name="Later">Index of the later entry in the ordered list.</param>
/// <param name="Earlier">Index of the most similar earlier entry (ties: the earliest).</param>
/// <param name="Similarity">Jaccard similarity of their content words (<see cref="RegistryLint.Similarity"/>).</param>
/// <param name="OtherEarlier">How many other earlier entries found (copies of a match included) also reach the threshold.</param>
public readonly record struct NearDuplicateMatch(int Later, int Earlier, double Similarity, int OtherEarlier);

/// <summary>The near-duplicate warnings to print (<see cref="NearDuplicates.MaxWarnings"/> at most) and how many more were found.</summary>
/// <param name="Shown">The first matches in entry order.</param>
/// <param name="NotShown">Further entries that resemble an earlier one, counted but not listed.</param>
/// <param name="FirstNotShown">Index of the first entry not listed (-1 when none).</param>
public sealed record NearDuplicateReport(IReadOnlyList<NearDuplicateMatch> Shown, int NotShown, int FirstNotShown);

/// <summary>
/// Near-duplicate detection for the registry lint (§7: the registry grows by contribution, so a second entry for one
/// bottleneck should be caught), bounded for large registries (issue 26, item 8). Comparing every pair grows with the
/// square of the entry count (1,000 entries printed 499,501 lines in 13 s); here:
/// <list type="bullet">
/// <item>entries with the same content words are grouped by a hash, each later copy a duplicate of the first (similarity 1);</item>
/// <item>candidate pairs come from an inverted index of content words through the prefix filter of all-pairs similarity
/// search: with the words of an entry ordered rarest first, two entries of Jaccard similarity at least t share a word among
/// the first |x| - ceil(t·|x|) + 1 of each, so only those words are indexed and probed;</item>
/// <item>each probed word compares at most <see cref="MaxComparedPerWord"/> of the most recent earlier entries holding it,
/// which bounds the work at O(n · w · 256) for n entries of w words (the search is exact while no indexed word is shared by
/// more entries than that);</item>
/// <item>each entry gets at most one warning (its most similar earlier entry, with a count of the others), and at most
/// <see cref="MaxWarnings"/> warnings are listed, the rest counted.</item>
/// </list>
/// </summary>
public static class NearDuplicates
{
    /// <summary>The most near-duplicate warnings listed; further ones are counted in one summary warning.</summary>
    public const int MaxWarnings = 100;

    /// <summary>The most earlier entries compared per probed word (the most recent ones holding it).</summary>
    public const int MaxComparedPerWord = 256;

    /// <summary>Finds, for every entry of <paramref name="ordered"/>, the most similar earlier entry at or above <paramref name="threshold"/>.</summary>
    public static NearDuplicateReport Find(IReadOnlyList<RegistryEntry> ordered, double threshold)
    {
        var n = ordered.Count;
        var words = ordered.Select(RegistryLint.ContentWords).ToList();

        // Word ranks, rarest first (ties by ordinal text, so the order is deterministic); each entry as its sorted ranks.
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in words)
        {
            foreach (var w in set) frequency[w] = frequency.GetValueOrDefault(w) + 1;
        }
        var rank = frequency.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select((p, i) => (p.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var tokens = words.Select(set => set.Select(w => rank[w]).Order().ToArray()).ToArray();

        var postings = new Dictionary<int, List<int>>();
        var firstOfSameWords = new Dictionary<string, int>(StringComparer.Ordinal);
        var copiesSoFar = new Dictionary<int, int>();
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var matches = new List<NearDuplicateMatch>();
        for (var k = 0; k < n; k++)
        {
            var x = tokens[k];
            if (x.Length == 0) continue;
            var key = string.Join(',', x);
            if (firstOfSameWords.TryGetValue(key, out var first))
            {
                var copies = copiesSoFar.GetValueOrDefault(first);
                copiesSoFar[first] = copies + 1;
                matches.Add(new NearDuplicateMatch(k, first, 1, copies));
                continue;
            }
            firstOfSameWords[key] = k;

            var prefix = PrefixLength(x.Length, threshold);
            int best = -1, others = 0;
            double bestSimilarity = 0;
            for (var p = 0; p < prefix; p++)
            {
                if (!postings.TryGetValue(x[p], out var list)) continue;
                for (int i = list.Count - 1, seen = 0; i >= 0 && seen < MaxComparedPerWord; i--, seen++)
                {
                    var candidate = list[i];
                    if (stamp[candidate] == k) continue;
                    stamp[candidate] = k;
                    var s = Jaccard(x, tokens[candidate]);
                    if (s < threshold) continue;
                    others += copiesSoFar.GetValueOrDefault(candidate); // its later copies (not indexed) score the same
                    if (best < 0) best = candidate;
                    else
                    {
                        others++;
                        if (s > bestSimilarity || (s == bestSimilarity && candidate < best)) best = candidate;
                        else continue;
                    }
                    bestSimilarity = s;
                }
            }
            if (best >= 0) matches.Add(new NearDuplicateMatch(k, best, bestSimilarity, others));
            for (var p = 0; p < prefix; p++)
            {
                if (!postings.TryGetValue(x[p], out var list)) postings[x[p]] = list = [];
                list.Add(k);
            }
        }
        var shown = matches.Take(MaxWarnings).ToList();
        return new NearDuplicateReport(shown, matches.Count - shown.Count, matches.Count > MaxWarnings ? matches[MaxWarnings].Later : -1);
    }

    /// <summary>|x| - ceil(t·|x|) + 1: the leading (rarest) words among which any entry of similarity at least t shares one.</summary>
    internal static int PrefixLength(int size, double threshold)
    {
        var overlap = (int)Math.Ceiling(threshold * size - 1e-9);
        return Math.Clamp(size - overlap + 1, 1, size);
    }

    /// <summary>|a ∩ b| / |a ∪ b| of two sorted, distinct rank arrays (the same value as <see cref="RegistryLint.Similarity"/>).</summary>
    private static double Jaccard(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)shared / (a.Length + b.Length - shared);
    }
}
