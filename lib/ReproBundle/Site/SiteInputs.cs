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
/// <param name="ReviewerBanner">
/// With <c>reproduce --assumptions</c>, the banner lines of the reviewer's overrides (<see cref="Audit.OverrideReach.Banner"/>): they
/// head the home page and the audit section. Empty for the paper's inputs.
/// </param>
public sealed record SiteOptions(DateOnly? AsOf = null, IReadOnlyList<string>? ReviewerBanner = null);
