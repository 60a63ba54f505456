using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Output;
using ReproBundle.Registry;
using ReproBundle.Site;
using ReproBundle.Tests.Registry;
using Xunit;

namespace ReproBundle.Tests.Site;

public class StaticSiteTests
{
    private static readonly AuditRow[] SampleAudit =
    [
        new("s6.entry_count", "§6", "Below is the seed (18 entries)", "18 entries", "18 entries", Verdict.Reproduces, "counted"),
        new("x.hostile", "§0", "<script>alert('audit')</script>", "1", "2", Verdict.Differs, "<b>bold</b>"),
    ];

    /// <summary>Writes the site for a data folder into a fresh output folder and returns that folder's site/.</summary>
    private static string WriteSite(string dataDirectory, string outputRoot, SiteOptions? options = null)
    {
        var registry = BottleneckRegistry.Load(dataDirectory);
        using var stage = new OutputStage(outputRoot);
        StaticSite.Write(stage, registry, SampleAudit, StaticSite.PaperFigures, [], BibReference.Load(Path.Combine(dataDirectory, "references.bib")), options);
        stage.Commit();
        return Path.Combine(outputRoot, "site");
    }

    [Fact]
    public void Script_in_name_body_solution_and_rationale_never_appears_unescaped_in_any_page_or_feed()
    {
        using var data = new TempData();
        data.ReplaceLine("B01.md", "name: \"Memory-bandwidth wall (decode)\"", "name: \"<script>alert('name')</script>\"");
        data.ReplaceLine("B01.md", "  - \"FP4 QAT\"", "  - \"<script>alert('solution')</script><img src=x onerror=alert(1)>\"");
        data.ReplaceLine("B02.md", "type: \"Arch\"", "type: \"<script>alert('type')</script>\"");
        data.ReplaceLine("B16.md", "    basis: bundle-inference", "    basis: bundle-inference\n    rationale: \"<script>alert('rationale')</script>\"");
        var b16 = data.Entry("B16.md");
        var kept = File.ReadAllLines(b16).Where((l, i) => !(l.StartsWith("    rationale: \"B16's", StringComparison.Ordinal)));
        File.WriteAllText(b16, string.Join('\n', kept) + "\n");
        File.AppendAllText(data.Entry("B01.md"),
            "\n<script>alert('body')</script>\n\n<div onclick=\"alert(1)\">raw</div>\n\n[click me](javascript:alert(1)) [spaced](  JaVaScRiPt:alert(2)) <javascript:alert(3)>\n\n![pixel](http://evil.example/p.png)\n");

        var site = WriteSite(data.Data, Path.Combine(data.Root, "out"));

        var files = Directory.GetFiles(site, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html") || f.EndsWith(".atom")).ToList();
        Assert.True(files.Count >= 18 + 5 + 3, $"only {files.Count} pages and feeds");
        foreach (var f in files)
        {
            var text = File.ReadAllText(f);
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<div onclick", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://evil.example/p.png\"", text.Replace("href=\"http://evil.example/p.png\"", ""), StringComparison.Ordinal);
        }
        var b1 = File.ReadAllText(Path.Combine(site, "entries", "b1.html"));
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;", b1);
        Assert.Contains("&lt;script&gt;alert(&#x27;solution&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", b1);
        Assert.Contains("&lt;script&gt;alert('body')&lt;/script&gt;", b1);
        Assert.Contains("<a href=\"#\">click me</a>", b1);
        Assert.Contains("&lt;script&gt;alert(&#x27;rationale&#x27;)&lt;/script&gt;", File.ReadAllText(Path.Combine(site, "entries", "b16.html")));
        Assert.Contains("&lt;script&gt;alert(&#x27;audit&#x27;)&lt;/script&gt;", File.ReadAllText(Path.Combine(site, "index.html")));
        Assert.Contains("&lt;script&gt;alert('name')&lt;/script&gt;", File.ReadAllText(Path.Combine(site, "feeds", "all.atom")));
        // A hostile type cannot name a feed file outside the tag alphabet.
        Assert.All(Directory.GetFiles(Path.Combine(site, "feeds")), f => Assert.Matches("^[a-z0-9-]+\\.atom$", Path.GetFileName(f)));
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2305.13245", true)]
    [InlineData("entries/b1.html", true)]
    [InlineData("#audit", true)]
    [InlineData("mailto:a@b.c", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", false)]
    [InlineData("vbscript:msgbox", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("", false)]
    public void Only_http_mailto_and_relative_urls_are_safe(string url, bool safe)
    {
        Assert.Equal(safe, Html.IsSafeUrl(url));
    }

    [Fact]
    public void Two_runs_write_identical_bytes_even_under_another_culture()
    {
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-det-" + Guid.NewGuid().ToString("N"));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            var a = WriteSite(RegistryTestData.DataDirectory, Path.Combine(root, "a"));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var b = WriteSite(RegistryTestData.DataDirectory, Path.Combine(root, "b"));
            var filesA = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order().ToList();
            var filesB = Directory.GetFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order().ToList();
            Assert.Equal(filesA, filesB);
            Assert.All(filesA, f => Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f))));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    private static SyndicationFeed LoadFeed(string path)
    {
        using var reader = XmlReader.Create(path);
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), $"{path} is not an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public void The_feeds_are_atom_with_all_18_entries_one_feed_per_type_tag_and_dates_from_the_entries()
    {
        using var data = new TempData();
        var site = WriteSite(data.Data, Path.Combine(data.Root, "out"));

        var all = LoadFeed(Path.Combine(site, "feeds", "all.atom"));
        Assert.Equal(18, all.Items.Count());
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 0, 0, 0, TimeSpan.Zero), all.LastUpdatedTime);
        Assert.All(all.Items, i => Assert.Equal(new DateTimeOffset(2026, 4, 22, 0, 0, 0, TimeSpan.Zero), i.LastUpdatedTime));
        var arch = LoadFeed(Path.Combine(site, "feeds", "type-arch.atom"));
        Assert.Equal(["B1", "B13", "B17", "B2", "B5", "B7"], arch.Items.Select(i => i.Id.Split(':').Last()).Order(StringComparer.Ordinal));
        Assert.Empty(LoadFeed(Path.Combine(site, "feeds", "resolved-this-quarter.atom")).Items);
    }

    [Fact]
    public void Resolved_this_quarter_is_computed_from_the_newest_registry_date_or_an_explicit_as_of_date()
    {
        using var data = new TempData();
        data.ReplaceLine("B09.md", "status: open", "status: resolved");
        data.ReplaceLine("B09.md", "status_date: 2026-04-22", "status_date: 2026-05-10");

        var site = WriteSite(data.Data, Path.Combine(data.Root, "out"));
        var resolved = LoadFeed(Path.Combine(site, "feeds", "resolved-this-quarter.atom"));
        Assert.Equal("urn:reprobundle:registry:B9", Assert.Single(resolved.Items).Id);
        Assert.Contains("2026-Q2", resolved.Title.Text);
        Assert.Equal(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero), resolved.LastUpdatedTime);

        var later = WriteSite(data.Data, Path.Combine(data.Root, "out2"), new SiteOptions(new DateOnly(2026, 8, 1)));
        var q3 = LoadFeed(Path.Combine(later, "feeds", "resolved-this-quarter.atom"));
        Assert.Empty(q3.Items);
        Assert.Contains("2026-Q3", q3.Title.Text);
    }

    [Fact]
    public void Figures_missing_from_the_stage_are_reported_and_present_ones_are_copied_into_the_site()
    {
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-fig-" + Guid.NewGuid().ToString("N"));
        try
        {
            var registry = RegistryTestData.Seed();
            using (var stage = new OutputStage(root))
            {
                stage.WriteText("figures/fig2_cost_per_mtokens.html", "<!DOCTYPE html><title>fig2</title>");
                stage.WriteBytes("figures/fig3_energy_per_token.png", [137, 80, 78, 71]);
                // The table arrives typed from its producer; the site never reads a CSV back from the stage.
                StaticSite.Write(stage, registry, SampleAudit, StaticSite.PaperFigures, [new SiteTable("tables/t.csv", "T", "caption", ["a", "b"], [["<x>", 1.5]])],
                    BibReference.Load(Path.Combine(RegistryTestData.DataDirectory, "references.bib")));
                stage.Commit();
            }
            var index = File.ReadAllText(Path.Combine(root, "site", "index.html"));
            Assert.Contains("This figure was not produced in this run.", index); // fig1
            Assert.Contains("<a href=\"figures/fig2_cost_per_mtokens.html\">Interactive version (offline HTML)</a> (no static image in this run", index);
            Assert.Contains("<img src=\"figures/fig3_energy_per_token.png\"", index);
            Assert.True(File.Exists(Path.Combine(root, "site", "figures", "fig2_cost_per_mtokens.html")));
            Assert.True(File.Exists(Path.Combine(root, "site", "figures", "fig3_energy_per_token.png")));
            Assert.Contains("<td>&lt;x&gt;</td><td>1.5</td>", index);
            Assert.Equal("a,b\n<x>,1.5\n", File.ReadAllText(Path.Combine(root, "site", "tables", "t.csv")));
            Assert.False(File.Exists(Path.Combine(root, "tables", "t.csv")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Findings_handed_over_typed_head_the_audit_section_encoded_and_linked_to_their_claims()
    {
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-findings-" + Guid.NewGuid().ToString("N"));
        try
        {
            var findings = new[] { new SiteFinding("F9", "<i>title</i>", ["x.hostile"], "weakens", "It's 57x & <b>not</b> 200x.") { AsPrinted = "50x <i>", Corrected = "57.1x & more" } };
            WriteSite(RegistryTestData.DataDirectory, root, new SiteOptions(Findings: findings));
            var index = File.ReadAllText(Path.Combine(root, "site", "index.html"));
            Assert.Contains("<li id=\"finding-F9\"><strong>F9 &lt;i&gt;title&lt;/i&gt;</strong> (materiality: weakens; differing: "
                + "<a href=\"#claim-x.hostile\"><code>x.hostile</code></a>). It&#x27;s 57x &amp; &lt;b&gt;not&lt;/b&gt; 200x.\n"
                + "<dl class=\"erratum\"><dt>As printed</dt><dd>50x &lt;i&gt;</dd><dt>Corrected</dt><dd>57.1x &amp; more</dd></dl></li>\n", index);
            Assert.Contains($"<code>{ClaimsAudit.PolicyPage}</code>", index);
            Assert.False(File.Exists(Path.Combine(root, "findings.csv")));

            var without = File.ReadAllText(Path.Combine(WriteSite(RegistryTestData.DataDirectory, root + "-none"), "index.html"));
            Assert.DoesNotContain("id=\"findings\"", without);
        }
        finally
        {
            foreach (var d in new[] { root, root + "-none" }) if (Directory.Exists(d)) Directory.Delete(d, true);
        }
    }

    [Fact]
    public void The_console_banner_lines_stay_off_the_site_which_leads_with_a_note_and_the_comparison_link()
    {
        // Issue 25: the long banner of machine ids is the console's; the site says in one lead line that the reviewer's
        // overrides are in use and links to the comparison page (the banner above the h1 comes with SiteOptions.Review).
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-banner-" + Guid.NewGuid().ToString("N"));
        try
        {
            string[] banner = ["REVIEWER'S ASSUMPTIONS: 1 override(s) from r.yaml", "  a.b: paper 25 -> reviewer 40 <r.yaml:1>", "    hint: a.b does not change c.d"];
            var index = File.ReadAllText(Path.Combine(WriteSite(RegistryTestData.DataDirectory, root, new SiteOptions(ReviewerBanner: banner)), "index.html"));
            Assert.DoesNotContain("REVIEWER&#x27;S ASSUMPTIONS", index);
            Assert.DoesNotContain("a.b: paper 25", index);
            Assert.Contains("<p class=\"lead\">Every number below is recomputed from the bundle's <code>data/</code> with the reviewer's overrides (<a href=\"your-assumptions.html\">what they change</a>)", index);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void A_notebook_page_shows_the_notebook_title_once()
    {
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-nbtitle-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(RegistryTestData.RepoRoot, "notebooks", "04-agent-density.ipynb");
            var notebook = new SiteNotebook("04-agent-density", ReproBundle.Notebooks.NotebookFile.Read(path));
            var page = File.ReadAllText(Path.Combine(WriteSite(RegistryTestData.DataDirectory, root, new SiteOptions(Notebooks: [notebook])), "notebooks", "04-agent-density.html"));
            // Once in the h1 of the page, not again as the notebook's own heading below it (the <title> aside).
            var main = page[page.IndexOf("<main>", StringComparison.Ordinal)..];
            Assert.Single(main.Split("Agent density (§4.2 and Appendix C)").Skip(1));
            Assert.Contains("<h1>04 · Agent density (§4.2 and Appendix C)</h1>", main);
            Assert.Contains("The paper proposes <strong>agent density</strong>", page);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Every_figure_and_table_the_site_shows_is_drawn_by_a_cell_of_the_committed_notebooks()
    {
        var notebooks = Directory.GetFiles(Path.Combine(RegistryTestData.RepoRoot, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Select(f => new SiteNotebook(Path.GetFileNameWithoutExtension(f), ReproBundle.Notebooks.NotebookFile.Read(f))).ToList();
        var links = NotebookLinks.Resolve(notebooks);
        var shown = StaticSite.PaperFigures.Concat(StaticSite.BundleFigures).Select(f => "figure-" + f.Name)
            .Concat(new[] { "figure-registry_types", "figure-registry_priority_difficulty", "figure-registry_dependencies" })
            .Concat(new[] { "table1_baselines", "table2_projections", "projections_table", "agent_density", "registry_summary" }.Select(t => "table-" + t));
        Assert.All(shown, anchor => Assert.True(links.ContainsKey(anchor), $"{anchor}: no notebook cell draws it"));
        Assert.Equal("05-figures", links["figure-fig1_radar_inference"].Notebook.Name);
        Assert.Equal("06-bottleneck-registry", links["figure-registry_dependencies"].Notebook.Name);
    }

    [Theory]
    [InlineData("<script src=\"https://cdn.plot.ly/plotly-2.27.1.min.js\" charset=\"utf-8\"></script><script>Plotly.newPlot('a', [], {});</script>",
        "<script>Plotly.newPlot('a', [], {});</script>")]
    [InlineData("<script>var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.27.1.min'}}) || require;\nfsharpPlotlyRequire(['plotly'], function(Plotly) { Plotly.newPlot('a', [], {}); });</script>",
        "<script>var fsharpPlotlyRequire = function (modules, ready) { ready(window.Plotly); };\nfsharpPlotlyRequire(['plotly'], function(Plotly) { Plotly.newPlot('a', [], {}); });</script>")]
    [InlineData("<div id=\"a\"></div><script>Plotly.newPlot('a', [], {});</script>", "<div id=\"a\"></div><script>Plotly.newPlot('a', [], {});</script>")]
    public void Chart_outputs_that_load_plotly_from_a_cdn_or_require_js_use_the_page_s_copy(string output, string offline)
    {
        Assert.Equal(offline, NotebookOutputView.OfflineCharts(output));
    }

    [Fact]
    public void Without_executed_notebooks_the_home_page_says_how_to_get_them_and_writes_no_notebook_page()
    {
        var root = Path.Combine(Path.GetTempPath(), "reprobundle-site-nonb-" + Guid.NewGuid().ToString("N"));
        try
        {
            var site = WriteSite(RegistryTestData.DataDirectory, root);
            Assert.Contains("This run did not execute the notebooks. <code>reproduce --notebooks</code> adds each executed notebook here", File.ReadAllText(Path.Combine(site, "index.html")));
            Assert.False(Directory.Exists(Path.Combine(site, "notebooks")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void Reproduce_writes_the_site_the_feeds_and_registry_summary_into_a_temp_folder()
    {
        var output = Path.Combine(Path.GetTempPath(), "reprobundle-reproduce-" + Guid.NewGuid().ToString("N"));
        try
        {
            // No PNGs: this test reads the site and the manifest, and a browser is started only by the tests of HeavyProcesses.
            // A 2,000-sample Monte Carlo: nothing read here depends on the number of draws.
            var result = Reproduction.Run(new ReproduceOptions(RegistryTestData.DataDirectory, output, Png: false,
                MonteCarlo: new ReproBundle.Uncertainty.MonteCarloSettings(2_000, ReproBundle.Uncertainty.MonteCarloSettings.DefaultSeed, 1)), TextWriter.Null);

            foreach (var f in new[] { "site/index.html", "site/registry.html", "site/dashboards.html", "site/references.html", "site/site.css",
                         "site/entries/b18.html", "site/feeds/all.atom", "site/feeds/resolved-this-quarter.atom", "site/feeds/type-algo.atom", "tables/registry_summary.csv" })
            {
                Assert.True(File.Exists(Path.Combine(output, f)), $"{f} missing");
            }
            var manifest = File.ReadAllText(Path.Combine(output, "MANIFEST.json"));
            Assert.Contains("\"data/registry/B01.md\"", manifest);
            Assert.Contains("\"data/schemas/registry-v0.2.schema.json\"", manifest);
            Assert.Contains("\"site/index.html\"", manifest);
            Assert.Contains(result.Audit, r => r.ClaimId == "abstract.eleven_of_fifteen" && r.Verdict == Verdict.Differs);
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, true);
        }
    }
}
