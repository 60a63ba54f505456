using System.Text;

namespace ReproBundle;

/// <summary>
/// Appendix C's derivation of agent density (§4.2) as a reader follows it, one step a line with its formula: what the
/// <c>density</c> command prints and notebook 04 shows. Text only; the steps are computed by <see cref="AgentDensity"/>.
/// </summary>
public static class AgentDensityDerivation
{
    /// <summary>The five steps of <paramref name="s"/>, each with its formula and its value in full (round-trip digits).</summary>
    public static string Text(AgentDensitySteps s)
    {
        string F(double v) => Interval.Format(v);
        var x = s.Inputs;
        var sb = new StringBuilder();
        sb.Append($"Appendix C agent density for C = {F(x.CapexUsd)} USD, L = {F(x.LifetimeYears)} yr, u = {F(x.Utilization)}, t = {F(x.TokensPerSecond)} tok/s, r = {F(x.StreamTokensPerSecond)} tok/s\n");
        sb.Append($"  hourly amortized CapEx      C / (L*365*24)                 = {F(s.HourlyCapexUsd)} USD/hour\n");
        sb.Append($"  cost per million tokens     C / (L*365*24*3600*u*t) * 1e6  = {F(s.CostUsdPerMillionTokens)} USD/M tokens\n");
        sb.Append($"  streams per node            t / r                          = {F(s.StreamsPerNode)}\n");
        sb.Append($"  streams per $1M CapEx (D)   (1e6 / C) * (t / r)            = {F(s.DensityPerMillionUsd)}\n");
        sb.Append($"  adjusted for utilization    D * u                          = {F(s.DensityPerMillionUsdAtUtilization)}\n");
        return sb.ToString();
    }
}
