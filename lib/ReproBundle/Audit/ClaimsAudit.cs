using System.Globalization;
using System.Text;
using ReproBundle.Output;
using ReproBundle.Data;

namespace ReproBundle.Audit;

/// <summary>
/// The claims audit (issue "Claims audit"): every claim of <c>data/claims.csv</c> recomputed through the
/// library and judged against the printed value with the paper's own rounding. Inputs are never adjusted.
/// </summary>
public static class ClaimsAudit
{
    /// <summary>The columns of <c>claims_audit.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns = ["claim_id", "section", "quote", "published", "recomputed", "verdict", "reason",
        "published_lo", "published_hi", "recomputed_lo", "recomputed_hi", "unit", "difference_lo", "difference_hi", "relative_difference",
        "reading", "readings_tried", "finding_id", "sentence_id", "sentence_verdict", "reading_basis"];

    /// <summary>
    /// Audits every claim with the checks of <paramref name="providers"/>. A claim without a check, or a check
    /// without a claim, is an edited claims.csv (bad input, exit 2): the audit must cover exactly the listed claims.
    /// </summary>
    public static IReadOnlyList<AuditRow> Run(IReadOnlyList<Claim> claims, IEnumerable<IClaimCheckProvider> providers)
    {
        var checks = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            foreach (var (id, check) in provider.Checks)
            {
                if (!checks.TryAdd(id, check)) throw new InvalidOperationException($"two providers check claim '{id}'");
            }
        }
        // A claim id no check knows is a row a person added to claims.csv: bad input at that row, not a bundle bug.
        if (claims.FirstOrDefault(c => !checks.ContainsKey(c.ClaimId)) is { } unknown)
        {
            throw new Data.BundleInputException(unknown.Origin, $"column 'claim_id': unknown claim '{Data.AssumptionOverrides.Echo(unknown.ClaimId)}': " +
                $"no check of the bundle recomputes it; add one to {CoreClaimChecks.FileFor(unknown.ClaimId)} (docs/verdict-policy.md, Adding a claim)");
        }
        var orphans = checks.Keys.Where(id => claims.All(c => c.ClaimId != id)).Order(StringComparer.Ordinal).ToList();
        // A check whose row is gone is a row a person deleted from claims.csv: bad input naming the file and the claims.
        if (orphans.Count > 0)
        {
            var file = claims.Count > 0 ? claims[0].Origin[..claims[0].Origin.LastIndexOf(':')] : "claims.csv";
            throw new Data.BundleInputException(file, $"lacks the row of claim(s) the bundle checks: {Data.AssumptionOverrides.Echo(string.Join(", ", orphans.Select(o => $"{o} ({CoreClaimChecks.FileFor(o)})")))} (restore them from the repository)");
        }
        return BySentence(claims.Select(c => Judge(c, checks[c.ClaimId]())).ToList());
    }

    /// <summary>
    /// Sets every row's <see cref="AuditRow.SentenceVerdict"/>: the verdict of its sentence, combined from the verdicts of
    /// every claim on it (<see cref="VerdictPolicy.Combine"/>), so two rows on one sentence never carry two verdicts.
    /// </summary>
    public static IReadOnlyList<AuditRow> BySentence(IReadOnlyList<AuditRow> rows)
    {
        var combined = rows.GroupBy(r => r.SentenceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => VerdictPolicy.Combine(g.Select(r => r.Verdict)), StringComparer.Ordinal);
        return rows.Select(r => r with { SentenceVerdict = combined[r.SentenceId] }).ToList();
    }

    /// <summary>One row per sentence, in the order sentences first appear: its id, its verdict and its parts.</summary>
    public static IReadOnlyList<(string SentenceId, Verdict Verdict, IReadOnlyList<AuditRow> Parts)> Sentences(IReadOnlyList<AuditRow> rows) =>
        rows.GroupBy(r => r.SentenceId, StringComparer.Ordinal)
            .Select(g => (g.Key, VerdictPolicy.Combine(g.Select(r => r.Verdict)), (IReadOnlyList<AuditRow>)g.ToList())).ToList();

    /// <summary>Verdict counts per sentence, every verdict listed: "41 reproduces, 10 within-rounding, …".</summary>
    public static string SentenceCounts(IReadOnlyList<AuditRow> rows)
    {
        var sentences = Sentences(rows);
        return string.Join(", ", Enum.GetValues<Verdict>().Select(v => $"{sentences.Count(s => s.Verdict == v)} {v.ToText()}"));
    }

    /// <summary>
    /// Judges one claim under the verdict policy (docs/verdict-policy.md): every reading is compared with the
    /// printed value, the verdict is taken on the reading the claim declares (or its only one), and the others are shown.
    /// </summary>
    public static AuditRow Judge(Claim claim, ClaimComputation result)
    {
        AuditRow Row(string recomputed, Verdict verdict, string reason) =>
            new(claim.ClaimId, claim.Section, claim.Quote, claim.PublishedText, recomputed, verdict, reason)
            {
                PublishedValue = claim.Published,
                Unit = claim.Unit,
                SentenceId = claim.SentenceId,
                SentenceVerdict = verdict,
                ReadingBasis = claim.ReadingBasis,
            };
        string WithExplanation(string reason) => claim.Explanation.Length > 0 ? $"{reason}. {claim.Explanation}" : reason;

        if (result.Value is null) return Row("", Verdict.NotRecomputable, WithExplanation(result.Detail));

        var outcomes = result.Readings.Select(r => VerdictPolicy.Judge(claim, r)).ToList();
        var chosen = VerdictPolicy.Choose(claim, outcomes);
        string Shown(Interval v) => claim.Rule == ClaimRule.Holds ? (v.Lo == 1 ? "holds" : "does not hold") : claim.WithUnit(Quantity.Text(v));
        var tried = outcomes.Select(o => $"{o.Reading.Name}: {Shown(o.Reading.Value)} ({o.Verdict.ToText()}{(o.Eligible ? "" : ", not taken")})").ToList();
        var others = outcomes.Where(o => o != chosen).Select(o => $"{o.Reading.Name}: {o.Reading.Detail}; {o.Why}" + (o.Eligible ? "" : " (not taken: it " +
            "reads a shared quantity differently from the rest of the audit)")).ToList();
        var reason = outcomes.Count > 1
            ? $"{chosen.Reading.Name} (the reading the audit takes: {claim.ReadingBasis}): {chosen.Reading.Detail}; {chosen.Why}"
            : $"{chosen.Reading.Detail}; {chosen.Why}";
        if (others.Count > 0) reason += ". Other readings: " + string.Join(". ", others);
        var verdict = chosen.Verdict;
        if (result.BundleAssumption.Length > 0)
        {
            reason = $"Rests on {result.BundleAssumption}, which the paper does not give, so this is not a verdict on the paper; the bundle's own result " +
                $"({chosen.Verdict.ToText()}): {reason}";
            verdict = Verdict.NotRecomputable;
        }
        if (verdict != Verdict.Reproduces) reason = WithExplanation(reason);
        return Row(Shown(chosen.Reading.Value), verdict, reason) with
        {
            RecomputedValue = chosen.Reading.Value,
            Reading = chosen.Reading.Name,
            ReadingsTried = tried,
            Assumes = verdict is Verdict.Differs or Verdict.NotRecomputable ? [] : chosen.Reading.Assumes,
            ReadingValues = outcomes.ToDictionary(o => o.Reading.Name, o => o.Reading.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Writes <c>claims_audit.csv</c>, <c>claims_audit.md</c> and, given findings, <c>findings.csv</c>, <c>errata.csv</c> and <c>errata.md</c>. The CSV
    /// carries the
    /// printed and recomputed ends as numbers next to the text columns, so a reader needs no parsing. A non-empty
    /// <paramref name="banner"/> (Markdown: the reviewer's overrides) heads claims_audit.md.
    /// </summary>
    public static void Write(OutputStage stage, IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding>? findings = null, IReadOnlyDictionary<string,
        Interval>? values = null,
        string banner = "")
    {
        values ??= new Dictionary<string, Interval>();
        stage.WriteCsv("claims_audit.csv", Columns, rows.Select(r => (IReadOnlyList<object?>)[r.ClaimId, r.Section, r.Quote, r.Published, r.Recomputed,
            r.Verdict.ToText(), r.Reason,
            r.PublishedValue?.Lo, r.PublishedValue?.Hi, r.RecomputedValue?.Lo, r.RecomputedValue?.Hi, r.Unit,
            Difference(r.RecomputedValue?.Lo, r.PublishedValue?.Lo), Difference(r.RecomputedValue?.Hi, r.PublishedValue?.Hi), RelativeDifference(r),
            r.Reading, string.Join("; ", r.ReadingsTried), r.FindingId, r.SentenceId, r.SentenceVerdict.ToText(), r.ReadingBasis]));
        if (findings is not null)
        {
            Findings.Write(stage, rows, findings, values);
            Errata.Write(stage, rows, findings, values);
        }
        stage.WriteText("claims_audit.md", ToMarkdown(rows, findings, values, banner));
    }

    private static double? Difference(double? recomputed, double? published) => recomputed is { } r && published is { } p ? r - p : null;

    /// <summary>The largest |recomputed - printed| over the two ends, relative to the printed end (null when either is missing or the printed end is
    /// 0).</summary>
    public static double? RelativeDifference(AuditRow r)
    {
        if (r.RecomputedValue is not { } v || r.PublishedValue is not { } p) return null;
        double Rel(double a, double b) => b == 0 ? double.NaN : Math.Abs(a - b) / Math.Abs(b);
        var worst = Math.Max(Rel(v.Lo, p.Lo), Rel(v.Hi, p.Hi));
        return double.IsNaN(worst) ? null : worst;
    }

    /// <summary>Where the verdict policy is written down, relative to the repository root.</summary>
    public const string PolicyPage = "docs/verdict-policy.md";

    /// <summary>The audit as a Markdown report: the reviewer's banner if any, the policy link, the findings, counts by verdict, then every claim.</summary>
    public static string ToMarkdown(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding>? findings = null, IReadOnlyDictionary<string, Interval>? values = null,
        string banner = "")
    {
        static string Cell(string s) => Escaping.MarkdownText.Cell(s);
        var sb = new StringBuilder();
        sb.Append("# Claims audit\n\n");
        sb.Append(banner);
        sb.Append("Every numeric claim of \"Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs\" (v0.3) ");
        sb.Append($"that the bundle lists in `data/claims.csv`, recomputed from `data/`{(banner.Length > 0 ? " with the reviewer's overrides above" : "")} through the library. Inputs are never tuned to make a claim pass. ");
        sb.Append($"Verdicts follow the written policy in [`{PolicyPage}`](../{PolicyPage}): tolerance from the printed digits (wider for values printed " +
            $"as approximate), ");
        sb.Append("every natural reading shown and the verdict taken on the one each claim declares in advance, `consistent` where the printed value lies " +
            "within what the stated inputs allow and that envelope is narrow enough to have failed, one verdict per sentence, ");
        sb.Append("and `not-recomputable` where the inputs allow too much, or a result would rest on the bundle's own assumption. ");
        sb.Append("The errata (`errata.md`) give, for each finding, the sentence as printed and the sentence the next version could print.\n\n");
        if (findings is not null)
        {
            sb.Append("## Findings\n\nEach claim that differs belongs to one finding, its root cause; materiality, computed under these inputs from the " +
                "conclusions each finding names, says whether it changes a conclusion of the paper; `errata.md` gives each finding's correction.\n\n");
            sb.Append(Findings.ToMarkdown(rows, findings, values ?? new Dictionary<string, Interval>()));
            sb.Append('\n');
        }
        var sentences = Sentences(rows);
        sb.Append("## Verdicts\n\nOne verdict per sentence of the paper (a sentence with several numbers is judged on all its parts: it differs if one " +
            "differs); ");
        sb.Append("each claim below is one part, with its own verdict.\n\n| verdict | sentences | claims (parts) |\n|---|---|---|\n");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            sb.Append($"| {verdict.ToText()} | {sentences.Count(s => s.Verdict == verdict)} | {rows.Count(r => r.Verdict == verdict)} |\n");
        }
        sb.Append($"| total | {sentences.Count} | {rows.Count} |\n\n");
        sb.Append("| sentence | verdict | claim | section | quote | published | recomputed | part verdict | finding | reason " +
            "|\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var (sentenceId, sentenceVerdict, parts) in sentences)
        {
            foreach (var r in parts)
            {
                var head = r == parts[0] ? $"`{Cell(sentenceId)}` | {sentenceVerdict.ToText()}" : " | ";
                sb.Append($"| {head} | `{Cell(r.ClaimId)}` | {Cell(r.Section)} | {Cell(r.Quote)} | {Cell(r.Published)} | {Cell(r.Recomputed)} | " +
                    $"{r.Verdict.ToText()} | {Cell(r.FindingId)} | {Cell(r.Reason)} |\n");
            }
        }
        return sb.ToString();
    }
}
