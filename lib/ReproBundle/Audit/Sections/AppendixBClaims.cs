using ReproBundle.Data;
using ReproBundle.Exports;

namespace ReproBundle.Audit.Sections;

/// <summary>
/// The claim of Appendix B: the bibliography's entry count.
/// </summary>
internal sealed class AppendixBClaims(PaperData data) : SectionClaims(data)
{
    /// <inheritdoc />
    public override string Section => "Appendix B";

    /// <inheritdoc />
    protected override void Add(Dictionary<string, ClaimCheck> c)
    {
        // Appendix B: the bibliography.
        c["appb.references_count"] = () =>
        {
            var withTitle = BibReference.Load(Path.Combine(_d.DataDirectory, "references.bib")).Count(r => r["title"].Length > 0);
            return new(Interval.Point(withTitle), $"references.bib transcribes {S(_d.ReferenceKeys.Count)} cited works, of which {S(withTitle)} appear in " +
                $"the paper's printed reference list (the others are cited but not listed)");
        };
    }
}
