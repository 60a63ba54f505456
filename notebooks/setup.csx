// Shared setup, step 2 of 2: loaded by the second code cell of every notebook (a test checks the cell is
// the same everywhere). It references the model, the loader and the notebooks' display (lib/ReproBundle.Display)
// and the third-party packages the notebooks use, registers how numbers, ranges, Deedle frames and Plotly.NET
// charts are shown, and loads data/ once. It does not reference lib/ReproBundle (figures, audit, registry,
// Monte Carlo, site, browser): notebooks 05-08, which show those, load it in a cell of their own
// (setup-library.csx); notebooks 01-04 never load it (a test checks).
//
// The packages come from the display project's own build output, which restored them at exactly the versions of
// Directory.Packages.props (a test checks the two agree), rather than from NuGet references: a NuGet
// reference makes the kernel run a NuGet restore on every start, about ten seconds here, which would make
// each notebook take three to four times as long as an empty one. The paths are relative to this file.
#r "../lib/ReproBundle.Display/bin/Release/net10.0/ReproBundle.Model.dll"
#r "../lib/ReproBundle.Display/bin/Release/net10.0/ReproBundle.Data.dll"
#r "../lib/ReproBundle.Display/bin/Release/net10.0/ReproBundle.Display.dll"
#r "../lib/ReproBundle.Display/bin/Release/net10.0/Deedle.dll"
#r "../lib/ReproBundle.Display/bin/Release/net10.0/Plotly.NET.dll"
#r "../lib/ReproBundle.Display/bin/Release/net10.0/Plotly.NET.CSharp.dll"
using System;
using System.IO;
using System.Linq;
using Microsoft.DotNet.Interactive.Formatting;

// Numbers and ranges ("lo-hi") by the bundle's one formatter for texts, Quantity.Text (three significant figures,
// whole digits kept, invariant culture), through ReproBundle.Notebooks.NotebookDisplay (tested without a kernel). Full precision is always one `.ToString("R")` away.
foreach (var mime in new[] { "text/html", "text/plain" })
{
    Formatter.Register<double>(d => ReproBundle.Notebooks.NotebookDisplay.FormatNumber(d), mime);
    Formatter.Register<ReproBundle.Interval>(i => ReproBundle.Notebooks.NotebookDisplay.FormatInterval(i), mime);
}

// Deedle frames as plain HTML tables. No Deedle formatter package is served here, and the kernel's default
// shows a frame's internals (indices, vectors) rather than its rows.
Formatter.Register(typeof(Deedle.Frame<,>), (object frame, TextWriter writer) =>
    writer.Write(ReproBundle.Notebooks.NotebookDisplay.FrameToHtml(frame)), "text/html");

// Plotly.NET charts inline, as Plotly.NET.Interactive would show them, but with ids that do not change from
// run to run (Plotly.NET draws a fresh GUID per chart), so executed copies are reproducible.
var chartSequence = 0;
Formatter.Register<Plotly.NET.GenericChart>(chart =>
    ReproBundle.Notebooks.NotebookDisplay.StableChartHtml(Plotly.NET.GenericChart.toChartHTML(chart), ++chartSequence), "text/html");

// The paper's inputs, Table 1 and Table 2, read once from the data root (data/ unless REPROBUNDLE_DATA says otherwise),
// with a reviewer's assumptions applied when REPROBUNDLE_ASSUMPTIONS names a file (setup-build.csx): the loader's
// AssumptionOverrides, so a bad name or value stops here with the file and line, as `reproduce --assumptions` does.
var data = ReproBundle.Data.PaperData.Load(DataRoot);
if (AssumptionsFile is not null)
{
    var assumptions = ReproBundle.Data.AssumptionOverrides.Load(AssumptionsFile, data);
    data = assumptions.Apply(data);
    Console.WriteLine($"Reviewer's assumptions from {Path.GetFileName(AssumptionsFile)} replace the paper's inputs: " +
        string.Join(", ", assumptions.Items.Select(o => $"{o.Name} = {ReproBundle.Quantity.Text(o.Value)} (line {o.Line}{(o.Given is null ? "" : $", set by {o.Given}")})")));
}
