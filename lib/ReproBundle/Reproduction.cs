using System.Security.Cryptography;
using System.Text.Json;
using ReproBundle.Audit;
using ReproBundle.Browser;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Figures;
using ReproBundle.Notebooks;
using ReproBundle.Output;
using ReproBundle.Registry;
using ReproBundle.Review;
using ReproBundle.Site;
using ReproBundle.Uncertainty;

namespace ReproBundle;

/// <summary>Options of one <c>reproduce</c> run.</summary>
/// <param name="DataDirectory">The folder of the paper's inputs (read only).</param>
/// <param name="OutputDirectory">The folder outputs go to.</param>
/// <param name="AssumptionsFile">A reviewer's JSON or YAML overrides (see data/README.md), or null for data/ as it is.</param>
/// <param name="NotebooksDirectory">
/// When set (<c>reproduce --notebooks</c>), the notebooks folder: every notebook is run headless and its
/// executed copy written to <c>notebooks/</c> in the output.
/// </param>
/// <param name="Png">False (<c>reproduce --no-png</c>) to skip PNG export and never start a browser.</param>
/// <param name="MonteCarlo">The Monte Carlo settings; null for <see cref="MonteCarloSettings.Default"/> (what <c>reproduce</c> uses).</param>
public sealed record ReproduceOptions(string DataDirectory, string OutputDirectory, string? AssumptionsFile = null, string? NotebooksDirectory = null,
    bool Png = true, MonteCarloSettings? MonteCarlo = null);

/// <summary>What a run wrote.</summary>
/// <param name="OutputDirectory">The full path of the output folder.</param>
/// <param name="FileCount">How many files the run wrote.</param>
/// <param name="Audit">The claims audit rows.</param>
/// <param name="MissingPngs">
/// PNGs a browser fault left undrawn (<c>figures/&lt;name&gt;.png</c>) with the reason; empty when every PNG was drawn
/// or none was asked for. Every other output was written; <c>MANIFEST.json</c> lists these under <c>missing</c>.
/// </param>
public sealed record ReproductionResult(string OutputDirectory, int FileCount, IReadOnlyList<AuditRow> Audit, IReadOnlyDictionary<string, string> MissingPngs)
{
    /// <summary>Warnings for the reader (the registry lint's near-duplicates), printed after the summary and the outputs.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The SHA-256 of the MANIFEST.json the run published (empty for a run that rewrote nothing).</summary>
    public string ManifestSha256 { get; init; } = "";

    /// <summary>With <c>--assumptions</c>, what each override reaches when applied alone (the banner's lines); else empty.</summary>
    public IReadOnlyList<OverrideReach> Reaches { get; init; } = [];
}

/// <summary>
/// <c>reproduce</c> as a library call: loads data/, writes every table, figure, the site and the claims
/// audit into a staging folder, then moves them into the output folder only when all of it succeeded.
/// </summary>
public static partial class Reproduction
{
    /// <summary>Runs everything; a bad input throws <see cref="BundleInputException"/> before anything is moved into place.</summary>
    public static ReproductionResult Run(ReproduceOptions options, TextWriter log)
    {
        // A forbidden output folder (/, home, the repository, data/, an existing file) is refused before anything is read.
        OutputFolder.Check(options.OutputDirectory, options.DataDirectory);
        // Nothing changed since the last run into this folder (data, options, build, every output intact): nothing is rewritten (UnchangedRun.cs).
        var key = UnchangedRun.Key(options);
        if (key is not null && UnchangedRun.TryReplay(options, key, log) is { } unchanged) return unchanged;
        // The manifest hashes the bytes each input gave when it was read (once), not the file as it is at the end.
        using var reads = InputFile.RecordReads();
        // The registry (its schema, 18 entries and the lint) is read on a second thread while data/ is read on this one;
        // its result, or its bad-input fault, is taken where it was read before, so a run reports the same first fault.
        var registryLoad = Task.Run(() => BottleneckRegistry.Load(options.DataDirectory));
        try
        {
            var printed = new StringWriter { NewLine = "\n" };
            var result = Run(options, printed, registryLoad);
            log.Write(printed.ToString());
            if (key is not null && result.MissingPngs.Count == 0) UnchangedRun.Save(options, key, result, printed.ToString());
            return result;
        }
        finally
        {
            // A run stopped by an earlier bad input still waits for the read it started (bounded by the registry's limits).
            ((IAsyncResult)registryLoad).AsyncWaitHandle.WaitOne();
        }
    }

    /// <summary>
    /// The pipeline, one named step each: read and check every input, compute and write the figures and tables, judge
    /// the claims, compare with a reviewer's inputs, finish the PNGs, write the site, publish.
    /// </summary>
    private static ReproductionResult Run(ReproduceOptions options, TextWriter log, Task<BottleneckRegistry> registryLoad)
    {
        // The console leads with the answer: the summary is written at the end, then the steps' own lines.
        var progress = new StringWriter { NewLine = "\n" };
        var inputs = LoadInputs(options, registryLoad, progress);
        using var stage = new OutputStage(options.OutputDirectory, options.DataDirectory);
        // No PNGs with --no-png. A PNG whose figure JSON, plotly.js and renderer settings are those recorded for the previous run's PNG is
        // reused, and the browser starts only when a figure must be drawn (at once when nothing can be reused): Figures/PngReuse.cs.
        using var pngSession = options.Png ? PngSession.Open(options.OutputDirectory, ChromiumLocator.Find()) : null;
        var uncertainty = WriteFiguresAndTables(stage, pngSession, inputs, options);
        var audit = Findings.Attach(ClaimsAudit.Run(inputs.Claims, ClaimCheckProviders(inputs.Data, inputs.Registry, uncertainty, inputs.FigureInputs)), inputs.Findings);
        var review = inputs.Overrides is { } overrides ? WriteReview(stage, inputs, overrides, uncertainty, audit, options) : ReviewOutputs.None;
        var findingValues = FindingValues.Compute(inputs.Data);
        ClaimsAudit.Write(stage, audit, inputs.Findings, findingValues, review.BannerMarkdown);
        Taxonomy.WriteSummary(stage, inputs.Registry);
        IReadOnlyList<string> summary =
        [
            $"claims audit: {ClaimsAudit.SentenceCounts(audit)} (per sentence; {audit.Count} claims in claims_audit.md)",
            Findings.SummaryLine(audit, inputs.Findings, findingValues),
            HeadlineLine(ClaimsDiff.Headlines(inputs.Data, uncertainty)),
            .. review.Summary,
        ];
        var pngs = FinishPngs(stage, pngSession, progress);
        WriteSite(stage, inputs, audit, findingValues, review, options, progress);
        WriteManifest(stage, options.DataDirectory, inputs.DataFiles, inputs.Overrides, pngs.Missing, FigureWriter.PngSources(stage));
        return Publish(stage, inputs, audit, pngs, review, [.. review.Banner, .. summary], progress, log);
    }

    /// <summary>Every input of a run, read and checked before anything is started or staged (so bad input fails fast).</summary>
    /// <param name="Paper">data/ as it is.</param>
    /// <param name="Data">data/ with the reviewer's overrides, if any: what every output is computed from.</param>
    /// <param name="Overrides">The reviewer's overrides (<c>--assumptions</c>), or null.</param>
    /// <param name="FigureInputs">The values only the figures need (<c>data/figures/</c>).</param>
    /// <param name="Related">The quantity names (<c>data/related_inputs.csv</c>).</param>
    /// <param name="Claims">The claims of <c>data/claims.csv</c>.</param>
    /// <param name="Findings">The findings of <c>data/findings.csv</c>.</param>
    /// <param name="Registry">The §6 registry, linted.</param>
    private sealed record RunInputs(PaperData Paper, PaperData Data, AssumptionOverrides? Overrides, FigureInputs FigureInputs, RelatedInputs Related,
        IReadOnlyList<Claim> Claims, IReadOnlyList<Finding> Findings, BottleneckRegistry Registry)
    {
        /// <summary>The data files the manifest hashes, relative to the data folder.</summary>
        public IReadOnlyList<string> DataFiles =>
            [.. Data.Files, "claims.csv", "findings.csv", "not_claims.csv", RelatedInputs.FileName, .. Registry.DataFiles, .. FigureInputs.FileNames];
    }

    private static RunInputs LoadInputs(ReproduceOptions options, Task<BottleneckRegistry> registryLoad, TextWriter progress)
    {
        var paper = PaperData.Load(options.DataDirectory);
        var overrides = options.AssumptionsFile is { } assumptionsFile ? AssumptionOverrides.Load(assumptionsFile, paper) : null;
        var figureInputs = FigureInputs.Load(options.DataDirectory);
        var related = RelatedInputs.Load(options.DataDirectory, paper);
        var claims = Claim.Load(Path.Combine(options.DataDirectory, "claims.csv"));
        var findings = Findings.Load(Path.Combine(options.DataDirectory, "findings.csv"));
        NotClaim.Load(Path.Combine(options.DataDirectory, "not_claims.csv"), claims);
        var registry = registryLoad.GetAwaiter().GetResult();
        progress.WriteLine($"registry: {registry.Entries.Count} entries linted, {registry.Warnings.Count} warning(s)");
        return new RunInputs(paper, overrides?.Apply(paper) ?? paper, overrides, figureInputs, related, claims, findings, registry);
    }

    /// <summary>
    /// Every chart through the one exporter (HTML and JSON as it is built; the browser draws each PNG as soon as its figure is
    /// written), the tables, the named numbers and the Monte Carlo. The charts that need no Monte Carlo come first, so their PNGs
    /// are drawn while it runs.
    /// </summary>
    private static UncertaintyResult WriteFiguresAndTables(OutputStage stage, PngSession? pngSession, RunInputs inputs, ReproduceOptions options)
    {
        if (pngSession is not null) FigureWriter.AttachPngSession(stage, pngSession);
        PaperFigures.Write(stage, inputs.Data, inputs.FigureInputs);
        foreach (var (name, chart) in RegistryCharts.All(inputs.Registry)) FigureWriter.Write(stage, name, chart);
        TableExports.Write(stage, inputs.Data);
        NamedNumbers.Write(stage, NamedNumbers.Compute(inputs.Data),
            inputs.Overrides is null ? "data/ as committed" : "data/ with a reviewer's overrides (--assumptions; the file's SHA-256 is in MANIFEST.json)");
        var uncertainty = UncertaintyAnalysis.Run(inputs.Data, options.MonteCarlo ?? MonteCarloSettings.Default);
        UncertaintyAnalysis.Write(stage, uncertainty);
        foreach (var (name, chart) in UncertaintyCharts.All(uncertainty)) FigureWriter.Write(stage, name, chart);
        return uncertainty;
    }

    /// <summary>What a reviewer's comparison adds to a run: the banner (console, Markdown), the site's page, the reach of each override.</summary>
    private sealed record ReviewOutputs(IReadOnlyList<string> Banner, string BannerMarkdown, SiteReview? Site, IReadOnlyList<OverrideReach> Reaches,
        IReadOnlyList<string> Summary)
    {
        /// <summary>A run without <c>--assumptions</c>.</summary>
        public static readonly ReviewOutputs None = new([], "", null, [], []);
    }

    /// <summary>With <c>--assumptions</c>: the comparison with the paper's inputs (claims_diff.*, review.md) and the banner.</summary>
    private static ReviewOutputs WriteReview(OutputStage stage, RunInputs inputs, AssumptionOverrides overrides, UncertaintyResult uncertainty,
        IReadOnlyList<AuditRow> audit, ReproduceOptions options)
    {
        var comparison = Compare(inputs.Paper, overrides, inputs.Related, inputs.Claims, inputs.Findings, inputs.Registry, inputs.FigureInputs, uncertainty, audit,
            options.MonteCarlo ?? MonteCarloSettings.Default);
        ClaimsDiff.Write(stage, comparison.Rows, comparison.Headlines, overrides);
        ReviewReport.Write(stage, overrides, comparison.Reaches, comparison.Rows, comparison.Headlines, comparison.Findings);
        var ratio = comparison.Headlines.Single(h => h.Name == "appc.density_ratio");
        return new ReviewOutputs(OverrideReach.Banner(overrides.FilePath, comparison.Reaches), OverrideReach.BannerMarkdown(overrides.FilePath, comparison.Reaches),
            new SiteReview(Path.GetFileName(overrides.FilePath), comparison.Reaches, comparison.Rows, comparison.Headlines, comparison.Findings), comparison.Reaches,
            [$"comparison: {comparison.Rows.Count(r => r.Flipped)} verdict(s) flipped, {comparison.Rows.Count(r => r.Changed && !r.Flipped)} more value(s) changed; " +
             $"D_ASIC / D_H100 {Times(ratio.Paper)} with the paper's inputs, {Times(ratio.Reviewer)} with yours (claims_diff.md)"]);
    }

    /// <summary>
    /// Waits for the PNGs (a browser fault costs the PNGs only: they are listed as missing, every other output is still written)
    /// and ends the browser while the site is written (the session's <c>using</c> waits for it before the run returns).
    /// </summary>
    private static PngOutcome FinishPngs(OutputStage stage, PngSession? pngSession, TextWriter progress)
    {
        var pngs = pngSession is not null ? FigureWriter.FinishPngs(stage, progress, pngSession) : PngOutcome.None;
        _ = pngSession?.EndAsync();
        progress.WriteLine($"figures: {FigureWriter.WrittenFigures(stage).Count} as HTML and JSON, {pngs.Written + pngs.Reused.Count} as PNG" +
            (pngs.Missing.Count > 0 ? $", {pngs.Missing.Count} PNG(s) missing (browser fault)" : ""));
        if (pngSession is not null) progress.WriteLine(pngs.DrawnAndReusedLine());
        return pngs;
    }

    /// <summary>The executed notebooks (with <c>--notebooks</c>), then the site, which shows them and every figure and table written above.</summary>
    private static void WriteSite(OutputStage stage, RunInputs inputs, IReadOnlyList<AuditRow> audit, IReadOnlyDictionary<string, Interval> findingValues,
        ReviewOutputs review, ReproduceOptions options, TextWriter progress)
    {
        IReadOnlyList<SiteNotebook> executedNotebooks = options.NotebooksDirectory is { } notebooks
            ? [.. NotebookExecution.WriteExecuted(stage, notebooks, options.DataDirectory, options.AssumptionsFile, progress).Select(n => SiteNotebook.Parse(n.Name, n.Json))]
            : [];
        StaticSite.Write(stage, inputs.Registry, audit, [.. StaticSite.PaperFigures, .. StaticSite.BundleFigures], StaticSite.KeyTables(inputs.Data, inputs.Registry),
            BibReference.Load(Path.Combine(options.DataDirectory, "references.bib")),
            new SiteOptions(ReviewerBanner: review.Banner, Findings: SiteFinding.From(audit, inputs.Findings, findingValues), Notebooks: executedNotebooks, Review: review.Site));
    }

    /// <summary>Moves the staged tree into place, then prints the summary (banner first), the steps' lines and where the outputs are.</summary>
    private static ReproductionResult Publish(OutputStage stage, RunInputs inputs, IReadOnlyList<AuditRow> audit, PngOutcome pngs, ReviewOutputs review,
        IReadOnlyList<string> summary, StringWriter progress, TextWriter log)
    {
        var count = stage.WrittenFiles.Count;
        var kept = stage.Commit();
        foreach (var line in summary) log.WriteLine(line);
        log.Write(progress.ToString());
        log.WriteLine($"outputs: claims_audit.md{(inputs.Overrides is null ? "" : ", claims_diff.md, review.md, site/your-assumptions.html")}, site/index.html, tables/, " +
            $"figures/ in {stage.OutputRoot}");
        return new ReproductionResult(stage.OutputRoot, count, audit, pngs.Missing)
        {
            Warnings = [.. inputs.Registry.Warnings.Select(w => $"registry: {w}"), .. kept],
            ManifestSha256 = stage.WrittenFiles[OutputStage.ManifestName],
            Reaches = review.Reaches,
        };
    }

    private static string Times(double? ratio) => ratio is { } r ? $"{Quantity.Text(r)}x" : "none";

    /// <summary>The headline numbers of this run in one line: Appendix C's density ratio, the pessimistic FP4 ratio and P(ratio &gt; 10x).</summary>
    private static string HeadlineLine(IReadOnlyList<(string Name, string Description, string Unit, double? Value)> headlines)
    {
        double? V(string name) => headlines.Single(h => h.Name == name).Value;
        var p = headlines.Where(h => h.Name.StartsWith("mc.", StringComparison.Ordinal) && h.Name.EndsWith(".p_ratio_above_10x", StringComparison.Ordinal))
            .Select(h => $"{Quantity.Text(h.Value ?? double.NaN)} ({h.Name.Split('.')[1]})");
        return $"headline: D_ASIC / D_H100 = {Times(V("appc.density_ratio"))} on Appendix C's worked examples, {Times(V("appc.fp4_pessimistic_ratio"))} if FP4 gives only 2x over FP8; " +
            $"P(ratio > 10x) = {string.Join(", ", p)}";
    }

    /// <summary>What <see cref="Compare"/> found: the claims and headline numbers side by side, and what each override reaches.</summary>
    private sealed record ReviewerComparison(IReadOnlyList<ClaimDiffRow> Rows, IReadOnlyList<HeadlineDiff> Headlines, IReadOnlyList<OverrideReach> Reaches,
        IReadOnlyList<FindingChange> Findings);

    /// <summary>
    /// With a reviewer's assumptions: the audit and the headline numbers once more with data/ as it is, and with each
    /// override alone (keeping the Monte Carlo draws of the full runs, so no draw is repeated per override).
    /// </summary>
    private static ReviewerComparison Compare(PaperData paperData, AssumptionOverrides overrides, RelatedInputs related, IReadOnlyList<Claim> claims,
        IReadOnlyList<Finding> findings, BottleneckRegistry registry, FigureInputs figureInputs, UncertaintyResult reviewerUncertainty,
        IReadOnlyList<AuditRow> reviewerAudit, MonteCarloSettings settings)
    {
        // The reviewer's runs are shared: a scenario or claim check whose model no override changes is not drawn again.
        var paperUncertainty = UncertaintyAnalysis.Run(paperData, settings, reviewerUncertainty.MonteCarloRuns);
        IReadOnlyList<AuditRow> Audit(PaperData d, UncertaintyResult u) => ClaimsAudit.Run(claims, ClaimCheckProviders(d, registry, u, figureInputs));
        var paperAudit = Findings.Attach(Audit(paperData, paperUncertainty), findings);
        var paperHeadlines = ClaimsDiff.Headlines(paperData, paperUncertainty);
        var names = overrides.Entries.Select(e => e.Key).ToList();
        var drawn = reviewerUncertainty.Scenarios.SelectMany(s => s.Model.Quantities).SelectMany(q => q.DataNames).ToHashSet(StringComparer.Ordinal);
        var solo = new List<(string Name, IReadOnlyList<AuditRow> Audit)>();
        var reaches = new List<OverrideReach>();
        var paperTables = TableHashes(paperData, paperUncertainty);
        var paperFigures = OverrideReach.FigureTexts(paperData, figureInputs, paperUncertainty);
        foreach (var entry in overrides.Entries)
        {
            var d = overrides.Only(entry.Key).Apply(paperData);
            var u = UncertaintyAnalysis.WithMonteCarloOf(d, paperUncertainty);
            var alone = Audit(d, u);
            solo.Add((entry.Key, alone));
            reaches.Add(ReviewerReach(entry, overrides, paperData, related, ChangedClaims(paperAudit, alone), ChangedHeadlines(paperHeadlines, ClaimsDiff.Headlines(d, u)),
                ChangedFiles(paperTables, TableHashes(d, u)), OverrideReach.Changed(paperFigures, OverrideReach.FigureTexts(d, figureInputs, u)),
                entry.Sets.Any(o => drawn.Contains(o.Name))));
        }
        // Claims whose value moves when only the Monte Carlo draws are the reviewer's: driven by the overrides the Monte Carlo reads.
        var monteCarloDriven = ChangedClaims(paperAudit, Audit(paperData, UncertaintyAnalysis.WithMonteCarloOf(paperData, reviewerUncertainty))).ToHashSet(StringComparer.Ordinal);
        var rows = ClaimsDiff.Compare(paperAudit, reviewerAudit, solo, monteCarloDriven, [.. reaches.Where(r => r.MonteCarlo).Select(r => r.Name)]);
        var headlines = ClaimsDiff.CompareHeadlines(paperHeadlines, ClaimsDiff.Headlines(overrides.Apply(paperData), reviewerUncertainty));
        return new ReviewerComparison(rows, headlines, reaches, FindingChange.Compare(findings, paperAudit, FindingValues.Compute(paperData), reviewerAudit, FindingValues.Compute(overrides.Apply(paperData))));
    }

    /// <summary>
    /// The SHA-256 of every file <c>tables/</c> gets for <paramref name="data"/> (the table exports and the uncertainty tables),
    /// written to a private temporary folder that is removed afterwards.
    /// </summary>
    private static IReadOnlyDictionary<string, string> TableHashes(PaperData data, UncertaintyResult uncertainty)
    {
        var parent = Path.Combine(Path.GetTempPath(), $"reprobundle-reach-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using var stage = new OutputStage(Path.Combine(parent, "out"));
            TableExports.Write(stage, data);
            UncertaintyAnalysis.Write(stage, uncertainty);
            return stage.WrittenFiles.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        }
        finally
        {
            if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
        }
    }

    /// <summary>The files whose hash differs between two runs, sorted.</summary>
    private static IReadOnlyList<string> ChangedFiles(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];

    /// <summary>The claims whose value or verdict differs between two audits of the same claims, in claims.csv order.</summary>
    private static IReadOnlyList<string> ChangedClaims(IReadOnlyList<AuditRow> a, IReadOnlyList<AuditRow> b) =>
        [.. a.Zip(b).Where(p => p.First.Verdict != p.Second.Verdict || !Equals(p.First.RecomputedValue, p.Second.RecomputedValue)).Select(p => p.First.ClaimId)];

    /// <summary>The headline numbers that differ between two runs (Monte Carlo shares aside: a single-override run keeps the paper's draws).</summary>
    private static IReadOnlyList<string> ChangedHeadlines(IReadOnlyList<(string Name, string Description, string Unit, double? Value)> a,
        IReadOnlyList<(string Name, string Description, string Unit, double? Value)> b) =>
        [.. a.Zip(b).Where(p => new HeadlineDiff(p.First.Name, "", "", p.First.Value, p.Second.Value).Changed).Select(p => p.First.Name)];

    /// <summary>Every provider of claim checks, in one list so <c>reproduce</c> and notebook 08 audit the same way.</summary>
    public static IReadOnlyList<IClaimCheckProvider> ClaimCheckProviders(PaperData data, BottleneckRegistry registry, UncertaintyResult uncertainty,
        FigureInputs figureInputs) =>
        [new CoreClaimChecks(data), new RegistryClaimChecks(registry), new UncertaintyClaimChecks(data, uncertainty), new FigureClaimChecks(figureInputs)];

    /// <summary>
    /// The same providers for a caller that has only the data (notebook 08): loads the registry and the figure
    /// inputs from the data folder and runs the default Monte Carlo (fixed seed, so the verdicts equal those of <c>reproduce</c>).
    /// </summary>
    public static IReadOnlyList<IClaimCheckProvider> ClaimCheckProviders(PaperData data) =>
        ClaimCheckProviders(data, BottleneckRegistry.Load(data.DataDirectory), UncertaintyAnalysis.Run(data, MonteCarloSettings.Default),
            FigureInputs.Load(data.DataDirectory));

    /// <summary>
    /// Writes <c>MANIFEST.json</c>: the SHA-256 of every data input and every output file, sorted by path,
    /// with no timestamps, so two runs on the same inputs write the same manifest. With a reviewer's assumptions file,
    /// an <c>assumptions</c> object records its file name, SHA-256 and the names it overrode. When a browser fault left PNGs
    /// undrawn, a <c>missing</c> object maps each of their paths to the reason. <c>png_sources</c> records what each PNG was drawn
    /// from (<see cref="PngSource"/>): the next run reuses a PNG whose source is unchanged.
    /// </summary>
    private static void WriteManifest(OutputStage stage, string dataDirectory, IEnumerable<string> dataFiles, AssumptionOverrides? overrides,
        IReadOnlyDictionary<string, string> missing, IReadOnlyDictionary<string, PngSource> pngSources)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("paper", "Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs, v0.3 (2026-04-22)");
            w.WriteString("generator", "ReproBundle.Cli reproduce");
            w.WriteStartObject("inputs");
            foreach (var file in dataFiles.Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteString($"data/{file}", InputFile.Sha256OfRead(Path.Combine(dataDirectory, file)));
            }
            w.WriteEndObject();
            if (overrides is not null)
            {
                w.WriteStartObject("assumptions");
                w.WriteString("file", Path.GetFileName(overrides.FilePath));
                w.WriteString("sha256", overrides.Sha256);
                w.WriteStartObject("overrides");
                foreach (var o in overrides.Items) w.WriteString(o.Name, o.Value.ToString());
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteStartObject("outputs");
            foreach (var (path, hash) in stage.WrittenFiles)
            {
                w.WriteString(path, hash);
            }
            w.WriteEndObject();
            if (pngSources.Count > 0) PngReuse.WriteManifestProperty(w, pngSources);
            NotebookReuse.WriteManifestProperty(w, stage);
            if (missing.Count > 0)
            {
                w.WriteStartObject("missing");
                foreach (var (path, reason) in missing.OrderBy(m => m.Key, StringComparer.Ordinal)) w.WriteString(path, reason);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        stage.WriteBytes("MANIFEST.json", [.. buffer.ToArray(), (byte)'\n']);
    }
}
