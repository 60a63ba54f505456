using System.Globalization;
using System.Text;
using ReproBundle.Audit;
using ReproBundle.Data;

namespace ReproBundle.Exports;

/// <summary>One step of Appendix C next to the value the paper prints for it.</summary>
/// <param name="Step">The step's name, as <c>agent_density.csv</c> names its column.</param>
/// <param name="Formula">The formula as Appendix C writes it.</param>
/// <param name="Recomputed">The value recomputed through the library, in full.</param>
/// <param name="Printed">The paper's printed claim for this step (data/claims.csv), or null where Appendix C prints none.</param>
public sealed record AppendixCStep(string Step, string Formula, double Recomputed, Claim? Printed)
{
    /// <summary>Decimals the paper prints the value with (from claims.csv's <c>published_value</c>); 0 without a printed value.</summary>
    public int PrintedDecimals => Printed?.PublishedValueText is { } t && t.IndexOf('.') is var i and >= 0 ? t.Length - i - 1 : 0;

    /// <summary>The recomputed value rounded as the paper prints it (half away from zero).</summary>
    public double AtPaperRounding => Math.Round(Recomputed, PrintedDecimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// True when the recomputed value matches the printed one: above it for a "&gt;" claim, equal for an exact one, else
    /// within half a unit of the last printed digit; null where nothing is printed.
    /// </summary>
    public bool? Agrees => Printed switch
    {
        null => null,
        { Rule: ClaimRule.GreaterThan } p => Recomputed > p.Published.Lo,
        { Rounding.Kind: "exact" } p => Recomputed == p.Published.Lo,
        var p => Math.Abs(Recomputed - p.Published.Lo) <= 0.5 * Math.Pow(10, -PrintedDecimals) * (1 + 1e-12),
    };
}

/// <summary>
/// Appendix C side by side (issue 14, item 3): each step of a worked example with the formula, the paper's printed value
/// (read from the appc.* claims of data/claims.csv, never typed again), the recomputed value at the paper's rounding and
/// in full, and whether they agree; and the two ratios of the worked examples.
/// </summary>
public static class AppendixCSideBySide
{
    /// <summary>The claims.csv id that prints a step of the <paramref name="platform"/> ("h100" or "asic") worked example, or null.</summary>
    public static string? PrintedClaimId(string platform, string step) => (platform, step) switch
    {
        ("asic", "capex_usd") => "appc.asic.c_midpoint",
        (_, "tok_s") => $"appc.{platform}.t_midpoint",
        (_, "streams_per_node") => $"appc.{platform}.streams_per_node",
        (_, "density_per_musd") => $"appc.{platform}.density",
        (_, "density_per_musd_at_utilization") => $"appc.{platform}.density_at_utilization",
        _ => null,
    };

    /// <summary>The steps of one worked example; <paramref name="platform"/> null for inputs with no printed example (the paper prints nothing to compare).</summary>
    public static IReadOnlyList<AppendixCStep> Steps(AgentDensitySteps s, string? platform, IReadOnlyList<Claim> claims)
    {
        Claim? P(string step) => platform is null || PrintedClaimId(platform, step) is not { } id ? null : claims.Single(c => c.ClaimId == id);
        var x = s.Inputs;
        return
        [
            new("capex_usd", "C", x.CapexUsd, P("capex_usd")),
            new("tok_s", "t", x.TokensPerSecond, P("tok_s")),
            new("hourly_capex_usd", "C / (L*365*24)", s.HourlyCapexUsd, null),
            new("cost_usd_per_mtok", "C / (L*365*24*3600*u*t) * 1e6", s.CostUsdPerMillionTokens, null),
            new("streams_per_node", "t / r", s.StreamsPerNode, P("streams_per_node")),
            new("density_per_musd", "(1e6 / C) * (t / r)", s.DensityPerMillionUsd, P("density_per_musd")),
            new("density_per_musd_at_utilization", "D * u", s.DensityPerMillionUsdAtUtilization, P("density_per_musd_at_utilization")),
        ];
    }

    /// <summary>
    /// The ratios of the two examples: D_ASIC / D_H100 against Appendix C's "50x", and with the ASIC's t halved (FP4 only 2x
    /// over FP8) against "&gt;10x".
    /// </summary>
    public static IReadOnlyList<AppendixCStep> Ratios(AgentDensitySteps h100, AgentDensitySteps asic, AgentDensitySteps asicFp4Pessimistic, IReadOnlyList<Claim> claims) =>
    [
        new("density_ratio", "D_ASIC*u / D_H100*u", AgentDensity.DensityRatio(asic.DensityPerMillionUsdAtUtilization, h100.DensityPerMillionUsdAtUtilization), claims.Single(c => c.ClaimId == "appc.density_ratio")),
        new("fp4_pessimistic_ratio", "D_ASIC*u (t halved) / D_H100*u", AgentDensity.DensityRatio(asicFp4Pessimistic.DensityPerMillionUsdAtUtilization, h100.DensityPerMillionUsdAtUtilization),
            claims.Single(c => c.ClaimId == "appc.fp4_pessimistic_ratio")),
    ];

    /// <summary>The steps as aligned text: step, formula, printed, recomputed at the paper's rounding, in full, agreement.</summary>
    public static string ToText(string title, IReadOnlyList<AppendixCStep> steps)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append(title).Append('\n');
        sb.Append($"  {"step",-34} {"formula",-32} {"printed",-10} {"rounded",-10} {"full",-20} agrees\n");
        foreach (var s in steps)
        {
            var printed = s.Printed is { } p ? (p.PublishedText.Length <= 10 ? p.PublishedText : p.PublishedValueText ?? p.PublishedText) : "-";
            var rounded = s.Printed is null ? "-" : s.AtPaperRounding.ToString("F" + s.PrintedDecimals, CultureInfo.InvariantCulture);
            var agrees = s.Agrees switch { true => "yes", false => "NO", null => "-" };
            sb.Append($"  {s.Step,-34} {s.Formula,-32} {printed,-10} {rounded,-10} {F(s.Recomputed),-20} {agrees}\n");
        }
        return sb.ToString();
    }
}
