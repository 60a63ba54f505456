using System.Text.RegularExpressions;
using ReproBundle.Audit;
using Xunit;
using ReproBundle.Data;

namespace ReproBundle.Tests.Audit;

/// <summary>
/// Quotes as printed (docs/verdict-policy.md): every part of a claim's quote and of a finding's printed sentence between
/// "…" elisions occurs verbatim in the paper's text (data/paper/paper-v0.3.txt; whitespace runs compared as one space, so a
/// table row's tabs match), and an approximate marker the paper writes before a printed value is kept in the published text.
/// </summary>
public class QuotesTests
{
    private static readonly Lazy<string> PaperText = new(() =>
        Normalize(File.ReadAllText(Path.Combine(TestPaths.DataDir, "paper", "paper-v0.3.txt"))));

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ");

    private static IEnumerable<string> Parts(string quote) =>
        quote.Split('…', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Normalize);

    private static IReadOnlyList<Claim> Claims => Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv"));

    [Fact]
    public void The_papers_text_is_in_the_repository()
    {
        // The copy the tests read; its provenance and SHA-256 are in data/README.md.
        Assert.Contains("Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs", PaperText.Value);
        Assert.Contains("**Version:** v0.3 (2026-04-22)", PaperText.Value);
    }

    [Fact]
    public void Every_claims_quote_occurs_verbatim_in_the_paper()
    {
        var missing = Claims.SelectMany(c => Parts(c.Quote).Where(p => !PaperText.Value.Contains(p, StringComparison.Ordinal)).Select(p => $"{c.ClaimId}: '{p}'")).ToList();
        Assert.True(missing.Count == 0, "not in the paper: " + string.Join("; ", missing));
    }

    [Fact]
    public void Every_findings_printed_sentence_occurs_verbatim_in_the_paper()
    {
        var findings = Findings.Load(Path.Combine(TestPaths.DataDir, "findings.csv"));
        var missing = findings.SelectMany(f => Parts(f.PrintedTemplate).Where(p => !PaperText.Value.Contains(p, StringComparison.Ordinal)).Select(p => $"{f.FindingId}: '{p}'")).ToList();
        Assert.True(missing.Count == 0, "not in the paper: " + string.Join("; ", missing));
    }

    [Fact]
    public void A_quote_that_is_not_in_the_paper_is_caught()
    {
        // The published text of s2_1.groq_sram_holds_70b before this rule: assembled by the bundle, not printed.
        Assert.DoesNotContain(Normalize("Table 1 runs Llama-70B \"BF16 unless noted\" on ~568-576 chips"), PaperText.Value);
    }

    [Fact]
    public void An_approximate_marker_before_the_printed_value_is_kept_in_the_published_text()
    {
        var unmarked = new List<string>();
        foreach (var c in Claims)
        {
            var number = Regex.Match(c.PublishedText, @"\d[\d,.]*");
            if (!number.Success) continue;
            var marker = new Regex(@"(~|≈|\\approx\s*(\*\*)?|roughly\s|about\s|est\.\s)\s*\\?\$?" + Regex.Escape(number.Value));
            if (marker.IsMatch(c.Quote) && !VerdictPolicy.IsApproximate(c.PublishedText)) unmarked.Add(c.ClaimId);
        }
        Assert.Empty(unmarked);
        // §2.1 prints "~230 MB" and §1 "~140 GB": the weights to hold are approximate, so the 10% band applies.
        var groq = Claims.Single(c => c.ClaimId == "s2_1.groq_sram_holds_70b");
        Assert.StartsWith("~140 GB", groq.PublishedText);
    }
}
