using ReproBundle.Audit;
using ReproBundle.Review;

namespace ReproBundle.Site;

/// <summary>
/// With <c>reproduce --assumptions</c>, what the site's "Your assumptions" page (<c>site/your-assumptions.html</c>) and the
/// short banner of every page show (issue 25, item 2): the reviewer's names with their fan-out and reach, the headline
/// numbers paper against reviewer, the flipped verdicts with what drove them, and the findings whose materiality changed.
/// </summary>
/// <param name="FileName">The assumptions file's name (no folder).</param>
/// <param name="Reaches">Each name of the file with what it sets and reaches, in file order.</param>
/// <param name="Rows">Every claim with both runs, flipped verdicts first (<see cref="ClaimsDiff.Compare"/>).</param>
/// <param name="Headlines">The headline numbers of both runs.</param>
/// <param name="Findings">Every finding with its materiality in both runs.</param>
public sealed record SiteReview(string FileName, IReadOnlyList<OverrideReach> Reaches, IReadOnlyList<ClaimDiffRow> Rows,
    IReadOnlyList<HeadlineDiff> Headlines, IReadOnlyList<FindingChange> Findings)
{
    /// <summary>The page's path under <c>site/</c>.</summary>
    public const string PagePath = "your-assumptions.html";

    /// <summary>The headline density ratio of Appendix C's worked examples, paper and reviewer.</summary>
    public HeadlineDiff DensityRatio => Headlines.Single(h => h.Name == "appc.density_ratio");
}
