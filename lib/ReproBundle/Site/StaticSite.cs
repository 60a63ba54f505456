using System.Globalization;
using System.Text;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Figures;
using ReproBundle.Output;
using ReproBundle.Registry;
using static ReproBundle.Site.Html;

namespace ReproBundle.Site;

/// <summary>
/// The paper's landing page and the §7 registry site in one static folder, <c>site/</c>, viewable from disk
/// with no network: a home page (what the paper claims, the reproduced figures, the key tables, the claims
/// audit), one page per registry entry, the dashboards, the references, and Atom feeds. Pure HTML and one
/// local stylesheet; no script, no CDN. Every value from data is escaped (<see cref="Html"/>).
/// </summary>
public static class StaticSite
{
    /// <summary>
    /// Writes the site into <c>site/</c> of the stage and returns the HTML pages written (paths relative to
    /// <c>site/</c>). Figures and tables are read from the stage, where other steps wrote them.
    /// </summary>
    /// <param name="stage">The run's output stage.</param>
    /// <param name="registry">The linted registry.</param>
    /// <param name="audit">The claims audit rows.</param>
    /// <param name="figures">Figures to show; their files may be missing (then the site says so).</param>
    /// <param name="tables">CSV tables in the stage to show.</param>
    /// <param name="references">The entries of <c>references.bib</c>.</param>
    /// <param name="options">As-of date; null for defaults.</param>
    public static IReadOnlyList<string> Write(OutputStage stage, BottleneckRegistry registry, IReadOnlyList<AuditRow> audit,
        IReadOnlyList<SiteFigure> figures, IReadOnlyList<SiteTable> tables, IReadOnlyList<BibReference> references, SiteOptions? options = null)
    {
        var asOf = options?.AsOf ?? registry.NewestDate;
        var pages = new List<string>();
        void Page(string path, string title, string body)
        {
            stage.WriteText($"site/{path}", Layout(path, title, body));
            pages.Add(path);
        }

        stage.WriteText("site/site.css", Css + "\n");
        var feeds = SiteFeeds.Build(registry, asOf);
        foreach (var (file, _, bytes) in feeds) stage.WriteBytes($"site/feeds/{file}", bytes);

        Page("index.html", "Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs (v0.3), reproduced",
            Home(stage, registry, audit, figures, tables, options?.ReviewerBanner ?? []));
        Page("registry.html", "Bottleneck Registry", RegistryIndex(registry, asOf));
        Page("dashboards.html", "Registry dashboards", Dashboards(stage, registry));
        Page("feeds.html", "Atom feeds", FeedsPage(feeds, asOf));
        Page("references.html", "References", ReferencesPage(references, registry));
        foreach (var e in registry.Entries)
        {
            Page($"entries/{e.Slug}.html", $"{e.Id}: {e.Name}", EntryPage(e, registry, references));
        }
        return pages;
    }

    /// <summary>The key tables of the home page, as written by <c>TableExports</c> and <c>Taxonomy.WriteSummary</c>.</summary>
    public static readonly IReadOnlyList<SiteTable> KeyTables =
    [
        new("tables/table1_baselines.csv", "Table 1: published reference points (§2.2)", "Table 1 as printed, with the per-chip and energy columns recomputed."),
        new("tables/table2_projections.csv", "Table 2: projected Claude-class inference (§4.1)", "Table 2's columns and ratios recomputed by interval arithmetic."),
        new("tables/projections_table.csv", "Six-platform projections (Appendix D)", "tok/s, energy and cost per million tokens for the six platforms, with their status."),
        new("tables/agent_density.csv", "Agent density (§4.2, Appendix C)", "The Appendix C derivation, step by step."),
        new("tables/registry_summary.csv", "Bottleneck Registry summary (§6)", "Entries counted by printed type, type tag, taxonomy group, priority, difficulty, status and schema version."),
    ];

    /// <summary>The paper's three figures (§5, Appendix A) by the file stems of <c>generate_figures.py</c>.</summary>
    public static readonly IReadOnlyList<SiteFigure> PaperFigures =
    [
        new("fig1_radar_inference", "Fig. 1: six-axis platform capability radar (§5)", "Log scale, H100 = 1 on the ratio axes; Etched Sohu excluded; the custom ASIC is a 2027 envelope, not a measurement."),
        new("fig2_cost_per_mtokens", "Fig. 2: amortized cost per million decoded tokens (§5)", "Log scale. Vendor claims (unaudited), projections and published benchmarks are marked apart."),
        new("fig3_energy_per_token", "Fig. 3: energy per decoded token (§5)", "Log scale, J/token; same conventions as Fig. 2."),
    ];

    /// <summary>The bundle's own charts shown on the home page after the paper's figures.</summary>
    public static readonly IReadOnlyList<SiteFigure> BundleFigures =
    [
        new("agent_density_steps", "Agent density, step by step (Appendix C)", "Every intermediate of both worked examples, H100 against the reference ASIC."),
        new("table2_ratios", "Table 2 ratios: printed against recomputed (§4.1)", "The printed ratio ranges next to interval arithmetic on Table 2's own columns and the low-with-low reading."),
        new("uncertainty_density_ratio", "Density ratio over the paper's ranges (§10 O2)", "Monte Carlo distribution of D_ASIC / D_H100 with the 10x line."),
        new("uncertainty_tornado", "What moves the density ratio most (§10)", "Each input at its low and high end, the others at their midpoints."),
        new("break_even_volume", "NRE against volume (§4.3)", "Effective cost per million tokens as nodes shipped grow, against the Table 2 bound."),
    ];

    // ---------------------------------------------------------------- layout

    private static string Layout(string path, string title, string body)
    {
        var up = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
        var nav = new[] { ("index.html", "Home"), ("registry.html", "Registry"), ("dashboards.html", "Dashboards"), ("feeds.html", "Feeds"), ("references.html", "References") };
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<title>{E(title)}</title>\n<link rel=\"stylesheet\" href=\"{up}site.css\">\n");
        sb.Append($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"All registry entries\" href=\"{up}feeds/all.atom\">\n");
        sb.Append("</head>\n<body>\n<header><nav>");
        sb.Append(string.Join(" ", nav.Select(n => $"<a href=\"{up}{n.Item1}\"{(n.Item1 == path ? " aria-current=\"page\"" : "")}>{n.Item2}</a>")));
        sb.Append("</nav></header>\n<main>\n");
        sb.Append($"<h1>{E(title)}</h1>\n").Append(body);
        sb.Append("</main>\n<footer>Generated by ReproBundle from <code>data/</code> of the bundle; static files, no network. ");
        sb.Append("Paper: Rainieri, \u201cBottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs\u201d, v0.3 (2026-04-22).</footer>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string EntryLink(RegistryEntry e, string up) => $"<a href=\"{up}entries/{e.Slug}.html\">{E(e.Id)}</a>";

    // ---------------------------------------------------------------- home

    private static readonly (string Section, string Text)[] PaperClaims =
    [
        ("Abstract, §2.3", "Transformer-dedicated silicon offers 10-70x decode throughput and 50-200x energy per token over an H100 baseline; \u201c200x across the board\u201d is rejected as marketing."),
        ("§3-§4, Table 2", "A Claude-class MoE (1-2 T parameters, 200-400 B active) on a 2027-feasible 2-3 nm ASIC with FP4 weights: 300-800 tok/s single-stream, 0.3-1.5 J/token, $0.20-1.50 per million decode tokens."),
        ("§4.2, Appendix C", "Agent density: 60-150 concurrent streams per $1 M of CapEx on H100-class hardware against 3,000-12,000 on the reference ASIC."),
        ("§4.3", "Tape-out NRE of $40-80 M at 3 nm keeps effective cost 3-10x above Table 2 until more than 100 K nodes ship."),
        ("Abstract, §6, §9", "The dominant uncertainty is coordination, not physics: \u201celeven of fifteen top bottlenecks\u201d are blocked by incentives, lock-in or capital, and \u201c~80% of the bottleneck surface needs coordination, not money\u201d."),
        ("§6-§7", "A public, versioned Bottleneck Registry of 18 entries with a schema lint, dashboards and feeds, as a coordination primitive."),
    ];

    private static string Home(OutputStage stage, BottleneckRegistry registry, IReadOnlyList<AuditRow> audit, IReadOnlyList<SiteFigure> figures, IReadOnlyList<SiteTable> tables,
        IReadOnlyList<string> banner)
    {
        var sb = new StringBuilder();
        var reviewer = Banner(banner);
        sb.Append(reviewer);
        sb.Append(banner.Count > 0
            ? "<p class=\"lead\">Every number below is recomputed from the bundle's <code>data/</code> with the reviewer's overrides above, through its library.</p>\n"
            : "<p class=\"lead\">Every number below is recomputed from the bundle's <code>data/</code> through its library; inputs are never tuned to make a claim pass.</p>\n");
        sb.Append("<section id=\"claims\"><h2>What the paper claims</h2>\n<ul>\n");
        foreach (var (section, text) in PaperClaims) sb.Append($"<li><strong>{E(section)}.</strong> {E(text)}</li>\n");
        sb.Append("</ul></section>\n");

        sb.Append("<section id=\"audit-summary\"><h2>Claims audit at a glance</h2>\n<table class=\"counts\"><thead><tr><th>verdict</th><th>claims</th></tr></thead><tbody>\n");
        foreach (var v in Enum.GetValues<Verdict>())
        {
            sb.Append($"<tr><td><span class=\"verdict verdict-{v.ToText()}\">{v.ToText()}</span></td><td>{N(audit.Count(r => r.Verdict == v))}</td></tr>\n");
        }
        sb.Append($"<tr><td>total</td><td>{N(audit.Count)}</td></tr></tbody></table>\n<p><a href=\"#audit\">Every claim with its verdict</a> is listed below.</p></section>\n");

        sb.Append("<section id=\"figures\"><h2>Reproduced figures</h2>\n");
        if (figures.Count == 0) sb.Append("<p>No figures were produced in this run.</p>\n");
        foreach (var f in figures) sb.Append(FigureBlock(stage, f, ""));
        sb.Append("</section>\n");

        sb.Append("<section id=\"tables\"><h2>Key tables</h2>\n");
        foreach (var t in tables) sb.Append(TableBlock(stage, t));
        sb.Append("</section>\n");

        sb.Append("<section id=\"registry\"><h2>Bottleneck Registry</h2>\n");
        sb.Append($"<p>{N(registry.Entries.Count)} entries (§6). By the §6 taxonomy note: ");
        sb.Append(string.Join("; ", TaxonomyGroupText.All.Select(g => $"{E(g.ToText())} {N(registry.Entries.Count(e => e.Group == g))}")));
        sb.Append(". <a href=\"registry.html\">All entries</a>, <a href=\"dashboards.html\">dashboards</a>, <a href=\"feeds.html\">feeds</a>.</p></section>\n");

        sb.Append("<section id=\"audit\"><h2>Claims audit</h2>\n");
        sb.Append(reviewer);
        sb.Append(FindingsBlock(stage));
        sb.Append("<div class=\"scroll\"><table class=\"audit\"><thead><tr>");
        foreach (var c in new[] { "claim", "section", "quote", "published", "recomputed", "verdict", "reason" }) sb.Append($"<th>{c}</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var r in audit)
        {
            sb.Append($"<tr id=\"claim-{E(r.ClaimId)}\"><td><code>{E(r.ClaimId)}</code></td><td>{E(r.Section)}</td><td>{E(r.Quote)}</td><td>{E(r.Published)}</td><td>{E(r.Recomputed)}</td>");
            sb.Append($"<td><span class=\"verdict verdict-{r.Verdict.ToText()}\">{r.Verdict.ToText()}</span></td><td>{E(r.Reason)}</td></tr>\n");
        }
        sb.Append("</tbody></table></div></section>\n");
        return sb.ToString();
    }

    /// <summary>The reviewer's overrides as a highlighted block (nothing without overrides).</summary>
    private static string Banner(IReadOnlyList<string> lines) => lines.Count == 0 ? "" :
        $"<div class=\"warning reviewer-banner\"><p><strong>{E(lines[0])}</strong></p>\n<ul>\n" +
        string.Concat(lines.Skip(1).Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? $"<li class=\"hint\">{E(l.Trim())}</li>\n" : $"<li>{E(l.Trim())}</li>\n")) + "</ul></div>\n";

    /// <summary>
    /// The head of the audit section: the verdict policy and the findings (root causes of every 'differs', with
    /// materiality), read from the <c>findings.csv</c> the audit wrote into the stage; nothing when it did not.
    /// </summary>
    private static string FindingsBlock(OutputStage stage)
    {
        var path = stage.PathFor("findings.csv");
        if (!File.Exists(path)) return "";
        var sb = new StringBuilder();
        sb.Append($"<p>Verdicts follow the bundle's written verdict policy (<code>{E(Audit.ClaimsAudit.PolicyPage)}</code>): tolerance from the printed digits, wider for values printed as approximate; the most favourable natural reading; <em>consistent</em> where the printed value lies within what the stated inputs allow.</p>\n");
        sb.Append("<h3 id=\"findings\">Findings</h3>\n<p>Each claim that differs belongs to one finding, its root cause; materiality says whether it changes a conclusion of the paper.</p>\n<ol class=\"findings\">\n");
        foreach (var row in Data.CsvTable.Load(path, "finding_id", "title", "differing_claims", "materiality", "statement").Rows)
        {
            var claims = row["differing_claims"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => $"<a href=\"#claim-{E(c)}\"><code>{E(c)}</code></a>");
            sb.Append($"<li id=\"finding-{E(row["finding_id"])}\"><strong>{E(row["finding_id"])} {E(row["title"])}</strong> (materiality: {E(row["materiality"])}; differing: {string.Join(", ", claims)}). {E(row["statement"])}</li>\n");
        }
        sb.Append("</ol>\n");
        return sb.ToString();
    }

    /// <summary>A figure: the PNG when the stage has it, a link to the interactive HTML when that exists, or a note.</summary>
    private static string FigureBlock(OutputStage stage, SiteFigure f, string up)
    {
        var sb = new StringBuilder();
        sb.Append($"<figure id=\"figure-{E(f.Name)}\"><h3>{E(f.Title)}</h3>\n");
        var png = CopyFromStage(stage, $"figures/{f.Name}.png");
        var html = CopyFromStage(stage, $"figures/{f.Name}.html");
        // The figure pages load plotly.js from beside them: the site's figures folder holds one copy for all of them.
        if (html && !stage.WrittenFiles.ContainsKey($"site/figures/{FigureWriter.PlotlyJsFileName}"))
        {
            CopyFromStage(stage, $"figures/{FigureWriter.PlotlyJsFileName}");
        }
        if (png) sb.Append($"<img src=\"{up}figures/{E(f.Name)}.png\" alt=\"{E(f.Title)}\">\n");
        if (html) sb.Append($"<p><a href=\"{up}figures/{E(f.Name)}.html\">Interactive version (offline HTML)</a>{(png ? "" : " (no static image in this run: PNG export needs Chromium)")}</p>\n");
        if (!png && !html) sb.Append("<p class=\"missing\">This figure was not produced in this run.</p>\n");
        sb.Append($"<figcaption>{E(f.Caption)}</figcaption></figure>\n");
        return sb.ToString();
    }

    /// <summary>Copies a stage file into <c>site/</c> (same relative path) when it exists; true when copied.</summary>
    private static bool CopyFromStage(OutputStage stage, string relative)
    {
        var source = Path.Combine(stage.StagingRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(source)) return false;
        stage.WriteBytes($"site/{relative}", File.ReadAllBytes(source));
        return true;
    }

    private static string TableBlock(OutputStage stage, SiteTable t)
    {
        var source = Path.Combine(stage.StagingRoot, t.StagePath.Replace('/', Path.DirectorySeparatorChar));
        var sb = new StringBuilder();
        var file = Path.GetFileName(t.StagePath);
        sb.Append($"<div class=\"table-block\" id=\"table-{E(Path.GetFileNameWithoutExtension(file))}\"><h3>{E(t.Title)}</h3>\n");
        if (!File.Exists(source))
        {
            sb.Append($"<p class=\"missing\">{E(t.StagePath)} was not produced in this run.</p></div>\n");
            return sb.ToString();
        }
        stage.WriteBytes($"site/tables/{file}", File.ReadAllBytes(source));
        var csv = CsvTable.Parse(t.StagePath, File.ReadAllText(source));
        sb.Append($"<p>{E(t.Caption)} <a href=\"tables/{E(file)}\">CSV</a></p>\n<div class=\"scroll\"><table class=\"data\"><thead><tr>");
        foreach (var c in csv.Columns) sb.Append($"<th>{E(c)}</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var row in csv.Rows)
        {
            sb.Append("<tr>");
            foreach (var c in csv.Columns) sb.Append($"<td>{E(row[c])}</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div></div>\n");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- registry pages

    private static string RegistryIndex(BottleneckRegistry registry, DateOnly asOf)
    {
        var sb = new StringBuilder();
        sb.Append($"<p>The {N(registry.Entries.Count)} bottlenecks of the paper's §6 seed, as linted data (<code>data/registry/Bnn.md</code>). Status as of {asOf:yyyy-MM-dd}.</p>\n");
        foreach (var w in registry.Warnings) sb.Append($"<p class=\"warning\">Lint warning: {E(Path.GetFileName(w.File))}:{N(w.Line)}: {E(w.Field)}: {E(w.Message)}</p>\n");
        sb.Append("<div class=\"scroll\"><table class=\"entries\"><thead><tr><th>id</th><th>name</th><th>type</th><th>group</th><th>difficulty</th><th>priority</th><th>status</th><th>schema</th></tr></thead><tbody>\n");
        foreach (var e in registry.Entries)
        {
            sb.Append($"<tr class=\"entry\"><td>{EntryLink(e, "")}</td><td>{E(e.Name)}</td><td>{E(e.Type)}</td><td>{E(e.Group.ToText())}</td><td>{N(e.Difficulty)}</td><td>{N(e.Priority)}</td>");
            sb.Append($"<td>{(e.Status == EntryStatus.Open ? "open" : "resolved")}</td><td>{E(e.SchemaVersion)}</td></tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        return sb.ToString();
    }

    private static string EntryPage(RegistryEntry e, BottleneckRegistry registry, IReadOnlyList<BibReference> references)
    {
        const string up = "../";
        var sb = new StringBuilder();
        sb.Append("<dl class=\"fields\">\n");
        void Field(string name, string html) => sb.Append($"<dt>{E(name)}</dt><dd>{html}</dd>\n");
        Field("id", E(e.Id));
        Field("type (as printed)", E(e.Type) + $" <span class=\"tags\">(feed tags: {string.Join(", ", e.TypeTags.Select(t => $"<a href=\"{up}feeds/{E(SiteFeeds.TagFeedFile(t))}\">{E(t)}</a>"))})</span>");
        Field("taxonomy group (§6 note)", E(e.Group.ToText()));
        Field("known solutions", "<ul>" + string.Concat(e.KnownSolutions.Select(s => $"<li>{E(s)}</li>")) + "</ul>");
        Field("adoption blockers", "<ul>" + string.Concat(e.Blockers.Select(s => $"<li>{E(s)}</li>")) + "</ul>");
        Field("difficulty (1-5)", N(e.Difficulty));
        Field("priority (1-5)", N(e.Priority));
        Field("status", $"{(e.Status == EntryStatus.Open ? "open" : "resolved")} ({e.StatusDate:yyyy-MM-dd})");
        Field("schema version", E(e.SchemaVersion));
        Field("depends on", e.DependsOn.Count == 0 ? "none given" : "<ul>" + string.Concat(e.DependsOn.Select(d =>
            $"<li>{(registry.Contains(d.Id) ? EntryLink(registry[d.Id], up) : E(d.Id))} <span class=\"basis\">({E(d.Basis)})</span>{(d.Rationale is null ? "" : ": " + E(d.Rationale))}</li>")) + "</ul>");
        var dependents = registry.Entries.Where(x => x.DependsOn.Any(d => d.Id == e.Id)).ToList();
        Field("needed by", dependents.Count == 0 ? "none" : string.Join(", ", dependents.Select(x => EntryLink(x, up))));
        var byKey = references.ToDictionary(r => r.Key, StringComparer.Ordinal);
        Field("citations", e.Citations.Count == 0 ? "none" : "<ul>" + string.Concat(e.Citations.Select(k =>
            $"<li><a href=\"{up}references.html#ref-{E(k)}\">{E(k)}</a>{(byKey.TryGetValue(k, out var r) && r["title"].Length > 0 ? ": " + E(r["title"]) : "")}</li>")) + "</ul>");
        if (e.EstimatedUnlockValue is not null) Field("estimated unlock value", E(e.EstimatedUnlockValue));
        if (e.Contributors.Count > 0) Field("contributors", E(string.Join(", ", e.Contributors)));
        if (e.ReviewCadenceDays is { } days) Field("review cadence (days)", N(days));
        Field("source", E(e.Source));
        sb.Append("</dl>\n");
        foreach (var w in registry.Warnings.Where(w => w.File == e.FilePath))
        {
            sb.Append($"<p class=\"warning\">Lint warning: {E(w.Field)}: {E(w.Message)}</p>\n");
        }
        sb.Append("<section class=\"body\">\n").Append(Markdown(e.Body)).Append("</section>\n");
        sb.Append("<h2>Change log</h2>\n<ul>\n");
        foreach (var c in e.Changelog) sb.Append($"<li>{c.Date:yyyy-MM-dd} ({E(c.Version)}): {E(c.Change)}</li>\n");
        sb.Append("</ul>\n");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- dashboards

    private static string Dashboards(OutputStage stage, BottleneckRegistry registry)
    {
        var entries = registry.Entries;
        var sb = new StringBuilder();
        sb.Append("<p>§7 asks for a per-type breakdown, a per-priority heat-map and the dependency graph. Counts come from the entries' fields.</p>\n");

        sb.Append("<section id=\"by-type\"><h2>Per-type breakdown</h2>\n<table class=\"counts\"><thead><tr><th>type (as printed)</th>");
        foreach (var g in TaxonomyGroupText.All) sb.Append($"<th>{E(g.ToText())}</th>");
        sb.Append("<th>total</th><th>entries</th></tr></thead><tbody>\n");
        foreach (var type in entries.Select(e => e.Type).Distinct())
        {
            var of = entries.Where(e => e.Type == type).ToList();
            sb.Append($"<tr><td>{E(type)}</td>");
            foreach (var g in TaxonomyGroupText.All) sb.Append($"<td>{N(of.Count(e => e.Group == g))}</td>");
            sb.Append($"<td>{N(of.Count)}</td><td>{string.Join(", ", of.Select(e => EntryLink(e, "")))}</td></tr>\n");
        }
        sb.Append("<tr><td>total</td>");
        foreach (var g in TaxonomyGroupText.All) sb.Append($"<td>{N(entries.Count(e => e.Group == g))}</td>");
        sb.Append($"<td>{N(entries.Count)}</td><td></td></tr></tbody></table></section>\n");

        sb.Append("<section id=\"by-group\"><h2>Per group (§6 taxonomy note)</h2>\n<ul>\n");
        foreach (var g in TaxonomyGroupText.All)
        {
            var of = entries.Where(e => e.Group == g).ToList();
            var share = entries.Count == 0 ? 0 : 100.0 * of.Count / entries.Count;
            sb.Append($"<li><strong>{E(g.ToText())}</strong>: {N(of.Count)} of {N(entries.Count)} ({share.ToString("0.0", CultureInfo.InvariantCulture)}%): {string.Join(", ", of.Select(e => EntryLink(e, "")))}</li>\n");
        }
        sb.Append("</ul></section>\n");

        sb.Append("<section id=\"heatmap\"><h2>Priority x difficulty heat-map</h2>\n<table class=\"heatmap\"><thead><tr><th>priority \\ difficulty</th>");
        for (var d = 1; d <= 5; d++) sb.Append($"<th>{N(d)}</th>");
        sb.Append("</tr></thead><tbody>\n");
        for (var p = 5; p >= 1; p--)
        {
            sb.Append($"<tr><th>{N(p)}</th>");
            for (var d = 1; d <= 5; d++)
            {
                var cell = entries.Where(e => e.Priority == p && e.Difficulty == d).ToList();
                sb.Append($"<td class=\"heat-{N(Math.Min(cell.Count, 4))}\">{(cell.Count == 0 ? "" : $"<span class=\"n\">{N(cell.Count)}</span> " + string.Join(" ", cell.Select(e => EntryLink(e, ""))))}</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></section>\n");

        sb.Append("<section id=\"graph\"><h2>Dependency graph</h2>\n");
        sb.Append("<p>An arrow A \u2192 B reads \u201cA depends on B\u201d. The paper gives no edges; every edge here is a bundle inference with its rationale on the entry page. Layered layout computed by the bundle.</p>\n");
        sb.Append(GraphSvg(registry));
        sb.Append("</section>\n");

        var charts = RegistryCharts.All(registry).Select(c => c.Name).ToList();
        sb.Append("<section id=\"charts\"><h2>Charts</h2>\n");
        foreach (var name in charts)
        {
            var title = name switch
            {
                "registry_types" => "Entries by printed type and taxonomy group",
                "registry_priority_difficulty" => "Priority x difficulty",
                "registry_dependencies" => "Dependency graph",
                _ => name,
            };
            sb.Append(FigureBlock(stage, new SiteFigure(name, title, $"Plotly.NET chart of the registry (figures/{name}), exported with the bundle's other figures."), ""));
        }
        sb.Append("</section>\n");
        return sb.ToString();
    }

    private static string GraphSvg(BottleneckRegistry registry)
    {
        var nodes = DependencyGraph.Layout(registry).ToDictionary(n => n.Id, StringComparer.Ordinal);
        if (nodes.Count == 0) return "<p>The registry is empty.</p>\n";
        const double dx = 220, dy = 34, pad = 40;
        var minY = nodes.Values.Min(n => n.Y);
        double X(GraphNode n) => pad + n.X * dx;
        double Y(GraphNode n) => pad + (n.Y - minY) * dy;
        var width = pad * 2 + nodes.Values.Max(n => n.X) * dx + 220;
        var height = pad * 2 + (nodes.Values.Max(n => n.Y) - minY) * dy;
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" aria-label=\"Dependency graph of the registry\">\n");
        sb.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#666\"/></marker></defs>\n");
        foreach (var (from, to) in DependencyGraph.Edges(registry))
        {
            var a = nodes[from];
            var b = nodes[to];
            sb.Append($"<line x1=\"{F(X(a) - 8)}\" y1=\"{F(Y(a))}\" x2=\"{F(X(b) + 8)}\" y2=\"{F(Y(b))}\" stroke=\"#666\" stroke-width=\"1.4\" marker-end=\"url(#arrow)\"><title>{E(from)} depends on {E(to)}</title></line>\n");
        }
        foreach (var e in registry.Entries)
        {
            var n = nodes[e.Id];
            sb.Append($"<a href=\"entries/{E(e.Slug)}.html\"><circle cx=\"{F(X(n))}\" cy=\"{F(Y(n))}\" r=\"7\" class=\"group-{E(e.Group.ToText())}\"><title>{E(e.Id)}: {E(e.Name)}</title></circle>");
            sb.Append($"<text x=\"{F(X(n) + 12)}\" y=\"{F(Y(n) + 4)}\">{E(e.Id)} {E(e.Name.Length > 24 ? e.Name[..23] + "\u2026" : e.Name)}</text></a>\n");
        }
        sb.Append("</svg>\n<p class=\"legend\"><span class=\"swatch group-algorithmic\"></span> algorithmic <span class=\"swatch group-coordination-or-engineering\"></span> coordination-or-engineering <span class=\"swatch group-heavy-capital\"></span> heavy-capital</p>\n");
        return sb.ToString();
    }

    // ---------------------------------------------------------------- feeds and references

    private static string FeedsPage(IReadOnlyList<(string File, string Title, byte[] Bytes)> feeds, DateOnly asOf)
    {
        var sb = new StringBuilder();
        sb.Append($"<p>Atom feeds for aggregators (§7). Timestamps are the entries' own dates; \u201cthis quarter\u201d is {SiteFeeds.QuarterName(asOf)}, computed from the as-of date {asOf:yyyy-MM-dd} (the newest date in the registry unless set explicitly).</p>\n<ul>\n");
        foreach (var (file, title, _) in feeds) sb.Append($"<li><a href=\"feeds/{E(file)}\">{E(title)}</a></li>\n");
        sb.Append("</ul>\n");
        return sb.ToString();
    }

    private static string ReferencesPage(IReadOnlyList<BibReference> references, BottleneckRegistry registry)
    {
        var sb = new StringBuilder();
        sb.Append("<p>The entries of <code>data/references.bib</code>, transcribed from the paper's reference list, with the registry entries that cite each.</p>\n<ol class=\"references\">\n");
        foreach (var r in references)
        {
            var citing = registry.Entries.Where(e => e.Citations.Contains(r.Key)).ToList();
            sb.Append($"<li id=\"ref-{E(r.Key)}\"><code>{E(r.Key)}</code>: {E(r["author"])} ({E(r["year"])}). ");
            if (r["title"].Length > 0) sb.Append($"\u201c{E(r["title"])}.\u201d ");
            if (r["howpublished"].Length > 0) sb.Append($"<em>{E(r["howpublished"])}</em>. ");
            if (r["url"].Length > 0) sb.Append($"<a href=\"{Url(r["url"])}\" rel=\"nofollow noopener\">{E(r["url"])}</a>. ");
            if (r["note"].Length > 0) sb.Append($"<span class=\"note\">{E(r["note"])}</span> ");
            if (citing.Count > 0) sb.Append($"Cited by {string.Join(", ", citing.Select(e => EntryLink(e, "")))}.");
            sb.Append("</li>\n");
        }
        sb.Append("</ol>\n");
        return sb.ToString();
    }

    private const string Css = """
        :root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --accent: #0b57d0; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0; line-height: 1.5; }
        header { background: #f3f5f8; border-bottom: 1px solid var(--line); padding: 0.6rem 1.5rem; }
        nav a { margin-right: 1.2rem; color: var(--accent); text-decoration: none; font-weight: 600; }
        nav a[aria-current="page"] { color: var(--fg); }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; }
        h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2rem; margin-top: 2rem; }
        footer { color: var(--muted); font-size: 0.85rem; padding: 1rem 1.5rem; border-top: 1px solid var(--line); }
        table { border-collapse: collapse; font-size: 0.9rem; }
        th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
        thead th { background: #f3f5f8; }
        .scroll { overflow-x: auto; }
        .lead { font-size: 1.05rem; color: var(--muted); }
        .verdict { font-weight: 600; padding: 0 0.3rem; border-radius: 3px; white-space: nowrap; }
        .verdict-reproduces { background: #d7f2dd; }
        .verdict-within-rounding { background: #e4f0d0; }
        .verdict-differs { background: #fbd9d3; }
        .verdict-not-recomputable { background: #e8e8e8; }
        figure { margin: 1.5rem 0; }
        figure img { max-width: 100%; border: 1px solid var(--line); }
        figcaption, .missing, .note, .basis { color: var(--muted); font-size: 0.9rem; }
        .warning { background: #fff4ce; padding: 0.4rem 0.6rem; border-left: 4px solid #e3a008; }
        dl.fields { display: grid; grid-template-columns: 14rem 1fr; gap: 0.3rem 1rem; }
        dl.fields dt { font-weight: 600; }
        dl.fields dd { margin: 0; }
        dl.fields ul { margin: 0; padding-left: 1.2rem; }
        .heatmap td { width: 7rem; height: 3rem; }
        .heat-0 { background: #ffffff; } .heat-1 { background: #dbe9f6; } .heat-2 { background: #a9cbe8; }
        .heat-3 { background: #85b5de; } .heat-4 { background: #6aa3d5; }
        .heatmap .n { font-weight: 700; }
        svg.graph text { font-size: 12px; fill: var(--fg); }
        .group-algorithmic { fill: #1b9e77; background: #1b9e77; }
        .group-coordination-or-engineering { fill: #7570b3; background: #7570b3; }
        .group-heavy-capital { fill: #d95f02; background: #d95f02; }
        .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; vertical-align: middle; margin-left: 0.8rem; }
        """;
}
