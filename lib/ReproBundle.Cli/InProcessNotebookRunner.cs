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

    private static async Task<NotebookRun> RunAsync(string notebookPath)
    {
        var clock = Stopwatch.StartNew();
        var document = NotebookFile.Read(notebookPath);
        using var kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers().UseValueSharing() };
        kernel.DefaultKernelName = "csharp";
        int executionCount = 0;
        bool failed = false;
        foreach (var cell in document.Elements.Where(e => !NotebookFile.IsMarkdown(e)))
        {
            cell.Outputs.Clear();
            var result = await kernel.SendAsync(new SubmitCode(cell.Contents ?? "", "csharp"));
            cell.ExecutionOrder = ++executionCount;
            foreach (var e in result.Events)
            {
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

    private static string Plain(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(f => f.MimeType == "text/plain")?.Value ?? e.FormattedValues.FirstOrDefault()?.Value ?? "";
}
