namespace ReproBundle.Audit;

/// <summary>The four verdicts of the claims audit (issue "Claims audit").</summary>
public enum Verdict
{
    /// <summary>The recomputed value equals the printed one (or lies inside a printed range).</summary>
    Reproduces,

    /// <summary>Equal once the recomputed value is rounded the way the paper rounds; the reason names the rounding.</summary>
    WithinRounding,

    /// <summary>The recomputed value differs beyond the paper's rounding; the reason gives the size and the cause.</summary>
    Differs,

    /// <summary>The paper does not give what a recomputation needs; the reason says what is missing.</summary>
    NotRecomputable,
}

/// <summary>Text forms of <see cref="Verdict"/> as they appear in <c>claims_audit.csv</c>.</summary>
public static class VerdictText
{
    /// <summary>"reproduces", "within-rounding", "differs" or "not-recomputable".</summary>
    public static string ToText(this Verdict v) => v switch
    {
        Verdict.Reproduces => "reproduces",
        Verdict.WithinRounding => "within-rounding",
        Verdict.Differs => "differs",
        Verdict.NotRecomputable => "not-recomputable",
        _ => throw new ArgumentOutOfRangeException(nameof(v)),
    };
}

/// <summary>One line of the claims audit: a claim of the paper, what the bundle recomputed, and the verdict.</summary>
/// <param name="ClaimId">Stable id from <c>data/claims.csv</c>, e.g. <c>appc.h100.density_at_utilization</c>.</param>
/// <param name="Section">Where the claim is printed (§, table or appendix).</param>
/// <param name="Quote">The claim as printed, short.</param>
/// <param name="Published">The printed value as text (a number or a range).</param>
/// <param name="Recomputed">The bundle's value as text, or empty when not recomputable.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Why: which rounding, how big the difference and its cause, or what is missing.</param>
public sealed record AuditRow(string ClaimId, string Section, string Quote, string Published, string Recomputed, Verdict Verdict, string Reason);
