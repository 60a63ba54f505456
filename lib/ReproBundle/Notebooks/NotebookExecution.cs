using System.Diagnostics;
using ReproBundle.Data;
using ReproBundle.Output;

namespace ReproBundle.Notebooks;

/// <summary>
/// <c>reproduce --notebooks</c>: builds the library the notebooks load, runs every notebook headless, and
/// writes each executed notebook, scrubbed of volatile metadata, to <c>notebooks/NAME.ipynb</c> in the output.
/// </summary>
public static class NotebookExecution
{
    /// <summary>
    /// How the notebooks are run: the notebook paths, the data folder and the reviewer's assumptions file (or null) in,
    /// the runs out, in the same order.
    /// By default one pinned dotnet-repl process per notebook (<see cref="NotebookRunner.RunAllAsync"/>, two at a
    /// time); the CLI replaces it with its in-process Microsoft.DotNet.Interactive.CSharp runner, which is faster
    /// (notebooks/README.md has the measurement) and keeps the kernel packages out of this library.
    /// </summary>
    public static Func<IReadOnlyList<string>, string?, string?, Task<IReadOnlyList<NotebookRun>>> Runner { get; set; } =
        (notebooks, data, assumptions) => NotebookRunner.RunAllAsync(notebooks, data, assumptions);

    /// <summary>
    /// The stage the notebooks are running for, while they run (null otherwise): a cell that ends the process ends it
    /// before the run can clean up, so the runner's exit guard disposes this stage (removing its staging folder).
    /// </summary>
    public static OutputStage? RunningStage { get; private set; }

    /// <summary>The library project the notebooks reference, relative to the repository root.</summary>
    public const string LibraryProject = "lib/ReproBundle/ReproBundle.csproj";

    /// <summary>
    /// Runs every notebook of <paramref name="notebooksDirectory"/> against <paramref name="dataDirectory"/> (with the
    /// reviewer's <paramref name="assumptionsFile"/> applied, when given), stages the executed copies, and returns them
    /// (file name, scrubbed JSON as staged) for the site. A failing cell throws <see cref="BundleInputException"/> naming
    /// the notebook and the cell, before anything is moved into place.
    /// </summary>
    public static IReadOnlyList<(string Name, string Json)> WriteExecuted(OutputStage stage, string notebooksDirectory, string dataDirectory, string? assumptionsFile, TextWriter log)
    {
        if (!Directory.Exists(notebooksDirectory)) throw new BundleInputException(notebooksDirectory, "notebooks folder not found");
        var root = NotebookBundle.FindRepositoryRoot(notebooksDirectory)
            ?? throw new BundleInputException(notebooksDirectory, "not inside the bundle (no ReproBundle.sln above it)");
        EnsureLibraryBuilt(root);
        var all = NotebookRunner.FindNotebooks(notebooksDirectory);
        // A notebook whose file, setup scripts, data, assumptions and library build are unchanged is not run again (NotebookReuse.cs).
        var keys = NotebookReuse.KeysOf(all, notebooksDirectory, dataDirectory, assumptionsFile, root);
        var reused = all.ToDictionary(n => n, n => NotebookReuse.Reusable(stage.OutputRoot, $"notebooks/{Path.GetFileName(n)}", keys[n]), StringComparer.Ordinal);
        var notebooks = all.Where(n => reused[n] is null).ToList();
        IReadOnlyList<NotebookRun> runs = [];
        RunningStage = stage;
        try
        {
            if (notebooks.Count > 0) runs = Runner(notebooks, dataDirectory, assumptionsFile).GetAwaiter().GetResult();
        }
        finally
        {
            RunningStage = null;
        }
        var failures = runs.SelectMany(r => r.Failures).ToList();
        if (failures.Count > 0)
        {
            foreach (var f in failures) log.WriteLine($"notebook failure: {f}");
            var first = runs.First(r => r.Failures.Count > 0);
            var problem = first.Failures[0];
            if (problem.StartsWith(first.Name + " ", StringComparison.Ordinal)) problem = problem[(first.Name.Length + 1)..];
            throw new BundleInputException(Path.Combine(notebooksDirectory, first.Name), problem.Replace('\n', ' '));
        }
        var executed = new List<(string, string)>();
        var ran = runs.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var notebook in all)
        {
            var name = Path.GetFileName(notebook);
            string json;
            if (reused[notebook] is { } previous)
            {
                json = previous;
                log.WriteLine($"notebook {name}: reused (notebook, setup, data, assumptions and library build unchanged)");
            }
            else
            {
                var run = ran[name];
                json = NotebookScrubber.Scrub(run.ExecutedJson);
                log.WriteLine($"notebook {name}: ran in {run.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s");
            }
            stage.WriteText($"notebooks/{name}", json);
            NotebookReuse.Record(stage, $"notebooks/{name}", keys[notebook]);
            executed.Add((name, json));
        }
        return executed;
    }

    /// <summary>
    /// <c>dotnet build -c Release</c> of the library before the notebooks run, so no notebook's setup cell has
    /// to build it: its output would then differ from a run that did not build, and two notebooks running side
    /// by side would build the same project at once. A no-op build when the library is up to date. A failed build
    /// throws <see cref="NotebookBuildException"/> with the first compiler error.
    /// </summary>
    public static void EnsureLibraryBuilt(string repositoryRoot)
    {
        // The library does not reference the notebooks' display project (the product never depends on it), so both are
        // built: the library first (its error names it), then the display project, which every notebook loads.
        foreach (var project in new[] { LibraryProject, DisplayProject })
        {
            if (project == DisplayProject && !File.Exists(Path.Combine(repositoryRoot, project))) continue;
            Build(repositoryRoot, project);
        }
    }

    /// <summary>The notebooks' display project (formatters, twins), relative to the repository root.</summary>
    public const string DisplayProject = "lib/ReproBundle.Display/ReproBundle.Display.csproj";

    private static void Build(string repositoryRoot, string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", project, "-c", "Release", "--nologo", "-v", "quiet" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = (stdout.Result + "\n" + stderr.Result).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            var firstError = log.FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal)) ?? log.LastOrDefault() ?? "no output";
            throw new NotebookBuildException(
                $"building {project} for the notebooks failed (dotnet build exited with {process.ExitCode}); first error: {firstError}; " +
                $"run `dotnet build {project} -c Release` in {repositoryRoot} for the full log");
        }
    }
}

/// <summary>
/// The library the notebooks load did not build (<see cref="NotebookExecution.EnsureLibraryBuilt"/>): a fault of the
/// bundle's own sources, never of the reader's input, so the CLI reports it as an internal error (exit 1), not as bad input.
/// </summary>
/// <param name="message">One line: the project, dotnet build's exit code and its first error.</param>
public sealed class NotebookBuildException(string message) : Exception(message);
