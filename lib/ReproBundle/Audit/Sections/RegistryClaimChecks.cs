using ReproBundle.Registry;

namespace ReproBundle.Audit;

/// <summary>
/// The taxonomy claims of §6, the abstract, §5, §9 and §10 (O1, O8), recomputed by counting the fields of the
/// registry entries (group, priority, difficulty, type, schema version). Nothing here knows the answer in
/// advance: every number comes from the entries, so editing an entry changes the verdicts.
/// </summary>
public sealed class RegistryClaimChecks : IClaimCheckProvider
{
    private readonly BottleneckRegistry _r;

    /// <summary>Creates the checks over a loaded registry.</summary>
    public RegistryClaimChecks(BottleneckRegistry registry)
    {
        _r = registry;
        Checks = Build();
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ClaimCheck> Checks { get; }

    private static string S(double v) => Quantity.Text(v);

    private static string Ids(IEnumerable<RegistryEntry> entries) => string.Join(", ", entries.Select(e => e.Id));

    /// <summary>
    /// The "fifteen top bottlenecks" of the abstract and §9: the v0.1 seed (Appendix B: "Seed Bottleneck
    /// Registry with 15 entries"), i.e. the entries of schema v0.1.
    /// </summary>
    private IReadOnlyList<RegistryEntry> Seed => _r.Entries.Where(e => e.SchemaVersion == "v0.1").ToList();

    private IReadOnlyList<RegistryEntry> All => _r.Entries;

    private IReadOnlyList<RegistryEntry> In(TaxonomyGroup g, IEnumerable<RegistryEntry>? from = null) => (from ?? All).Where(e => e.Group == g).ToList();

    private Dictionary<string, ClaimCheck> Build()
    {
        var c = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        AddCounts(c);
        AddStatements(c);
        return c;
    }

    /// <summary>§6's counts and shares: the entries, the taxonomy note's three groups, the coordination share two ways.</summary>
    private void AddCounts(Dictionary<string, ClaimCheck> c)
    {
        var all = All;
        var algo = In(TaxonomyGroup.Algorithmic);
        var coord = In(TaxonomyGroup.CoordinationOrEngineering);
        var capital = In(TaxonomyGroup.HeavyCapital);

        c["s6.entry_count"] = () => new(Interval.Point(all.Count), $"{all.Count} entry files in data/registry ({all.First().Id}-{all.Last().Id})");
        c["s6.group_algorithmic"] = () => new(Interval.Point(algo.Count), $"entries with group algorithmic: {Ids(algo)}");
        c["s6.group_coordination"] = () => new(Interval.Point(coord.Count), $"entries with group coordination-or-engineering: {Ids(coord)}");
        c["s6.group_heavy_capital"] = () => new(Interval.Point(capital.Count), $"entries with group heavy-capital: {Ids(capital)}");
        Reading CoordinationShare()
        {
            var share = 100.0 * coord.Count / all.Count;
            return new Reading("coordination group", Interval.Point(share), $"coordination-or-engineering {coord.Count} of {all.Count} entries = {S(share)}%");
        }
        Reading NotMoneyShare()
        {
            var notCapital = all.Count - capital.Count;
            var share = 100.0 * notCapital / all.Count;
            return new Reading("not heavy capital", Interval.Point(share), $"entries outside heavy-capital ({coord.Count} coordination-or-engineering + " +
                $"{algo.Count} algorithmic) {notCapital} of {all.Count} = {S(share)}%");
        }
        c["s6.coordination_share"] = () =>
        {
            var a = CoordinationShare();
            return new(a.Value, a.Detail) { PrimaryName = a.Name, Alternatives = [NotMoneyShare()] };
        };
        c["s6.not_money_share"] = () =>
        {
            var a = NotMoneyShare();
            return new(a.Value, a.Detail) { PrimaryName = a.Name, Alternatives = [CoordinationShare()] };
        };
    }

    /// <summary>The statements the registry's fields settle: §6's B16 and priority-5, the abstract's and §9's counts, §5's B8, §10 O1 and O8.</summary>
    private void AddStatements(Dictionary<string, ClaimCheck> c)
    {
        var all = All;
        var capital = In(TaxonomyGroup.HeavyCapital);
        c["s6.b16_highest_priority_addition"] = () =>
        {
            // The additions are the entries the seed did not have (schema v0.2, Appendix B v0.2).
            var additions = all.Where(e => e.SchemaVersion != "v0.1").ToList();
            var b16 = _r.Contains("B16") ? _r["B16"] : null;
            var holds = b16 is not null && additions.Contains(b16) && additions.All(a => a == b16 || a.Priority < b16.Priority);
            return ClaimComputation.Holds(holds, $"priorities of the additions (schema v0.2): {string.Join(", ", additions.Select(a => $"{a.Id} {a.Priority}"))}");
        };
        c["s6.priority5_not_capital"] = () =>
        {
            var top = all.Where(e => e.Priority == 5).ToList();
            var holds = top.Count > 0 && top.All(e => e.Group != TaxonomyGroup.HeavyCapital);
            return ClaimComputation.Holds(holds, $"priority-5 entries: {string.Join(", ", top.Select(e => $"{e.Id} ({e.Group.ToText()})"))}; heavy-capital entries {Ids(capital)} rate priority {string.Join(", ", capital.Select(e => e.Priority))}");
        };
        c["abstract.eleven_of_fifteen"] = () =>
        {
            var seed = Seed;
            var blocked = seed.Where(e => e.Group != TaxonomyGroup.Algorithmic).ToList();
            return new(Interval.Point(blocked.Count),
                $"of the {seed.Count} seed entries (schema v0.1), {blocked.Count} are not algorithmic: " +
                    $"{In(TaxonomyGroup.CoordinationOrEngineering, seed).Count} coordination-or-engineering " +
                    $"({Ids(In(TaxonomyGroup.CoordinationOrEngineering, seed))}) + {In(TaxonomyGroup.HeavyCapital, seed).Count} heavy-capital " +
                    $"({Ids(In(TaxonomyGroup.HeavyCapital, seed))}); algorithmic: {Ids(In(TaxonomyGroup.Algorithmic, seed))}");
        };
        c["s9.majority"] = () =>
        {
            var seed = Seed;
            var coordSeed = In(TaxonomyGroup.CoordinationOrEngineering, seed);
            var holds = 2 * coordSeed.Count > seed.Count;
            return ClaimComputation.Holds(holds, $"{coordSeed.Count} of the {seed.Count} seed entries are coordination-or-engineering ({coordSeed.Count + In(TaxonomyGroup.HeavyCapital, seed).Count} with heavy capital counted too), {(holds ? "more" : "not more")} than half");
        };
        c["s5.b8_gating"] = () =>
        {
            if (!_r.Contains("B8")) return ClaimComputation.Holds(false, "the registry has no B8");
            var b8 = _r["B8"];
            var maxPriority = all.Max(e => e.Priority);
            var maxDifficulty = all.Max(e => e.Difficulty);
            var peers = all.Where(e => e.Priority == maxPriority && e.Difficulty == maxDifficulty).ToList();
            return ClaimComputation.Holds(b8.Priority == maxPriority && b8.Difficulty == maxDifficulty,
                $"B8 rates priority {b8.Priority} and difficulty {b8.Difficulty}; the registry's maxima are {maxPriority} and {maxDifficulty}, reached " +
                    $"together by {Ids(peers)}");
        };
        c["o1.b4_dominant_risk"] = () =>
        {
            if (!_r.Contains("B4")) return ClaimComputation.Holds(false, "the registry has no B4");
            var b4 = _r["B4"];
            var maxPriority = all.Max(e => e.Priority);
            var above = all.Where(e => e.Priority > b4.Priority).ToList();
            return ClaimComputation.Holds(b4.Priority == maxPriority,
                $"B4 rates priority {b4.Priority}; {above.Count} entries rate higher ({Ids(above)})");
        };
        c["o8.count_by_type"] = () =>
        {
            var mixed = all.GroupBy(e => e.Type).Where(g => g.Select(e => e.Group).Distinct().Count() > 1).ToList();
            var detail = mixed.Count == 0
                ? $"each of the {all.Select(e => e.Type).Distinct().Count()} printed types falls in one taxonomy group"
                : "printed types spanning several groups: " + string.Join("; ", mixed.Select(g =>
                    $"{g.Key}: {string.Join(", ", g.GroupBy(e => e.Group).Select(x => $"{Ids(x)} {x.Key.ToText()}"))}"));
            return ClaimComputation.Holds(mixed.Count == 0, detail);
        };
    }
}
