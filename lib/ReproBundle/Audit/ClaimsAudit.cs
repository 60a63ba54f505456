using System.Globalization;
using System.Text;
using ReproBundle.Output;

namespace ReproBundle.Audit;

/// <summary>
/// The claims audit (issue "Claims audit"): every claim of <c>data/claims.csv</c> recomputed through the
/// library and judged against the printed value with the paper's own rounding. Inputs are never adjusted.
/// </summary>
public static class ClaimsAudit
{
    /// <summary>The columns of <c>claims_audit.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns = ["claim_id", "section", "quote", "published", "recomputed", "verdict", "reason"];

    /// <summary>
    /// Audits every claim with the checks of <paramref name="providers"/>. A claim without a check, or a check
    /// without a claim, is a bundle bug and throws: the audit must cover exactly the listed claims.
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
            throw new Data.BundleInputException(unknown.Origin, $"column 'claim_id': unknown claim '{Data.AssumptionOverrides.Echo(unknown.ClaimId)}': no check of the bundle recomputes it");
        }
        var orphans = checks.Keys.Where(id => claims.All(c => c.ClaimId != id)).Order(StringComparer.Ordinal).ToList();
        if (orphans.Count > 0) throw new InvalidOperationException($"checks without a claim in claims.csv: {string.Join(", ", orphans)}");
        return claims.Select(c => Judge(c, checks[c.ClaimId]())).ToList();
    }

    /// <summary>Six significant figures, invariant culture: how the audit shows a recomputed number to a reader.</summary>
    public static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>An interval shown to six significant figures ("20-25", or "116.667").</summary>
    public static string Show(Interval value) => value.IsPoint ? Show(value.Lo) : $"{Show(value.Lo)}-{Show(value.Hi)}";

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b));

    /// <summary>Compares one recomputation with its claim and gives the verdict and its reason.</summary>
    public static AuditRow Judge(Claim claim, ClaimComputation result)
    {
        AuditRow Row(string recomputed, Verdict verdict, string reason) =>
            new(claim.ClaimId, claim.Section, claim.Quote, claim.PublishedText, recomputed, verdict, reason);

        if (result.Value is not { } v)
        {
            var why = claim.Explanation.Length > 0 ? $"{result.Detail}. {claim.Explanation}" : result.Detail;
            return Row("", Verdict.NotRecomputable, why);
        }
        var p = claim.Published;
        var unit = claim.Unit.Length > 0 ? " " + claim.Unit : "";
        var shown = claim.Rule == ClaimRule.Holds ? (v.Lo == 1 ? "holds" : "does not hold") : Show(v) + unit;
        var rounded = new Interval(claim.Rounding.Apply(v.Lo), claim.Rounding.Apply(v.Hi));
        string Fail(string gap) => $"{result.Detail}; {gap}" + (claim.Explanation.Length > 0 ? $". {claim.Explanation}" : "");
        string Pct(double delta, double of) => of == 0 ? "" : $" ({Show(100 * delta / Math.Abs(of))}%)";

        switch (claim.Rule)
        {
            case ClaimRule.Equal:
            {
                if (Close(v.Lo, p.Lo) && Close(v.Hi, p.Hi)) return Row(shown, Verdict.Reproduces, result.Detail);
                if (Close(rounded.Lo, p.Lo) && Close(rounded.Hi, p.Hi))
                    return Row(shown, Verdict.WithinRounding, $"{result.Detail}; {Show(v)} {claim.Rounding.Describe()} is {Show(p)}, as printed");
                var lo = Math.Abs(v.Lo - p.Lo);
                var hi = Math.Abs(v.Hi - p.Hi);
                var (delta, of) = lo >= hi ? (lo, p.Lo) : (hi, p.Hi);
                return Row(shown, Verdict.Differs, Fail($"differs from the printed {claim.PublishedText} by {Show(delta)}{unit}{Pct(delta, of)}"));
            }
            case ClaimRule.Contains:
            {
                if (p.Contains(v)) return Row(shown, Verdict.Reproduces, $"{result.Detail}; lies inside the printed range");
                if (p.Contains(rounded))
                    return Row(shown, Verdict.WithinRounding, $"{result.Detail}; {claim.Rounding.Describe()} it lies inside the printed range");
                var below = Math.Max(0, p.Lo - v.Lo);
                var above = Math.Max(0, v.Hi - p.Hi);
                var gap = below >= above
                    ? $"reaches {Show(below)}{unit} below the printed low end {Show(p.Lo)}{Pct(below, p.Lo)}"
                    : $"reaches {Show(above)}{unit} above the printed high end {Show(p.Hi)}{Pct(above, p.Hi)}";
                return Row(shown, Verdict.Differs, Fail(gap));
            }
            case ClaimRule.AtLeast:
            {
                if (v.Lo >= p.Hi) return Row(shown, Verdict.Reproduces, $"{result.Detail}; at least {Show(p.Hi)}{unit}");
                if (rounded.Lo >= p.Hi) return Row(shown, Verdict.WithinRounding, $"{result.Detail}; {claim.Rounding.Describe()} at least {Show(p.Hi)}{unit}");
                var gap = p.Hi - v.Lo;
                return Row(shown, Verdict.Differs, Fail($"falls {Show(gap)}{unit} short of {Show(p.Hi)}{unit}{Pct(gap, p.Hi)}"));
            }
            case ClaimRule.AtMost:
            {
                if (v.Hi <= p.Lo) return Row(shown, Verdict.Reproduces, $"{result.Detail}; at most {Show(p.Lo)}{unit}");
                if (rounded.Hi <= p.Lo) return Row(shown, Verdict.WithinRounding, $"{result.Detail}; {claim.Rounding.Describe()} at most {Show(p.Lo)}{unit}");
                var gap = v.Hi - p.Lo;
                return Row(shown, Verdict.Differs, Fail($"exceeds {Show(p.Lo)}{unit} by {Show(gap)}{unit}{Pct(gap, p.Lo)}"));
            }
            case ClaimRule.GreaterThan:
            {
                if (v.Lo > p.Hi) return Row(shown, Verdict.Reproduces, $"{result.Detail}; every value is above {Show(p.Hi)}{unit}");
                return Row(shown, Verdict.Differs, Fail($"the lowest value {Show(v.Lo)}{unit} is not above {Show(p.Hi)}{unit}"));
            }
            case ClaimRule.Holds:
                return v.Lo == 1 ? Row(shown, Verdict.Reproduces, result.Detail) : Row(shown, Verdict.Differs, Fail("the statement does not hold"));
            default:
                throw new ArgumentOutOfRangeException(nameof(claim), claim.Rule, "unknown rule");
        }
    }

    /// <summary>Writes <c>claims_audit.csv</c> and <c>claims_audit.md</c> (a summary count, then one table row per claim).</summary>
    public static void Write(OutputStage stage, IReadOnlyList<AuditRow> rows)
    {
        stage.WriteCsv("claims_audit.csv", Columns,
            rows.Select(r => (IReadOnlyList<object?>)[r.ClaimId, r.Section, r.Quote, r.Published, r.Recomputed, r.Verdict.ToText(), r.Reason]));
        stage.WriteText("claims_audit.md", ToMarkdown(rows));
    }

    /// <summary>The audit as a Markdown report: counts by verdict, then every claim.</summary>
    public static string ToMarkdown(IReadOnlyList<AuditRow> rows)
    {
        static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
        var sb = new StringBuilder();
        sb.Append("# Claims audit\n\n");
        sb.Append("Every numeric claim of \"Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs\" (v0.3) ");
        sb.Append("that the bundle lists in `data/claims.csv`, recomputed from `data/` through the library. Inputs are never tuned to make a claim pass.\n\n");
        sb.Append("| verdict | claims |\n|---|---|\n");
        foreach (var verdict in Enum.GetValues<Verdict>())
        {
            sb.Append($"| {verdict.ToText()} | {rows.Count(r => r.Verdict == verdict)} |\n");
        }
        sb.Append($"| total | {rows.Count} |\n\n");
        sb.Append("| claim | section | quote | published | recomputed | verdict | reason |\n|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            sb.Append($"| `{Cell(r.ClaimId)}` | {Cell(r.Section)} | {Cell(r.Quote)} | {Cell(r.Published)} | {Cell(r.Recomputed)} | {r.Verdict.ToText()} | {Cell(r.Reason)} |\n");
        }
        return sb.ToString();
    }
}
