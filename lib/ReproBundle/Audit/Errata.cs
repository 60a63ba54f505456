using System.Text;
using ReproBundle.Output;

namespace ReproBundle.Audit;

/// <summary>
/// The errata (<c>errata.md</c>, <c>errata.csv</c>): for each finding, the sentence as the paper prints it, the sentence its
/// next version could print with every number formatted from the model under the run's inputs, and the claims it settles.
/// </summary>
public static class Errata
{
    /// <summary>The columns of <c>errata.csv</c>.</summary>
    public static readonly IReadOnlyList<string> Columns = ["finding_id", "title", "materiality", "as_printed", "corrected", "settles_claims",
        "differing_claims"];

    /// <summary>One erratum: a finding's printed sentence and its correction, formatted from this run's values.</summary>
    /// <param name="FindingId">The finding.</param>
    /// <param name="Title">Its title.</param>
    /// <param name="Materiality">Its computed materiality under this run's inputs.</param>
    /// <param name="AsPrinted">The sentence as printed (… marks an elision).</param>
    /// <param name="Corrected">The corrected sentence, its numbers formatted from the model.</param>
    /// <param name="Settles">The claims the correction settles (the finding's claims).</param>
    /// <param name="Differing">Those of them that differ under this run's inputs.</param>
    public sealed record Erratum(string FindingId, string Title, Materiality Materiality, string AsPrinted, string Corrected,
        IReadOnlyList<string> Settles, IReadOnlyList<string> Differing);

    /// <summary>The errata of every finding, in the order of <c>findings.csv</c>.</summary>
    public static IReadOnlyList<Erratum> From(IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values) =>
        [.. findings.Select(f => new Erratum(f.FindingId, f.Title, Findings.MaterialityOf(f, rows, values), f.PrintedTemplate,
            Findings.Fill(f, f.CorrectedTemplate, rows, values), f.ClaimIds,
            [.. rows.Where(r => r.FindingId == f.FindingId).Select(r => r.ClaimId)]))];

    /// <summary>Writes <c>errata.csv</c> and <c>errata.md</c>.</summary>
    public static void Write(OutputStage stage, IReadOnlyList<AuditRow> rows, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, Interval> values)
    {
        var errata = From(rows, findings, values);
        stage.WriteCsv("errata.csv", Columns, errata.Select(e => (IReadOnlyList<object?>)[e.FindingId, e.Title, e.Materiality.ToText(), e.AsPrinted,
            e.Corrected,
            string.Join(' ', e.Settles), string.Join(' ', e.Differing)]));
        stage.WriteText("errata.md", ToMarkdown(errata));
    }

    /// <summary>The errata as Markdown: one section per finding, the printed sentence quoted, then the correction.</summary>
    public static string ToMarkdown(IReadOnlyList<Erratum> errata)
    {
        var sb = new StringBuilder("# Errata\n\n");
        sb.Append("For each finding of the claims audit (`claims_audit.md`): the sentence as the paper prints it (… marks an elision), the sentence ");
        sb.Append("its next version could print, every number formatted from the bundle's model under this run's inputs, and the claims it settles.\n\n");
        foreach (var e in errata)
        {
            sb.Append($"## {Escaping.MarkdownText.Inline(e.FindingId)} {Escaping.MarkdownText.Inline(e.Title)}\n\n");
            sb.Append($"Materiality under these inputs: {e.Materiality.ToText()}.\n\n");
            sb.Append($"As printed:\n\n> {Escaping.MarkdownText.Inline(e.AsPrinted)}\n\nCorrected:\n\n> {Escaping.MarkdownText.Inline(e.Corrected)}\n\n");
            sb.Append($"Settles: {string.Join(", ", e.Settles.Select(Escaping.MarkdownText.CodeCell))}");
            sb.Append(e.Differing.Count > 0 ? $" (differing under these inputs: {string.Join(", ", e.Differing.Select(Escaping.MarkdownText.CodeCell))}).\n\n" : ".\n\n");
        }
        return sb.ToString();
    }
}
