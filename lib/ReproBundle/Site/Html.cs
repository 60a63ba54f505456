using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReproBundle.Site;

/// <summary>
/// The site's helpers for turning data into markup, beside the templates' own encoding (the standard <see cref="System.Text.Encodings.Web.HtmlEncoder"/>):
/// <see cref="SafeHref"/> admits only safe link targets, and <see cref="Markdown"/> renders Markdown with raw HTML disabled. Registry entries
/// come from pull requests by strangers: whatever they contain is shown as text, never run.
/// </summary>
public static class Html
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>
    /// True for a link target the site may emit: http(s), mailto, a fragment, or a relative path without a
    /// scheme. Rejects javascript:, data:, vbscript:, file: and anything else with a scheme, also when
    /// disguised with case, whitespace or control characters.
    /// </summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':');
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative
        var scheme = compact[..colon];
        return scheme is "http" or "https" or "mailto";
    }

    /// <summary>An integer as the site prints it (invariant culture).</summary>
    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as the site prints it, <c>yyyy-MM-dd</c>.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The URL itself when it is safe (<see cref="IsSafeUrl"/>), else <c>#</c>; unescaped, for a template's attribute (which encodes it).</summary>
    public static string SafeHref(string? url) => IsSafeUrl(url) ? url! : "#";

    /// <summary>
    /// Renders Markdown to HTML with raw HTML disabled (shown as text), unsafe link targets replaced by
    /// <c>#</c>, and images turned into plain links (the site loads nothing from the network).
    /// </summary>
    public static string Markdown(string markdown)
    {
        var doc = Markdig.Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in doc.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url)) link.Url = "#";
            link.IsImage = false;
        }
        foreach (var auto in doc.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(auto.Url)) auto.Url = "#";
        }
        // Headings inside an entry body start at h2 under the page's h1.
        foreach (var heading in doc.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(doc);
        writer.Flush();
        return writer.ToString().Replace("\r\n", "\n");
    }
}
