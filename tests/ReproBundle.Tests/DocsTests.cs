using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ReproBundle.Tests;

/// <summary>
/// The README stays on one screen and every relative link of the README and of docs/ leads somewhere
/// (docs/contributing.md, "Change the docs").
/// </summary>
public partial class DocsTests
{
    [Fact]
    public void README_is_at_most_8_KB()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.RepoRoot, "README.md")).Length;
        Assert.True(bytes <= 8 * 1024, $"README.md is {bytes} bytes, more than 8192: move the detail to docs/ (docs/contributing.md, \"Change the docs\")");
    }

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(TestPaths.RepoRoot, file).Replace('\\', '/'));
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_heading(string page)
    {
        var path = Path.Combine(TestPaths.RepoRoot, page);
        var broken = new List<string>();
        foreach (var target in Links(File.ReadAllText(path)))
        {
            if (Regex.IsMatch(target, "^[a-zA-Z][a-zA-Z0-9+.-]*:")) continue; // http:, https:, mailto:
            var hash = target.IndexOf('#');
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(resolved) && !Directory.Exists(resolved)) { broken.Add($"{target}: no such file"); continue; }
            if (anchor is not null && (!resolved.EndsWith(".md", StringComparison.Ordinal) || !Anchors(File.ReadAllText(resolved)).Contains(anchor)))
            {
                broken.Add($"{target}: no heading with that anchor");
            }
        }
        Assert.True(broken.Count == 0, $"{page}: broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_link_check_finds_links_and_anchors_as_GitHub_renders_them()
    {
        // hand-written: GitHub lower-cases a heading, drops punctuation but hyphens and underscores, and joins words with '-'
        Assert.Equal(["docs/cli.md", "#exit-codes"], Links("See [cli](docs/cli.md) and [codes](#exit-codes).\n```\n[not](a-link.md)\n```\n"));
        Assert.Contains("reproduce---assumptions-a-reviewers-own-values", Anchors("## `reproduce --assumptions`: a reviewer's own values\n"));
        Assert.Contains("adding-a-notebook-05-06-07", Anchors("## Adding a notebook (05, 06, 07)\n"));
        Assert.Contains("claimscsv", Anchors("## claims.csv\n"));
    }

    /// <summary>The targets of inline Markdown links outside fenced code blocks.</summary>
    private static List<string> Links(string markdown)
    {
        var targets = new List<string>();
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence) continue;
            foreach (Match m in InlineLink().Matches(line)) targets.Add(m.Groups[1].Value);
        }
        return targets;
    }

    /// <summary>The anchors GitHub gives the headings of <paramref name="markdown"/>.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inFence = !inFence; continue; }
            if (inFence || !line.StartsWith('#')) continue;
            var text = line.TrimStart('#').Trim().ToLowerInvariant();
            var slug = new StringBuilder();
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            }
            anchors.Add(slug.ToString());
        }
        return anchors;
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex InlineLink();
}
