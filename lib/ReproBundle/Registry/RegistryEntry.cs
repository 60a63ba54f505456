namespace ReproBundle.Registry;

/// <summary>The three groups of the §6 taxonomy note.</summary>
public enum TaxonomyGroup
{
    /// <summary>"algorithmic (solvable by research labs at laptop scale)": B3, B4, B6, B12, B13, B16.</summary>
    Algorithmic,

    /// <summary>"coordination or engineering (solvable by shared conventions and shipping, not new physics)".</summary>
    CoordinationOrEngineering,

    /// <summary>"only B9, B10 require heavy capital".</summary>
    HeavyCapital,
}

/// <summary>Text forms of <see cref="TaxonomyGroup"/> as written in the entries' <c>group</c> field.</summary>
public static class TaxonomyGroupText
{
    /// <summary>All groups in the order the taxonomy note names them.</summary>
    public static readonly IReadOnlyList<TaxonomyGroup> All = [TaxonomyGroup.Algorithmic, TaxonomyGroup.CoordinationOrEngineering, TaxonomyGroup.HeavyCapital];

    /// <summary>"algorithmic", "coordination-or-engineering" or "heavy-capital".</summary>
    public static string ToText(this TaxonomyGroup g) => g switch
    {
        TaxonomyGroup.Algorithmic => "algorithmic",
        TaxonomyGroup.CoordinationOrEngineering => "coordination-or-engineering",
        TaxonomyGroup.HeavyCapital => "heavy-capital",
        _ => throw new ArgumentOutOfRangeException(nameof(g)),
    };

    /// <summary>Parses the field text; null when it is not a group.</summary>
    public static TaxonomyGroup? Parse(string text) => All.Cast<TaxonomyGroup?>().FirstOrDefault(g => g!.Value.ToText() == text);
}

/// <summary>Whether a bottleneck is still open (§7: resolved entries stay visible as historical wins).</summary>
public enum EntryStatus
{
    /// <summary>Not resolved.</summary>
    Open,

    /// <summary>Resolved ("flips to resolved").</summary>
    Resolved,
}

/// <summary>A <c>depends_on</c> edge (schema v0.2): this entry depends on <paramref name="Id"/>.</summary>
/// <param name="Id">Target entry id, e.g. B6.</param>
/// <param name="Basis"><c>paper</c> or <c>bundle-inference</c>.</param>
/// <param name="Rationale">Why the bundle infers the edge (required for bundle inferences).</param>
public sealed record DependencyEdge(string Id, string Basis, string? Rationale);

/// <summary>One change-log line of an entry (§7: "every entry carries a version and change log").</summary>
/// <param name="Version">Paper or registry version, e.g. v0.2.</param>
/// <param name="Date">Date of the change.</param>
/// <param name="Change">What changed.</param>
public sealed record ChangelogItem(string Version, DateOnly Date, string Change);

/// <summary>
/// One bottleneck of the registry (§6 table row plus taxonomy group, status and citations), read from the
/// YAML front matter and Markdown body of <c>data/registry/Bnn.md</c>.
/// </summary>
/// <param name="Id">B followed by its number, e.g. B1.</param>
/// <param name="FilePath">The file it was read from.</param>
/// <param name="SchemaVersion">v0.1 or v0.2.</param>
/// <param name="Name">Name as printed.</param>
/// <param name="Type">Type as printed (e.g. Physics/Arch).</param>
/// <param name="Group">Group from the §6 taxonomy note.</param>
/// <param name="KnownSolutions">Known solutions as printed, split at the printed semicolons.</param>
/// <param name="Blockers">Adoption blockers as printed, split at the printed semicolons.</param>
/// <param name="Difficulty">Difficulty to adoption, 1-5.</param>
/// <param name="Priority">Priority, 1-5.</param>
/// <param name="Status">Open or resolved.</param>
/// <param name="StatusDate">When the status was last set.</param>
/// <param name="Citations">Keys into <c>references.bib</c>.</param>
/// <param name="DependsOn">Dependency edges (schema v0.2 only).</param>
/// <param name="Source">Paper locator of the values.</param>
/// <param name="Changelog">Change log.</param>
/// <param name="EstimatedUnlockValue">Schema v0.2 <c>estimated_unlock_value</c> text, when given.</param>
/// <param name="Contributors">Schema v0.2 <c>contributors</c>.</param>
/// <param name="ReviewCadenceDays">Schema v0.2 <c>review_cadence_days</c>, when given.</param>
/// <param name="Body">The Markdown body after the front matter.</param>
public sealed record RegistryEntry(
    string Id, string FilePath, string SchemaVersion, string Name, string Type, TaxonomyGroup Group,
    IReadOnlyList<string> KnownSolutions, IReadOnlyList<string> Blockers, int Difficulty, int Priority,
    EntryStatus Status, DateOnly StatusDate, IReadOnlyList<string> Citations, IReadOnlyList<DependencyEdge> DependsOn,
    string Source, IReadOnlyList<ChangelogItem> Changelog, string? EstimatedUnlockValue, IReadOnlyList<string> Contributors,
    int? ReviewCadenceDays, string Body)
{
    /// <summary>The number after the B (B16 gives 16).</summary>
    public int Number => int.Parse(Id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A file-name-safe slug for site pages (<c>b16</c>).</summary>
    public string Slug => Id.ToLowerInvariant();

    /// <summary>The newest date the entry carries (status date or change-log date).</summary>
    public DateOnly LastChanged => Changelog.Select(c => c.Date).Append(StatusDate).Max();

    /// <summary>The type tags of the printed type (see <see cref="Taxonomy.TypeTags"/>).</summary>
    public IReadOnlyList<string> TypeTags => Taxonomy.TypeTags(Type);
}

/// <summary>How serious a lint finding is.</summary>
public enum ProblemSeverity
{
    /// <summary>Breaks the registry: lint exits 2.</summary>
    Error,

    /// <summary>Worth a reviewer's look (a near-duplicate): printed, exit 0.</summary>
    Warning,
}

/// <summary>One lint finding: <c>file:line: field: message</c>.</summary>
/// <param name="File">The entry file (path as given to the lint).</param>
/// <param name="Line">1-based line of the field in the file.</param>
/// <param name="Field">The field (a path such as <c>known_solutions[1]</c>), or <c>front-matter</c>/<c>file</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record RegistryProblem(string File, int Line, string Field, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary><c>file:line: field: message</c>; warnings carry <c>warning: </c> before the message.</summary>
    public override string ToString() =>
        $"{File}:{Line}: {Field}: {(Severity == ProblemSeverity.Warning ? "warning: " : "")}{Message}";
}
