using System.Runtime.InteropServices;
using ReproBundle.Cli;

// The bundle's command-line program: regenerates every output without notebooks.
// The commands are registered in CliRunner.CreateRoot (the tests run the same root in-process).
var root = CliRunner.CreateRoot();

// Ctrl-C and SIGTERM: the first asks the run to stop at its next write (the staging folder is removed, the output
// folder keeps its complete old or new tree); a second one ends the process at once.
using var interrupt = new CancellationTokenSource();
ReproBundle.Output.OutputStage.ProcessCancellation = interrupt.Token;
void OnSignal(PosixSignalContext context)
{
    if (interrupt.IsCancellationRequested)
    {
        // Second signal: the run's browser is ended now, then default handling terminates the process.
        ReproBundle.Browser.BrowserLifetime.EndAll();
        return;
    }
    context.Cancel = true;
    interrupt.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
// `reproduce --notebooks` runs the notebooks in this process (Microsoft.DotNet.Interactive.CSharp), not one dotnet-repl each.
ReproBundle.Notebooks.NotebookExecution.Runner = InProcessNotebookRunner.RunAllAsync;
return CliRunner.Run(root, args);
