using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Figures;
using ReproBundle.Output;
using ReproBundle.Registry;

namespace ReproBundle.Site;

/// <summary>
/// The paper's landing page and the §7 registry site in one static folder, <c>site/</c>, viewable from disk
/// with no network: a home page (what the paper claims, the reproduced figures, the key tables, the claims
/// audit), one page per registry entry, the dashboards, the references, and Atom feeds. Pure HTML and one
/// local stylesheet; no script, no CDN. The pages are Razor components (<c>Site/*.razor</c>) rendered by
/// <see cref="SiteRenderer"/>, which encodes every value (the standard <see cref="System.Text.Encodings.Web.HtmlEncoder"/>); tables and findings arrive
/// typed from their producers.
/// </summary>
public static class StaticSite
{
    /// <summary>
    /// Writes the site into <c>site/</c> of the stage and returns the HTML pages written (paths relative to
    /// <c>site/</c>). Figures are copied from the stage, where the figure exporter wrote them.
    /// </summary>
    /// <param name="stage">The run's output stage.</param>
    /// <param name="registry">The linted registry.</param>
    /// <param name="audit">The claims audit rows.</param>
    /// <param name="figures">Figures to show; their files may be missing (then the site says so).</param>
    /// <param name="tables">Tables to show, typed (see <see cref="KeyTables"/>); each is also published as <c>site/tables/&lt;file&gt;</c>.</param>
    /// <param name="references">The entries of <c>references.bib</c>.</param>
    /// <param name="options">As-of date, reviewer banner, findings; null for defaults.</param>
    public static IReadOnlyList<string> Write(OutputStage stage, BottleneckRegistry registry, IReadOnlyList<AuditRow> audit,
        IReadOnlyList<SiteFigure> figures, IReadOnlyList<SiteTable> tables, IReadOnlyList<BibReference> references, SiteOptions? options = null)
    {
        var asOf = options?.AsOf ?? registry.NewestDate;
        var pages = new List<string>();
        using var renderer = new SiteRenderer { Review = options?.Review };
        void Page<TBody>(string path, string title, Dictionary<string, object?> parameters) where TBody : Microsoft.AspNetCore.Components.IComponent
        {
            stage.WriteText($"site/{path}", renderer.Page<TBody>(path, title, parameters));
            pages.Add(path);
        }

        stage.WriteText("site/site.css", Css + "\n");
        var feeds = SiteFeeds.Build(registry, asOf);
        foreach (var (file, _, bytes) in feeds) stage.WriteBytes($"site/feeds/{file}", bytes);

        var notebooks = options?.Notebooks ?? [];
        var links = NotebookLinks.Resolve(notebooks);
        var shownFigures = figures.Select(f => Show(stage, f)).ToList();
        foreach (var t in tables) stage.WriteCsv($"site/tables/{Path.GetFileName(t.CsvPath)}", t.Columns, t.Rows);
        Page<HomePage>("index.html", "Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs (v0.3), reproduced", new()
        {
            [nameof(HomePage.Banner)] = options?.ReviewerBanner ?? [],
            [nameof(HomePage.Audit)] = audit,
            [nameof(HomePage.Findings)] = options?.Findings,
            [nameof(HomePage.Figures)] = shownFigures,
            [nameof(HomePage.Tables)] = tables,
            [nameof(HomePage.Registry)] = registry,
            [nameof(HomePage.Notebooks)] = notebooks,
            [nameof(HomePage.Links)] = links,
        });
        if (options?.Review is { } review)
        {
            Page<YourAssumptionsPage>(SiteReview.PagePath, "Your assumptions: what they change", new() { [nameof(YourAssumptionsPage.Review)] = review });
        }
        Page<RegistryPage>("registry.html", "Bottleneck Registry", new() { [nameof(RegistryPage.Registry)] = registry, [nameof(RegistryPage.AsOf)] = asOf });
        var charts = RegistryCharts.Names.Select(name => Show(stage, new SiteFigure(name, ChartTitle(name),
            $"Plotly.NET chart of the registry (figures/{name}), exported with the bundle's other figures."))).ToList();
        Page<DashboardsPage>("dashboards.html", "Registry dashboards", new()
        {
            [nameof(DashboardsPage.Registry)] = registry,
            [nameof(DashboardsPage.Charts)] = charts,
            [nameof(DashboardsPage.Links)] = links,
        });
        Page<FeedsPage>("feeds.html", "Atom feeds", new()
        {
            [nameof(FeedsPage.Feeds)] = feeds.Select(f => (f.File, f.Title)).ToList(),
            [nameof(FeedsPage.AsOf)] = asOf,
        });
        Page<ReferencesPage>("references.html", "References", new() { [nameof(ReferencesPage.References)] = references, [nameof(ReferencesPage.Registry)] = registry });
        foreach (var e in registry.Entries)
        {
            Page<EntryPage>($"entries/{e.Slug}.html", $"{e.Id}: {e.Name}", new()
            {
                [nameof(EntryPage.Entry)] = e,
                [nameof(EntryPage.Registry)] = registry,
                [nameof(EntryPage.References)] = references,
            });
        }
        foreach (var n in notebooks)
        {
            // Chart outputs load plotly.js from the site's own copy (the one the figure pages use), so they work offline.
            if (!stage.WrittenFiles.ContainsKey($"site/figures/{FigureWriter.PlotlyJsFileName}"))
            {
                stage.WriteText($"site/figures/{FigureWriter.PlotlyJsFileName}", FigureWriter.PlotlyJs());
            }
            Page<NotebookPage>(n.PagePath, n.Title, new()
            {
                [nameof(NotebookPage.Notebook)] = n,
                [nameof(NotebookPage.Links)] = links,
                [nameof(NotebookPage.PlotlyJs)] = $"../figures/{FigureWriter.PlotlyJsFileName}",
            });
        }
        return pages;
    }

    /// <summary>
    /// The key tables of the home page, typed from their producers (<see cref="TableExports"/>, <see cref="AgentDensityTable"/>,
    /// <see cref="PlatformProjections"/>, <see cref="Taxonomy"/>): the same columns and cells they write to <c>tables/</c>.
    /// </summary>
    /// <param name="data">The inputs of this run (with a reviewer's overrides applied).</param>
    /// <param name="registry">The linted registry.</param>
    public static IReadOnlyList<SiteTable> KeyTables(PaperData data, BottleneckRegistry registry) =>
    [
        new("tables/table1_baselines.csv", "Table 1: published reference points (§2.2)", "Table 1 as printed, with the per-chip and energy columns recomputed.",
            TableExports.Table1Columns, [.. TableExports.Table1Rows(data)]),
        new("tables/table2_projections.csv", "Table 2: projected Claude-class inference (§4.1)", "Table 2's columns and ratios recomputed by interval arithmetic.",
            TableExports.Table2Columns, [.. TableExports.Table2Rows(data)]),
        new("tables/projections_table.csv", "Six-platform projections (Appendix D)", "tok/s, energy and cost per million tokens for the six platforms, with their status.",
            PlatformProjections.Columns, [.. PlatformProjections.Rows(data).Select(PlatformProjections.Cells)]),
        new("tables/agent_density.csv", "Agent density (§4.2, Appendix C)", "The Appendix C derivation, step by step.",
            AgentDensityTable.Columns, [.. AgentDensityTable.Rows(data)]),
        new("tables/registry_summary.csv", "Bottleneck Registry summary (§6)", "Entries counted by printed type, type tag, taxonomy group, priority, difficulty, status and schema version.",
            Taxonomy.SummaryColumns, [.. Taxonomy.SummaryRows(registry)]),
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

    /// <summary>What the paper claims, in its own words, by section (the home page's first section).</summary>
    internal static readonly (string Section, string Text)[] PaperClaims =
    [
        ("Abstract, §2.3", "Transformer-dedicated silicon offers 10-70x decode throughput and 50-200x energy per token over an H100 baseline; \u201c200x across the board\u201d is rejected as marketing."),
        ("§3-§4, Table 2", "A Claude-class MoE (1-2 T parameters, 200-400 B active) on a 2027-feasible 2-3 nm ASIC with FP4 weights: 300-800 tok/s single-stream, 0.3-1.5 J/token, $0.20-1.50 per million decode tokens."),
        ("§4.2, Appendix C", "Agent density: 60-150 concurrent streams per $1 M of CapEx on H100-class hardware against 3,000-12,000 on the reference ASIC."),
        ("§4.3", "Tape-out NRE of $40-80 M at 3 nm keeps effective cost 3-10x above Table 2 until more than 100 K nodes ship."),
        ("Abstract, §6, §9", "The dominant uncertainty is coordination, not physics: \u201celeven of fifteen top bottlenecks\u201d are blocked by incentives, lock-in or capital, and \u201c~80% of the bottleneck surface needs coordination, not money\u201d."),
        ("§6-§7", "A public, versioned Bottleneck Registry of 18 entries with a schema lint, dashboards and feeds, as a coordination primitive."),
    ];

    private static string ChartTitle(string name) => name switch
    {
        "registry_types" => "Entries by printed type and taxonomy group",
        "registry_priority_difficulty" => "Priority x difficulty",
        "registry_dependencies" => "Dependency graph",
        _ => name,
    };

    /// <summary>Copies a figure's PNG and HTML (and, with the first HTML, plotly.js) from the stage into <c>site/figures/</c>; says which exist.</summary>
    private static (SiteFigure Figure, bool Png, bool Interactive) Show(OutputStage stage, SiteFigure f)
    {
        var png = CopyFromStage(stage, $"figures/{f.Name}.png");
        var html = CopyFromStage(stage, $"figures/{f.Name}.html");
        // The figure pages load plotly.js from beside them: the site's figures folder holds one copy for all of them.
        if (html && !stage.WrittenFiles.ContainsKey($"site/figures/{FigureWriter.PlotlyJsFileName}"))
        {
            CopyFromStage(stage, $"figures/{FigureWriter.PlotlyJsFileName}");
        }
        return (f, png, html);
    }

    /// <summary>Copies a stage file into <c>site/</c> (same relative path) when it exists; true when copied.</summary>
    private static bool CopyFromStage(OutputStage stage, string relative)
    {
        var source = Path.Combine(stage.StagingRoot, relative.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(source)) return false;
        stage.WriteBytes($"site/{relative}", File.ReadAllBytes(source));
        return true;
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
        .reviewer-banner { margin-top: 0.5rem; font-size: 0.92rem; }
        .id { color: var(--muted); font-size: 0.78rem; }
        td.changed { font-weight: 700; }
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
        pre.nb-source, pre.nb-output { padding: 0.5rem 0.7rem; overflow-x: auto; font-size: 0.85rem; white-space: pre-wrap; }
        pre.nb-source { background: #f3f5f8; border-left: 4px solid var(--accent); }
        pre.nb-output { border-left: 4px solid var(--line); }
        pre.nb-error { border-left-color: #d93025; background: #fbd9d3; }
        div.nb-output { margin: 0.5rem 0; overflow-x: auto; max-width: 100%; }
        main:has(section.nb-code) { max-width: 76rem; }
        table.audit { width: 100%; }
        table.audit td:first-child { min-width: 10rem; overflow-wrap: anywhere; }
        table.audit td:nth-child(3) { min-width: 11rem; }
        table.audit td:last-child { min-width: 16rem; overflow-wrap: anywhere; }
        .nb-shown, .nb-link { font-size: 0.9rem; }
        .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 50%; vertical-align: middle; margin-left: 0.8rem; }
        """;
}
