using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Documents;
using ReproBundle.Data;
using ReproBundle.Notebooks;

namespace ReproBundle.Cli;

/// <summary>
/// Runs notebooks inside this process with Microsoft.DotNet.Interactive.CSharp (a <see cref="CompositeKernel"/>
/// holding one <see cref="CSharpKernel"/>, a fresh one per notebook) instead of one dotnet-repl process per
/// notebook: Roslyn warms up once for all of them (measured in notebooks/README.md). Each notebook is read
/// with Microsoft.DotNet.Interactive.Documents, its code cells are submitted in order, and the kernel's events
/// become the executed notebook's outputs, written back through Documents with the cell ids kept.
/// The working directory (the notebooks' relative paths), <see cref="NotebookBundle.DataRootVariable"/> and
/// <see cref="NotebookBundle.AssumptionsVariable"/> are process-wide, so runs take a lock and restore all three afterwards.
/// </summary>
internal static class InProcessNotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>
    /// Runs <paramref name="notebookPaths"/> one after the other, against <paramref name="dataDirectory"/> (null: the
    /// bundle's data/) with <paramref name="assumptionsFile"/> applied (null: none), and returns the runs in that order.
    /// </summary>
    public static async Task<IReadOnlyList<NotebookRun>> RunAllAsync(IReadOnlyList<string> notebookPaths, string? dataDirectory, string? assumptionsFile)
    {
        await OneAtATime.WaitAsync();
        var workingDirectory = Directory.GetCurrentDirectory();
        var dataRoot = Environment.GetEnvironmentVariable(NotebookBundle.DataRootVariable);
        var assumptions = Environment.GetEnvironmentVariable(NotebookBundle.AssumptionsVariable);
        try
        {
            if (dataDirectory is not null) Environment.SetEnvironmentVariable(NotebookBundle.DataRootVariable, Path.GetFullPath(dataDirectory));
            Environment.SetEnvironmentVariable(NotebookBundle.AssumptionsVariable, assumptionsFile is null ? null : Path.GetFullPath(assumptionsFile));
            var runs = new List<NotebookRun>();
            foreach (var path in notebookPaths.Select(Path.GetFullPath))
            {
                Directory.SetCurrentDirectory(Path.GetDirectoryName(path)!);
                runs.Add(await RunAsync(path));
            }
            return runs;
        }
        finally
        {
            Directory.SetCurrentDirectory(workingDirectory);
            Environment.SetEnvironmentVariable(NotebookBundle.DataRootVariable, dataRoot);
            Environment.SetEnvironmentVariable(NotebookBundle.AssumptionsVariable, assumptions);
            OneAtATime.Release();
        }
    }

    /// <summary>The cell running now (notebook path, 1-based cell number, cell id), for <see cref="OnProcessExit"/>; null between cells.</summary>
    private static volatile RunningCell? _running;

    private sealed record RunningCell(string NotebookPath, int Number, string? Id);

    private static int _exitGuardRegistered;

    /// <summary>
    /// A cell that ends the process (<c>Environment.Exit(0)</c>) must not end <c>reproduce</c> quietly with exit 0: while a
    /// cell runs, the process's exit turns into exit code 2 with one line naming the notebook and the cell.
    /// </summary>
    private static void OnProcessExit(object? sender, EventArgs e)
    {
        if (_running is not { } cell) return;
        Environment.ExitCode = 2;
        try
        {
            // The kernel redirects Console.Error while a cell runs: write to the process's own stderr.
            using var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
            stderr.WriteLine($"error: {cell.NotebookPath}: cell {cell.Number}{(cell.Id is null ? "" : $" (id {cell.Id})")} ended the process (Environment.Exit or similar) before the run was published; a notebook cell may not end reproduce");
        }
        catch (IOException)
        {
            // stderr gone: the exit code still says it.
        }
        try
        {
            NotebookExecution.RunningStage?.Dispose(); // nothing was published: remove the staging folder now
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next run sweeps a dead run's staging folder.
        }
    }

    private static async Task<NotebookRun> RunAsync(string notebookPath)
    {
        var clock = Stopwatch.StartNew();
        var limits = NotebookLimits.FromEnvironment();
        var document = NotebookFile.Read(notebookPath);
        if (Interlocked.Exchange(ref _exitGuardRegistered, 1) == 0) AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        var kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers().UseValueSharing() };
        kernel.DefaultKernelName = "csharp";
        var abandoned = false;
        try
        {
            int executionCount = 0, number = 0;
            bool failed = false;
            foreach (var cell in document.Elements)
            {
                number++;
                if (NotebookFile.IsMarkdown(cell)) continue;
                cell.Outputs.Clear();
                _running = new RunningCell(notebookPath, number, cell.Id);
                var submit = kernel.SendAsync(new SubmitCode(cell.Contents ?? "", "csharp"));
                var left = limits.Notebook - clock.Elapsed;
                var limit = left < limits.Cell ? left : limits.Cell;
                if (limit <= TimeSpan.Zero || await Task.WhenAny(submit, Task.Delay(limit)) != submit)
                {
                    // A cell that does not return cannot be stopped inside this process: the kernel is left behind (not
                    // disposed, which would wait for the cell) and the run ends with exit 2 naming the notebook and the cell.
                    abandoned = true;
                    _running = null; // the cell is given up on: a later process exit is the run's own, not this cell's
                    var (which, variable) = left < limits.Cell ? ("notebook", NotebookLimits.NotebookSecondsVariable) : ("cell", NotebookLimits.CellSecondsVariable);
                    throw new BundleInputException(notebookPath,
                        $"cell {number}{(cell.Id is null ? "" : $" (id {cell.Id})")} did not finish within the {which} time limit of {Seconds(which == "cell" ? limits.Cell : limits.Notebook)} s (set {variable} to change it)");
                }
                var result = await submit;
                _running = null;
                cell.ExecutionOrder = ++executionCount;
                long outputChars = 0;
                foreach (var e in result.Events)
                {
                    if (e is DisplayEvent display) outputChars += display.FormattedValues.Sum(f => (long)(f.Value?.Length ?? 0));
                    if (outputChars > limits.OutputChars)
                    {
                        throw new BundleInputException(notebookPath,
                            $"cell {number}{(cell.Id is null ? "" : $" (id {cell.Id})")} produced more than {limits.OutputChars / 1000} KB of output (set {NotebookLimits.OutputKilobytesVariable} to change the cap)");
                    }
                    switch (e)
                    {
                        case StandardOutputValueProduced stdout:
                            cell.Outputs.Add(new TextElement(Plain(stdout), "stdout"));
                            break;
                        case StandardErrorValueProduced stderr:
                            cell.Outputs.Add(new TextElement(Plain(stderr), "stderr"));
                            break;
                        case ReturnValueProduced value:
                            var returned = new ReturnValueElement { ExecutionOrder = executionCount };
                            foreach (var f in value.FormattedValues) returned.Data[f.MimeType] = f.Value;
                            cell.Outputs.Add(returned);
                            break;
                        case DisplayedValueProduced displayed:
                            cell.Outputs.Add(new DisplayElement(displayed.FormattedValues.ToDictionary(f => f.MimeType, f => (object)f.Value)));
                            break;
                        case CommandFailed commandFailed:
                            failed = true;
                            cell.Outputs.Add(new ErrorElement(commandFailed.Exception?.GetType().FullName ?? "Error", commandFailed.Message.Split('\n')[0], []));
                            break;
                    }
                }
            }
            return new NotebookRun(notebookPath, failed ? 2 : 0, NotebookFile.ToJson(document), "", clock.Elapsed);
        }
        finally
        {
            if (!abandoned)
            {
                _running = null;
                kernel.Dispose();
            }
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Plain(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == "text/plain")?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? "";
}
