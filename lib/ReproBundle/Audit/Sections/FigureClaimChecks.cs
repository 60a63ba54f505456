using ReproBundle.Figures;

namespace ReproBundle.Audit;

/// <summary>
/// The claim of §5 about Fig. 1 (the provider of §5's figure claim; the other §5 claims are in Section5Claims.cs): "dedicated silicon lags on axis 6
/// (software maturity) by 3-6 points". The paper
/// publishes no scores, so the check uses the bundle's rubric (<c>data/figures/software_maturity_*.csv</c>), and says so.
/// </summary>
public sealed class FigureClaimChecks : IClaimCheckProvider
{
    /// <summary>The claim id in <c>data/claims.csv</c>.</summary>
    public const string SoftwareMaturityGap = "s5.software_maturity_gap";

    /// <summary>The dedicated silicon the claim is about: the shipping platforms that lead on axes 1-4 (§2.3: "verifiable: Groq, Cerebras").</summary>
    public static readonly IReadOnlyList<string> DedicatedSilicon = ["groq", "cerebras"];

    /// <summary>Creates the check over loaded figure inputs.</summary>
    public FigureClaimChecks(FigureInputs inputs)
    {
        Checks = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal)
        {
            [SoftwareMaturityGap] = () =>
            {
                var h100 = inputs.MaturityScoreOf("h100");
                var gaps = DedicatedSilicon.Select(id => (id, gap: h100 - inputs.MaturityScoreOf(id))).ToList();
                var hull = gaps.Select(g => g.gap).Aggregate(Interval.Hull);
                var asic = h100 - inputs.MaturityScoreOf("custom_asic");
                var each = string.Join(", ", gaps.Select(g => $"{g.id} {Quantity.Text(inputs.MaturityScoreOf(g.id))} (gap {Quantity.Text(g.gap)})"));
                return new ClaimComputation(hull,
                    $"H100 {Quantity.Text(h100)} of the rubric's 0-10; {each}; the projected ASIC would lag by {Quantity.Text(asic)}")
                {
                    BundleAssumption = "the bundle's software-maturity rubric and scores (data/figures/software_maturity_scores.csv)",
                };
            },
        };
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ClaimCheck> Checks { get; }
}
