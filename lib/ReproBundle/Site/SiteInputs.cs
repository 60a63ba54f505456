using ReproBundle.Audit;
using ReproBundle.Output;
using ReproBundle.Review;

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

/// <summary>
/// A table the site shows as HTML and publishes as <c>site/&lt;CsvPath&gt;</c>, handed over typed by its producer (the
/// same columns and cells the producer writes to <c>CsvPath</c> in the output), never read back from a file.
/// </summary>
/// <param name="CsvPath">Path of the producer's CSV in the output, forward slashes, e.g. <c>tables/table2_projections.csv</c>.</param>
/// <param name="Title">Heading.</param>
/// <param name="Caption">What the table holds.</param>
/// <param name="Columns">The header row.</param>
/// <param name="Rows">The cells, each as the producer passes it to <see cref="OutputStage.WriteCsv"/> (shown as <see cref="OutputStage.FormatCell"/> writes it).</param>
public sealed record SiteTable(string CsvPath, string Title, string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>The table's cells as text, as the CSV holds them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells => [.. Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(OutputStage.FormatCell)])];
}

/// <summary>One finding of the claims audit as the site shows it (the same values <see cref="Findings.Write"/> writes to <c>findings.csv</c>).</summary>
/// <param name="FindingId">The finding's id, e.g. <c>F1</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="DifferingClaims">The ids of the claims of this run that differ because of it.</param>
/// <param name="Materiality">Whether it changes a conclusion of the paper (<see cref="Audit.Materiality"/> as text).</param>
/// <param name="Statement">The statement, formatted from this run's values.</param>
public sealed record SiteFinding(string FindingId, string Title, IReadOnlyList<string> DifferingClaims, string Materiality, string Statement)
{
    /// <summary>Its erratum: the sentence as printed (<see cref="Errata"/>).</summary>
    public string AsPrinted { get; init; } = "";

    /// <summary>Its erratum: the corrected sentence, formatted from this run's values.</summary>
    public string Corrected { get; init; } = "";

    /// <summary>The findings of an audit, with their statements formatted from <paramref name="values"/> (see <see cref="Findings.Statement"/>).</summary>
    public static IReadOnlyList<SiteFinding> From(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values) =>
        [.. findings.Select(f => new SiteFinding(f.FindingId, f.Title, [.. rows.Where(r => r.FindingId == f.FindingId).Select(r => r.ClaimId)],
            Findings.MaterialityOf(f, rows, values).ToText(), Findings.Statement(f, rows, values))
        {
            AsPrinted = f.PrintedTemplate,
            Corrected = Findings.Fill(f, f.CorrectedTemplate, rows, values),
        })];
}

/// <summary>Options of the site generator.</summary>
/// <param name="AsOf">
/// The date "this quarter" is computed from. Null means the newest date in the registry, so two runs on the
/// same data write identical bytes (no clock is read).
/// </param>
/// <param name="ReviewerBanner">
/// With <c>reproduce --assumptions</c>, the banner lines of the reviewer's overrides (<see cref="Review.OverrideReach.Banner"/>): they
/// head the home page and the audit section. Empty for the paper's inputs.
/// </param>
/// <param name="Findings">
/// The audit's findings (<see cref="SiteFinding.From"/>), shown at the head of the audit section with the verdict policy;
/// null when the run has none (then neither is shown).
/// </param>
/// <param name="Notebooks">
/// With <c>reproduce --notebooks</c>, the executed notebooks: each becomes <c>site/notebooks/&lt;name&gt;.html</c>, the home page
/// lists them, and each figure and table links to the cell that draws it. Null or empty: no notebook pages, and the home
/// page says how to get them.
/// </param>
/// <param name="Review">With <c>reproduce --assumptions</c>, the comparison for the "Your assumptions" page and every page's banner.</param>
public sealed record SiteOptions(DateOnly? AsOf = null, IReadOnlyList<string>? ReviewerBanner = null, IReadOnlyList<SiteFinding>? Findings = null,
    IReadOnlyList<SiteNotebook>? Notebooks = null, SiteReview? Review = null);
