using System.CommandLine;
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
root.Add(NotebooksCommand.Create());
// `reproduce --notebooks` runs the notebooks in this process (Microsoft.DotNet.Interactive.CSharp), not one dotnet-repl each.
ReproBundle.Notebooks.NotebookExecution.Runner = InProcessNotebookRunner.RunAllAsync;
return CliRunner.Run(root, args);
