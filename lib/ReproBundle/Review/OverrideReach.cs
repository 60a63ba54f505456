using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Figures;
using ReproBundle.Uncertainty;

namespace ReproBundle.Review;

/// <summary>What one reviewer override reaches (issue 14, item 2), found by auditing with that override alone.</summary>
/// <param name="Name">The overridden name.</param>
/// <param name="PaperValue">The value in data/ (null where data/ has none, a Table 1 "n/a").</param>
/// <param name="PaperLocator">Where data/ took it from (data/inputs.csv's source column, or the table cell).</param>
/// <param name="ReviewerValue">The reviewer's value (null for <c>explain</c>, which has no reviewer).</param>
/// <param name="ReviewerLocator">The assumptions file and line (empty for <c>explain</c>).</param>
/// <param name="Claims">The claims whose value or verdict changes with this override alone, in claims.csv order.</param>
/// <param name="Headlines">The headline numbers (see <see cref="ClaimsDiff.Headlines"/>) that change with it alone.</param>
/// <param name="Tables">The files of <c>tables/</c> whose bytes change with it alone (the Monte Carlo tables only through the §4.3 rows and the tornado).</param>
/// <param name="Figures">The figures (<c>figures/NAME</c>: its HTML, JSON and PNG) whose chart changes with it alone (<see cref="FigureTexts"/>).</param>
/// <param name="MonteCarlo">True when the Monte Carlo draws this name (P(ratio &gt; 10x) and the uncertainty tables follow it).</param>
/// <param name="Related">The other names of the same quantity that this override leaves at the paper's value.</param>
public sealed record OverrideReach(string Name, Interval? PaperValue, string PaperLocator, Interval? ReviewerValue, string ReviewerLocator,
    IReadOnlyList<string> Claims, IReadOnlyList<string> Headlines, IReadOnlyList<string> Tables, IReadOnlyList<string> Figures, bool MonteCarlo,
    IReadOnlyList<RelatedInput> Related)
{
    /// <summary>
    /// For a quantity name (data/related_inputs.csv) or a place of one, the places this name sets with the values they get
    /// (issue 25); empty for <c>explain</c> of a single place.
    /// </summary>
    public IReadOnlyList<AssumptionOverride> Sets { get; init; } = [];

    /// <summary>Places of this quantity that a more specific name of the same file sets instead.</summary>
    public IReadOnlyList<string> LeftToMoreSpecific { get; init; } = [];

    /// <summary>What <see cref="PaperValue"/> is called in the lines: "paper", or "yours" for <c>explain --assumptions</c>, whose baseline is the reviewer's file.</summary>
    public string BaselineLabel { get; init; } = "paper";

    /// <summary>The reviewer's rationale (<c>why:</c>), empty when none was given.</summary>
    public string Why { get; init; } = "";

    /// <summary>True when <see cref="Name"/> is a quantity name that sets several places (or a place under another name).</summary>
    public bool IsQuantity => Sets.Count > 1 || Sets.Any(s => s.Name != Name) || LeftToMoreSpecific.Count > 0;

    /// <summary>The fan-out in words: each place it sets with the paper's value and the value it gets (empty for a single place).</summary>
    public string FanOut => !IsQuantity ? "" :
        $"sets {(Sets.Count == 0 ? "no place" : string.Join(", ", Sets.Select(o => $"{o.Name} ({(o.Replaces is { } p ? Quantity.Text(p) : "n/a")} -> {Quantity.Text(o.Value)})")))}";

    /// <summary>The line saying which places a more specific name of the file sets instead (empty when none).</summary>
    public string Shadowed => LeftToMoreSpecific.Count == 0 ? "" :
        $"note: {string.Join(", ", LeftToMoreSpecific)} {(LeftToMoreSpecific.Count == 1 ? "takes" : "take")} the value of a more specific name in the file, not {Name}'s (the more specific name wins)";

    /// <summary>What it reaches in one sentence: claims, headline numbers, tables, figures, Monte Carlo.</summary>
    public string Reaches =>
        $"reaches {Count(Claims, "claim")}{List(Claims)}; {Count(Headlines, "headline number")}{List(Headlines)}; {Count(Tables, "table")}{List(Tables)}; " +
        $"{Count(Figures, "figure")}{List(Figures)}; " +
        (MonteCarlo ? "the Monte Carlo draws it" : "the Monte Carlo does not read it");

    /// <summary>
    /// The chart of every figure drawn from the paper's inputs, by output name (<c>figures/NAME</c>): the paper's figures
    /// (<see cref="PaperFigures.Charts"/>) and the uncertainty charts, each as the JSON <c>figures/NAME.json</c> holds
    /// (<see cref="FigureWriter.FigureJson"/>; the HTML and PNG are drawn from it). Nothing is written. The registry
    /// charts read the registry only, which no override changes.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FigureTexts(PaperData data, FigureInputs inputs, UncertaintyResult uncertainty) =>
        PaperFigures.Charts(data, inputs).Concat(UncertaintyCharts.All(uncertainty))
            .ToDictionary(c => $"figures/{c.Name}", c => FigureWriter.FigureJson(c.Chart), StringComparer.Ordinal);

    /// <summary>The keys whose value differs between two runs (one missing from either counts), sorted ordinally.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];

    /// <summary>The one-line hint naming the related names it does not change (empty when it has none).</summary>
    public string Hint => Related.Count == 0 ? "" :
        $"hint: {Name} does not change {string.Join("; ", Related.Select(r => $"{r.Name} ({r.Reason})"))}; set the quantity name {Related[0].Quantity} to change them all";

    private static string Count(IReadOnlyList<string> items, string noun) => $"{items.Count} {noun}{(items.Count == 1 ? "" : "s")}";

    /// <summary>How many names a sentence lists before "and N more" (claims_diff.md has them all).</summary>
    public const int ListedNames = 6;

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "" :
        $" ({string.Join(", ", items.Take(ListedNames))}{(items.Count > ListedNames ? $" and {items.Count - ListedNames} more" : "")})";

    /// <summary>
    /// The override as banner lines: name, the paper's value and locator, the reviewer's value and file:line, what it
    /// reaches, then the hint when there is one.
    /// </summary>
    public IReadOnlyList<string> Lines()
    {
        var paper = PaperValue is { } p ? Quantity.Text(p) : "n/a";
        var head = IsQuantity
            ? (ReviewerValue is { } q
                ? $"{Name} (quantity name) -> reviewer {Quantity.Text(q)} ({ReviewerLocator}) {FanOut}; {Reaches}"
                : $"{Name} (quantity name) {FanOut.Replace(" -> ", " perturbed to ", StringComparison.Ordinal)}; perturbed it {Reaches}")
            : ReviewerValue is { } r
            ? $"{Name}: paper {paper} ({PaperLocator}) -> reviewer {Quantity.Text(r)} ({ReviewerLocator}); {Reaches}"
            : $"{Name}: {BaselineLabel} {paper} ({PaperLocator}); perturbed alone it {Reaches}";
        return [head, .. new[] { Shadowed, Hint }.Where(l => l.Length > 0)];
    }

    /// <summary>The banner of a run with overrides: one header line, then each override's lines.</summary>
    public static IReadOnlyList<string> Banner(string assumptionsFile, IReadOnlyList<OverrideReach> reaches) =>
        [$"REVIEWER'S ASSUMPTIONS: {reaches.Count} override(s) from {Path.GetFileName(assumptionsFile)} replace the paper's inputs; every output below uses them (claims_diff.md compares with the paper's)",
         .. reaches.SelectMany(r => r.Lines().Select((l, i) => (i == 0 ? "  " : "    ") + l))];

    /// <summary>The banner as Markdown, for the head of claims_audit.md.</summary>
    public static string BannerMarkdown(string assumptionsFile, IReadOnlyList<OverrideReach> reaches)
    {
        var lines = Banner(assumptionsFile, reaches);
        static string Esc(string s) => Escaping.MarkdownText.Cell(s).Replace("*", "\\*").Replace("_", "\\_");
        return $"> **{Esc(lines[0])}**\n>\n" + string.Concat(reaches.SelectMany(r => r.Lines().Select((l, i) => (i == 0 ? "> - " : ">   ") + Esc(l) + "\n"))) + "\n";
    }
}
