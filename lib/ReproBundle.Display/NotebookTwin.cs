using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Deedle;
using Microsoft.FSharp.Core;
using Plotly.NET;
using ReproBundle.Charts;
using ReproBundle.Data;

namespace ReproBundle.Notebooks;

/// <summary>
/// What a notebook's file-based twin (<c>notebooks/NN-name.cs</c>, run with <c>dotnet run NN-name.cs</c> from
/// <c>notebooks/</c>) calls instead of the kernel: the shared setup (bundle root, data root, invariant culture)
/// and <see cref="Show"/>, which prints a cell's result as text the way the notebook's formatters show it
/// (numbers and ranges by <see cref="NotebookDisplay"/>, Deedle frames as text tables) and writes a chart as an
/// HTML file, printing its path. The twins are generated from the notebooks (<c>notebooks twins</c>).
/// </summary>
public static class NotebookTwin
{
    private static string notebook = "notebook";
    private static string chartDirectory = "";
    private static int chartSequence;

    /// <summary>The bundle's root folder (the folder above the working directory that holds <c>ReproBundle.sln</c>), with '/' separators.</summary>
    public static string BundleRoot { get; private set; } = "";

    /// <summary>The one data root, as in the notebooks: <c>data/</c>, or the <c>REPROBUNDLE_DATA</c> environment variable.</summary>
    public static string DataRoot { get; private set; } = "";

    /// <summary>
    /// A reviewer's assumptions file, as in the notebooks: the <c>REPROBUNDLE_ASSUMPTIONS</c> environment variable
    /// (a full path, '/' separators), or null.
    /// </summary>
    public static string? AssumptionsFile { get; private set; }

    /// <summary>
    /// What the notebooks' setup loads as <c>data</c>: <see cref="DataRoot"/> read by the loader, with
    /// <see cref="AssumptionsFile"/> applied through <see cref="ReproBundle.Data.AssumptionOverrides"/> when set (the
    /// loader's file:line errors, as <c>reproduce --assumptions</c> gives them). Call <see cref="Setup"/> first.
    /// </summary>
    public static ReproBundle.Data.PaperData LoadData()
    {
        var data = ReproBundle.Data.PaperData.Load(DataRoot);
        if (AssumptionsFile is null) return data;
        var assumptions = ReproBundle.Data.AssumptionOverrides.Load(AssumptionsFile, data);
        Console.WriteLine($"Reviewer's assumptions from {Path.GetFileName(AssumptionsFile)} replace the paper's inputs: " +
            string.Join(", ", assumptions.Items.Select(o => $"{o.Name} = {Quantity.Text(o.Value)} (line {o.Line}{(o.Given is null ? "" : $", set by {o.Given}")})")));
        return assumptions.Apply(data);
    }

    /// <summary>
    /// The twin's replacement for the notebooks' two setup cells: invariant culture, the bundle and data roots, the
    /// reviewer's assumptions file, and the folder charts are written to (<c>output/twins/NAME/</c> under the bundle root).
    /// Throws when the working directory is not inside the bundle.
    /// </summary>
    public static void Setup(string notebookName)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var root = NotebookBundle.FindRepositoryRoot(Directory.GetCurrentDirectory())
            ?? throw new InvalidOperationException($"{Directory.GetCurrentDirectory()} is not inside the bundle: run the twin from notebooks/ (dotnet run {notebookName}.cs)");
        BundleRoot = root.Replace('\\', '/');
        DataRoot = (Environment.GetEnvironmentVariable(NotebookBundle.DataRootVariable) ?? $"{BundleRoot}/data").Replace('\\', '/');
        AssumptionsFile = Environment.GetEnvironmentVariable(NotebookBundle.AssumptionsVariable) is { Length: > 0 } assumptions
            ? Path.GetFullPath(assumptions).Replace('\\', '/')
            : null;
        notebook = notebookName;
        chartDirectory = Path.Combine(BundleRoot, "output", "twins", notebookName);
    }

    private static string step = "";

    /// <summary>Names the step (the notebook's heading) the following cell's printed values belong to.</summary>
    public static void Step(string name) => step = name;

    /// <summary>
    /// A cell's result as the notebook shows it, printed as text with its step's name and its unit (issue 25): one line
    /// "step: value unit" for a single value, else "step [unit]:" and the value's lines. <paramref name="cellId"/> only names
    /// a chart's file.
    /// </summary>
    public static void Show(object? value, string unit, string cellId)
    {
        var text = ToText(value, cellId);
        if (!text.Contains('\n') && text.Length > 0 && value is not GenericChart) Console.WriteLine($"{step}: {text}{(unit.Length > 0 ? " " + unit : "")}");
        else Console.WriteLine($"{step}{(unit.Length > 0 ? $" [{unit}]" : "")}:\n{text}");
    }

    /// <summary>What <c>display(value)</c> shows in the notebook, printed as text under its step's name.</summary>
    public static void display(object? value, [CallerLineNumber] int line = 0) // lower case: the kernel's name, so a cell reads the same in its twin
    {
        Console.WriteLine($"{step}:\n{ToText(value, $"line-{line}")}");
    }

    /// <summary>
    /// The text of a value: numbers and ranges formatted as in the notebooks, a Deedle frame as a table with one
    /// "| a | b |" line per row, a Plotly.NET chart written to <c>output/twins/NAME/CELL.html</c> (its path
    /// returned), an anonymous object one "Name: value" line per property, a sequence one line per item.
    /// </summary>
    public static string ToText(object? value, string cellId)
    {
        switch (value)
        {
            case null: return "";
            case string s: return s;
            case GenericChart chart: return WriteChart(chart, cellId);
        }
        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Frame<,>))
        {
            var method = typeof(NotebookTwin).GetMethod(nameof(FrameToText), BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(type.GetGenericArguments());
            return (string)method.Invoke(null, [value])!;
        }
        if (value is double or float or decimal or Interval or IFormattable) return NotebookDisplay.FormatCell(value);
        if (type.Name.Contains("AnonymousType", StringComparison.Ordinal))
        {
            return string.Join("\n", type.GetProperties().Select(p => $"{p.Name}: {Inline(p.GetValue(value))}"));
        }
        if (value is IEnumerable items) return string.Join("\n", items.Cast<object?>().Select(Inline));
        return value.ToString() ?? "";
    }

    /// <summary>A Deedle frame as text: a header line of column keys, then one "| row | a | b |" line per row, cells by <see cref="NotebookDisplay.FormatCell"/>.</summary>
    public static string FrameToText<TRowKey, TColumnKey>(Frame<TRowKey, TColumnKey> frame)
        where TRowKey : notnull where TColumnKey : notnull
    {
        var text = new StringBuilder();
        text.Append("|  | ").AppendJoin(" | ", frame.ColumnKeys.Select(c => NotebookDisplay.FormatCell(c))).Append(" |\n");
        var columns = frame.ColumnKeys.Select(c => frame.GetColumn<object>(c)).ToList();
        foreach (var row in frame.RowKeys)
        {
            text.Append("| ").Append(NotebookDisplay.FormatCell(row));
            foreach (var column in columns)
            {
                var cell = column.TryGet(row);
                text.Append(" | ").Append(cell.HasValue ? NotebookDisplay.FormatCell(cell.Value) : "");
            }
            text.Append(" |\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string Inline(object? value) => value switch
    {
        null => "",
        string s => s,
        double or float or decimal or Interval or IFormattable => NotebookDisplay.FormatCell(value),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Inline)),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Writes the chart as an offline page, as the bundle's figure pages are: plotly.js is loaded from
    /// <see cref="OfflineChartPage.PlotlyJsFileName"/> in the same folder (written there once, from the copy Plotly.NET embeds), the data, layout and config escaped (<see cref="OfflineChartPage.EscapeEmbeddedJson"/>), nothing
    /// from the network, and Plotly.NET's random GUIDs are replaced by <see cref="NotebookDisplay.StableChartHtml"/>, so a
    /// rerun writes the same bytes.
    /// </summary>
    private static string WriteChart(GenericChart chart, string cellId)
    {
        Directory.CreateDirectory(chartDirectory);
        var path = Path.Combine(chartDirectory, $"{cellId}.html");
        var plotlyJs = Path.Combine(chartDirectory, OfflineChartPage.PlotlyJsFileName);
        if (!File.Exists(plotlyJs)) File.WriteAllText(plotlyJs, OfflineChartPage.PlotlyJs(), new UTF8Encoding(false));
        var options = DisplayOptions.init(
            DocumentTitle: FSharpOption<string>.Some($"{notebook}, cell {cellId}"), DocumentCharset: FSharpOption<string>.Some("UTF-8"),
            DocumentDescription: null, DocumentFavicon: null, AdditionalHeadTags: null, ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NewCDN(OfflineChartPage.PlotlyJsFileName)));
        var html = GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(options, chart)).Replace("\r\n", "\n");
        // Text from data/ stays inside the render script, as on the bundle's figure pages.
        html = OfflineChartPage.EscapeEmbeddedJson(html, $"{notebook}, cell {cellId}");
        File.WriteAllText(path, NotebookDisplay.StableChartHtml(html, ++chartSequence), new UTF8Encoding(false));
        return $"chart of {notebook} ({step.Replace(':', ',')}): {path.Replace('\\', '/')}";
    }
}
