using ReproBundle.Data;
using ReproBundle.Figures;

using Xunit;

namespace ReproBundle.Tests.Figures;

public class FigureInputsTests
{
    private static BundleInputException LoadWith(string file, Func<string, string> edit)
    {
        var data = FigureTestData.CopyOfData();
        var path = Path.Combine(data, "figures", file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        return Assert.Throws<BundleInputException>(() => FigureInputs.Load(data));
    }

    [Fact]
    public void A_maturity_score_above_two_points_is_reported_with_file_and_line()
    {
        var e = LoadWith("software_maturity_scores.csv", t => t.Replace("h100,frameworks,2,", "h100,frameworks,3,"));
        Assert.Matches(@"software_maturity_scores\.csv:3$", e.Location);
        Assert.Contains("0-2", e.Problem);
    }

    [Fact]
    public void An_assumption_without_bundle_assumption_or_a_paper_locator_is_refused()
    {
        var e = LoadWith("radar_assumptions.csv", t => t.Replace("b200,decode_batch64,1200-3600,tok/s aggregate,bundle-assumption", "b200,decode_batch64,1200-3600,tok/s aggregate,my guess"));
        Assert.Matches(@"radar_assumptions\.csv:3$", e.Location);
        Assert.Contains("neither bundle-assumption nor a paper locator", e.Problem);
    }

    [Fact]
    public void A_platform_missing_a_rubric_criterion_is_refused()
    {
        var e = LoadWith("software_maturity_scores.csv", t => string.Join('\n', t.Split('\n').Where(l => !l.StartsWith("groq,tooling", StringComparison.Ordinal))));
        Assert.Contains("'groq' has no score on: tooling", e.Problem);
    }

    [Fact]
    public void Maturity_score_is_the_sum_of_the_rubric_points()
    {
        var inputs = FigureTestData.Inputs;
        Assert.Equal(10, inputs.MaturityMaximum);
        Assert.Equal(Interval.Point(10), inputs.MaturityScoreOf("h100"));
        var groq = inputs.Scores.Where(s => s.PlatformId == "groq").ToList();
        Assert.Equal(inputs.Rubric.Count, groq.Count);
        Assert.Equal(groq.Sum(s => s.Points.Lo), inputs.MaturityScoreOf("groq").Lo);
        Assert.Equal(groq.Sum(s => s.Points.Hi), inputs.MaturityScoreOf("groq").Hi);
    }
}
