using System.CommandLine;
using System.Runtime.InteropServices;
using ReproBundle.Cli;
using ReproBundle.Cli.Commands;

// The bundle's command-line program: regenerates every output without notebooks.
// One file per command under Commands/; each registers here with one line.
var root = new RootCommand("ReproBundle: reproduce and check the numbers, tables, figures and registry of "
                           + "\"Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs\" (v0.3).");
root.Add(ReproduceCommand.Create());
root.Add(DensityCommand.Create());
root.Add(LintRegistryCommand.Create());
root.Add(UncertaintyCommand.Create());
root.Add(BreakEvenCommand.Create());

// Ctrl-C and SIGTERM: the first asks the run to stop at its next write (the staging folder is removed, the output
// folder keeps its complete old or new tree); a second one ends the process at once.
using var interrupt = new CancellationTokenSource();
ReproBundle.Output.OutputStage.ProcessCancellation = interrupt.Token;
void OnSignal(PosixSignalContext context)
{
    if (interrupt.IsCancellationRequested) return; // second signal: default handling terminates the process
    context.Cancel = true;
    interrupt.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return CliRunner.Run(root, args);
