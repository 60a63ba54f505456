using ReproBundle.Audit;
using ReproBundle.Uncertainty;
using Xunit;
using static ReproBundle.Tests.Uncertainty.UncertaintyTestSupport;
using ReproBundle.Data;

namespace ReproBundle.Tests.Uncertainty;

/// <summary>
/// The default Monte Carlo run's claim checks and charts. (Its three tables, uncertainty.csv, break_even.csv and
/// uncertainty_tornado.csv, are locked by the committed output/tables/, which OutputIsCurrentTests compares with a fresh run.)
/// </summary>
public class UncertaintySnapshotTests
{
    private static readonly Lazy<UncertaintyResult> Default = new(() =>
        UncertaintyAnalysis.Run(LoadData(), MonteCarloSettings.Default with { Threads = 2 }));

    [Fact]
    public void The_uncertainty_claim_checks_cover_exactly_the_section_10_uncertainty_rows_of_claims_csv()
    {
        var claims = Claim.Load(Path.Combine(DataDirectory, "claims.csv"));
        var data = LoadData();
        var checks = new UncertaintyClaimChecks(data, Default.Value);
        var lines = File.ReadAllLines(Path.Combine(DataDirectory, "claims.csv"));
        int section = Array.FindIndex(lines, l => l.StartsWith("# Section 10: uncertainty", StringComparison.Ordinal));
        var ids = lines.Skip(section + 1).TakeWhile(l => !l.StartsWith("# Section", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(',')[0]).ToHashSet();

        Assert.True(section > 0);
        Assert.Equal(ids.Order(), checks.Checks.Keys.Order());
        var core = new CoreClaimChecks(data);
        var covered = claims.Where(c => core.Checks.ContainsKey(c.ClaimId) || checks.Checks.ContainsKey(c.ClaimId)).ToList();
        var audit = ClaimsAudit.Run(covered, [core, checks]);
        Assert.Equal(covered.Count, audit.Count);
    }

    [Fact]
    public void The_Monte_Carlo_reads_O2_as_nearly_always_above_10x_and_the_halved_t_case_as_mostly()
    {
        var paper = Default.Value.Scenario("paper_ranges");
        var halved = Default.Value.Scenario("asic_t_halved");

        Assert.InRange(paper.ProbabilityDensityRatioAbove10x, 0.999, 1);
        Assert.InRange(halved.ProbabilityDensityRatioAbove10x, 0.9, 0.995);
        // Halving t_ASIC halves every ratio draw (same seed, same other inputs).
        Assert.Equal(paper.DensityRatio.P50 / 2, halved.DensityRatio.P50, 1e-9 * paper.DensityRatio.P50);
    }

    [Fact]
    public void The_charts_are_built_for_the_figures_pipeline()
    {
        var charts = UncertaintyCharts.All(Default.Value);

        Assert.Equal(["uncertainty_density_ratio", "uncertainty_tornado", "break_even_volume"], charts.Select(c => c.Name));
        var json = Plotly.NET.GenericChart.toChartHTML(charts[0].Chart);
        Assert.Contains("10x", json);
    }
}
