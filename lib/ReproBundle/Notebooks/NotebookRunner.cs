using System.Diagnostics;
using ReproBundle.Data;

namespace ReproBundle.Notebooks;

/// <summary>One headless execution of a notebook.</summary>
/// <param name="NotebookPath">Full path of the notebook that ran.</param>
/// <param name="ExitCode">dotnet-repl's exit code: 0 when every cell ran, 2 when a cell failed.</param>
/// <param name="ExecutedJson">The executed notebook as dotnet-repl wrote it (not scrubbed); empty when it wrote none.</param>
/// <param name="Log">dotnet-repl's console output, for diagnosing a run that wrote no notebook.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record NotebookRun(string NotebookPath, int ExitCode, string ExecutedJson, string Log, TimeSpan Elapsed)
{
    /// <summary>The notebook's file name.</summary>
    public string Name => Path.GetFileName(NotebookPath);

    /// <summary>The executed notebook read into cells; null when dotnet-repl wrote none.</summary>
    public NotebookDocument? Executed => ExecutedJson.Length > 0 ? NotebookDocument.Parse(ExecutedJson, Name) : null;

    /// <summary>
    /// Every failure, each naming the notebook and the cell: cell errors, or a run that failed without a
    /// cell error (tool missing, timeout) with the end of its log. Empty when the run succeeded.
    /// </summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var errors = Executed?.CellErrors ?? [];
            if (errors.Count > 0) return errors;
            if (ExitCode == 0 && ExecutedJson.Length > 0) return [];
            var tail = string.Join("\n", Log.Split('\n').TakeLast(15));
            return [$"{Name}: dotnet-repl exited with code {ExitCode} and reported no cell error; its output ends:\n{tail}"];
        }
    }
}

/// <summary>
/// Runs notebooks headless with the pinned dotnet-repl (<c>.config/dotnet-tools.json</c>; install it with
/// <c>dotnet tool restore</c>). Each notebook runs from its own folder, as VS Code starts the kernel there,
/// so the notebooks' relative paths mean the same thing in both.
/// </summary>
public static class NotebookRunner
{
    /// <summary>How long one notebook may run before it is stopped and reported.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Every <c>*.ipynb</c> directly in <paramref name="notebooksDirectory"/>, sorted by name (ordinal).</summary>
    public static IReadOnlyList<string> FindNotebooks(string notebooksDirectory) =>
        Directory.GetFiles(notebooksDirectory, "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Runs one notebook: <c>dotnet tool run dotnet-repl -- --run NAME --exit-after-run --output-path TMP</c>
    /// from the notebook's folder. <paramref name="dataDirectory"/>, when given, is passed as
    /// <see cref="NotebookBundle.DataRootVariable"/>, and <paramref name="assumptionsFile"/> as <see cref="NotebookBundle.AssumptionsVariable"/>.
    /// </summary>
    public static async Task<NotebookRun> RunAsync(string notebookPath, string? dataDirectory = null, string? assumptionsFile = null, CancellationToken cancel = default)
    {
        notebookPath = Path.GetFullPath(notebookPath);
        var outputPath = Path.Combine(Path.GetTempPath(), $"reprobundle-nb-{Environment.ProcessId}-{Guid.NewGuid():N}.ipynb");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(notebookPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "tool", "run", "dotnet-repl", "--", "--run", Path.GetFileName(notebookPath), "--exit-after-run", "--output-path", outputPath })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (dataDirectory is not null) start.Environment[NotebookBundle.DataRootVariable] = Path.GetFullPath(dataDirectory);
        start.Environment[NotebookBundle.AssumptionsVariable] = assumptionsFile is null ? null : Path.GetFullPath(assumptionsFile);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync(cancel);
        var stderr = process.StandardError.ReadToEndAsync(cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(Timeout);
        int exitCode;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            exitCode = -1;
        }
        var log = await stdout + await stderr + (exitCode == -1 ? $"\nstopped after {Timeout.TotalMinutes} minutes" : "");
        string executed = "";
        if (File.Exists(outputPath))
        {
            executed = await File.ReadAllTextAsync(outputPath, CancellationToken.None);
            File.Delete(outputPath);
            executed = WithSourceCellIds(executed, notebookPath);
        }
        return new NotebookRun(notebookPath, exitCode, executed, log, clock.Elapsed);
    }

    /// <summary>
    /// The executed notebook with the cell ids of the notebook that ran: dotnet-repl 0.3.259 writes its copy
    /// without ids, which nbformat 4.5 requires. Read and written through <see cref="NotebookFile"/>.
    /// </summary>
    public static string WithSourceCellIds(string executedJson, string notebookPath)
    {
        var name = Path.GetFileName(notebookPath);
        var executed = NotebookFile.Parse(executedJson, name);
        NotebookFile.CopyCellIds(NotebookFile.Read(notebookPath), executed, name);
        return NotebookFile.ToJson(executed);
    }

    /// <summary>
    /// Runs <paramref name="notebookPaths"/>, at most <paramref name="maxParallel"/> at a time (these machines
    /// have two cores), and returns the runs in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<NotebookRun>> RunAllAsync(IReadOnlyList<string> notebookPaths, string? dataDirectory = null,
        string? assumptionsFile = null, int maxParallel = 2, CancellationToken cancel = default)
    {
        var runs = new NotebookRun[notebookPaths.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, notebookPaths.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancel },
            async (i, ct) => runs[i] = await RunAsync(notebookPaths[i], dataDirectory, assumptionsFile, ct));
        return runs;
    }
}
