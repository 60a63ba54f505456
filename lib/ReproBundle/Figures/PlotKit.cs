using System.Globalization;
using System.Text;
using DynamicObj;
using Plotly.NET;

namespace ReproBundle.Figures;

/// <summary>
/// Small helpers shared by the figure functions: plotly.js attributes as <see cref="DynamicObj.DynamicObj"/> trees
/// (for the attributes Plotly.NET.CSharp has no parameter for: error bars, patterns, polar axes, hover text)
/// and number formatting in invariant culture.
/// </summary>
public static class PlotKit
{
    /// <summary>A plotly.js attribute object, properties in the given order (so the figure JSON is stable).</summary>
    public static DynamicObj.DynamicObj Obj(params (string Key, object? Value)[] properties)
    {
        var o = new DynamicObj.DynamicObj();
        foreach (var (key, value) in properties) o.SetProperty(key, value);
        return o;
    }

    /// <summary>A layout with the given top-level attributes.</summary>
    public static Layout Layout(params (string Key, object? Value)[] properties)
    {
        var layout = new Layout();
        foreach (var (key, value) in properties) layout.SetProperty(key, value);
        return layout;
    }

    /// <summary>Sets attributes on every trace of <paramref name="chart"/> and returns it.</summary>
    public static GenericChart WithTraceProperties(this GenericChart chart, params (string Key, object? Value)[] properties)
    {
        foreach (var trace in GenericChart.getTraces(chart))
        {
            foreach (var (key, value) in properties) trace.SetProperty(key, value);
        }
        return chart;
    }

    /// <summary>Replaces the layout of <paramref name="chart"/> (no default template: the JSON holds only what the bundle sets).</summary>
    public static GenericChart WithLayout(this GenericChart chart, Layout layout) => GenericChart.setLayout(layout, chart);

    /// <summary>Wraps text for hover labels at about <paramref name="width"/> characters, joining lines with &lt;br&gt;.</summary>
    public static string Wrap(string text, int width = 70)
    {
        var sb = new StringBuilder();
        var line = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line > 0 && line + 1 + word.Length > width)
            {
                sb.Append("<br>");
                line = 0;
            }
            else if (line > 0)
            {
                sb.Append(' ');
                line++;
            }
            sb.Append(word);
            line += word.Length;
        }
        return sb.ToString();
    }

    /// <summary>Escapes the characters plotly.js would read as markup in text labels (<see cref="Escaping.PlotlyText.Data"/>).</summary>
    public static string Escape(string text) => Escaping.PlotlyText.Data(text);

    /// <summary>The common font and margins of every bundle figure.</summary>
    public static DynamicObj.DynamicObj Font => Obj(("family", "Arial, Helvetica, sans-serif"), ("size", 13), ("color", "#222222"));

    /// <summary>A figure title with a smaller second line.</summary>
    public static DynamicObj.DynamicObj Title(string title, string subtitle) =>
        Obj(("text", $"<b>{title}</b><br><span style=\"font-size:12px\">{subtitle}</span>"), ("x", 0.01), ("xanchor", "left"), ("y", 0.97), ("yanchor", "top"));
}
