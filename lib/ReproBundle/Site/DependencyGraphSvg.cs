using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using ReproBundle.Registry;

namespace ReproBundle.Site;

/// <summary>
/// The registry's dependency graph (§7 dashboards) as inline SVG: one named node per entry (linked to its page), one arrow
/// per edge A depends on B, on the bundle's layered layout (<see cref="DependencyGraph.Layout"/>). Built as a render tree
/// rather than a .razor template because SVG's <c>&lt;text&gt;</c> element is a keyword in Razor; every value is encoded.
/// </summary>
public sealed class DependencyGraphSvg : ComponentBase
{
    private const string ArrowMarker =
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#666\"/></marker></defs>\n";

    /// <summary>The linted registry.</summary>
    [Parameter, EditorRequired] public BottleneckRegistry Registry { get; set; } = null!;

    /// <inheritdoc/>
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var nodes = DependencyGraph.Layout(Registry).ToDictionary(n => n.Id, StringComparer.Ordinal);
        if (nodes.Count == 0)
        {
            builder.AddMarkupContent(0, "<p>The registry is empty.</p>\n");
            return;
        }
        const double dx = 220, dy = 34, pad = 40;
        var minY = nodes.Values.Min(n => n.Y);
        double X(GraphNode n) => pad + n.X * dx;
        double Y(GraphNode n) => pad + (n.Y - minY) * dy;
        var width = pad * 2 + nodes.Values.Max(n => n.X) * dx + 220;
        var height = pad * 2 + (nodes.Values.Max(n => n.Y) - minY) * dy;
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        builder.OpenElement(1, "svg");
        builder.AddAttribute(2, "class", "graph");
        builder.AddAttribute(3, "xmlns", "http://www.w3.org/2000/svg");
        builder.AddAttribute(4, "width", F(width));
        builder.AddAttribute(5, "height", F(height));
        builder.AddAttribute(6, "viewBox", $"0 0 {F(width)} {F(height)}");
        builder.AddAttribute(7, "role", "img");
        builder.AddAttribute(8, "aria-label", "Dependency graph of the registry");
        builder.AddContent(9, "\n");
        builder.AddMarkupContent(10, ArrowMarker);
        foreach (var (from, to) in DependencyGraph.Edges(Registry))
        {
            var a = nodes[from];
            var b = nodes[to];
            builder.OpenElement(11, "line");
            builder.AddAttribute(12, "x1", F(X(a) - 8));
            builder.AddAttribute(13, "y1", F(Y(a)));
            builder.AddAttribute(14, "x2", F(X(b) + 8));
            builder.AddAttribute(15, "y2", F(Y(b)));
            builder.AddAttribute(16, "stroke", "#666");
            builder.AddAttribute(17, "stroke-width", "1.4");
            builder.AddAttribute(18, "marker-end", "url(#arrow)");
            builder.OpenElement(19, "title");
            builder.AddContent(20, $"{from} depends on {to}");
            builder.CloseElement();
            builder.CloseElement();
            builder.AddContent(21, "\n");
        }
        foreach (var e in Registry.Entries)
        {
            var n = nodes[e.Id];
            builder.OpenElement(22, "a");
            builder.AddAttribute(23, "href", $"entries/{e.Slug}.html");
            builder.OpenElement(24, "circle");
            builder.AddAttribute(25, "cx", F(X(n)));
            builder.AddAttribute(26, "cy", F(Y(n)));
            builder.AddAttribute(27, "r", "7");
            builder.AddAttribute(28, "class", $"group-{e.Group.ToText()}");
            builder.OpenElement(29, "title");
            builder.AddContent(30, $"{e.Id}: {e.Name}");
            builder.CloseElement();
            builder.CloseElement();
            builder.OpenElement(31, "text");
            builder.AddAttribute(32, "x", F(X(n) + 12));
            builder.AddAttribute(33, "y", F(Y(n) + 4));
            builder.AddContent(34, $"{e.Id} {(e.Name.Length > 24 ? e.Name[..23] + "\u2026" : e.Name)}");
            builder.CloseElement();
            builder.CloseElement();
            builder.AddContent(35, "\n");
        }
        builder.CloseElement();
        builder.AddMarkupContent(36, "\n<p class=\"legend\"><span class=\"swatch group-algorithmic\"></span> algorithmic <span class=\"swatch group-coordination-or-engineering\"></span> coordination-or-engineering <span class=\"swatch group-heavy-capital\"></span> heavy-capital</p>\n");
    }
}
