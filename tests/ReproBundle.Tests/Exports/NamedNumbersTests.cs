using ReproBundle.Data;
using ReproBundle.Exports;
using Xunit;

namespace ReproBundle.Tests.Exports;

/// <summary><c>numbers.json</c> and <c>numbers.tex</c>: the paper's headline numbers as named values (issue 22, item 8).</summary>
public class NamedNumbersTests
{
    private static IReadOnlyDictionary<string, NamedNumber> ByName(PaperData data) => NamedNumbers.Compute(data).ToDictionary(n => n.Name);

    [Theory]
    // Appendix C by hand: (1e6 / 30000) x (25 / 5) = 166.67, x 0.7 = 116.67; (1e6 / 12000) x (500 / 5) = 8333.3, x 0.8 = 6666.7;
    // 6666.7 / 116.67 = 57.14; with t_ASIC halved 3333.3 / 116.67 = 28.57.
    [InlineData("DensityHOneHundred", "167")]
    [InlineData("DensityHOneHundredAtUtilization", "117")]
    [InlineData("DensityAsic", "8333")]
    [InlineData("DensityAsicAtUtilization", "6667")]
    [InlineData("DensityRatioWorkedExamples", "57.1")]
    [InlineData("DensityRatioFpFourPessimistic", "28.6")]
    // §4.2 ranges x the $10 M of the Interpretation: 60-150 x 10 = 600-1500, 3000-12000 x 10 = 30000-120000.
    [InlineData("DeploymentStreamsHOneHundred", "600-1500")]
    [InlineData("DeploymentStreamsAsic", "30000-120000")]
    // §1: 70e9 x 2 bytes = 140 GB; 3.35e12 / 140e9 = 23.93 tok/s; $3 / (30 x 3600) x 1e6 = $27.78.
    [InlineData("WeightFootprintSectionOneGb", "140")]
    [InlineData("DecodeBoundSectionOneTokPerS", "23.9")]
    [InlineData("CloudCostSectionOneUsdPerMTok", "27.8")]
    // §4.3: N = NRE / (2 C): $40 M / (2 x $20 K) = 1000 to $80 M / (2 x $8 K) = 5000.
    [InlineData("NreNodesForThreeX", "1000-5000")]
    public void Each_headline_number_is_the_hand_calculation(string name, string text) =>
        Assert.Equal(text, ByName(Paper.Data)[name].Text);

    [Fact]
    public void Every_name_is_a_LaTeX_macro_name_and_appears_once()
    {
        var numbers = NamedNumbers.Compute(Paper.Data);
        Assert.All(numbers, n => Assert.True(NamedNumbers.IsMacroName(n.Name), n.Name));
        Assert.Equal(numbers.Count, numbers.Select(n => n.Name).Distinct().Count());
        Assert.False(NamedNumbers.IsMacroName("DensityH100"));
    }

    [Fact]
    public void The_tex_file_defines_one_macro_per_number_with_ranges_as_en_dashes()
    {
        var tex = NamedNumbers.ToTex(NamedNumbers.Compute(Paper.Data), "data/ as committed");
        Assert.Contains("\\newcommand{\\DensityRatioWorkedExamples}{57.1}\n", tex);
        Assert.Contains("\\newcommand{\\DeploymentStreamsHOneHundred}{600--1500}\n", tex);
        Assert.Equal(NamedNumbers.Compute(Paper.Data).Count, tex.Split('\n').Count(l => l.StartsWith("\\newcommand{", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_reviewers_input_moves_the_named_number()
    {
        // t_H100 = 50: (1e6 / 30000) x (50 / 5) x 0.7 = 233.3; 6666.7 / 233.3 = 28.57.
        var data = Paper.Data.WithInputs(new Dictionary<string, InputValue>(StringComparer.Ordinal)
        {
            ["appc.h100.tok_s"] = Paper.Data.Input("appc.h100.tok_s") with { Value = Interval.Point(50) },
        });
        Assert.Equal("28.6", ByName(data)["DensityRatioWorkedExamples"].Text);
        Assert.Contains("\"inputs\": \"reviewer\"", NamedNumbers.ToJson(NamedNumbers.Compute(data), "reviewer"));
    }
}
