using System.CommandLine;
using ReproBundle.Data;

namespace ReproBundle.Cli;

/// <summary>
/// Runs a parsed command with the bundle's error contract: a usage error or bad input prints one line
/// naming the option or the file and line, exits with code 2, and never shows a stack trace.
/// </summary>
internal static class CliRunner
{
    /// <summary>Exit code for bad input or bad usage.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for a failure that is the bundle's fault, not the user's.</summary>
    public const int InternalError = 1;

    /// <summary>Exit code after SIGINT or SIGTERM stopped a run (128 + SIGINT, as shells report it): nothing was published.</summary>
    public const int Interrupted = 130;

    /// <summary>The longest a single stderr line gets [characters]; longer messages are cut.</summary>
    public const int MaxErrorLine = 600;

    /// <summary>The program's root command with every command; one file per command under Commands/, each registered here with one line.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("ReproBundle: reproduce and check the numbers, tables, figures and registry of "
                                   + "\"Bottleneck-Driven Projection of Frontier-Class LLM Inference on Dedicated ASICs\" (v0.3).");
        root.Add(Commands.ReproduceCommand.Create());
        root.Add(Commands.DensityCommand.Create());
        root.Add(Commands.LintRegistryCommand.Create());
        root.Add(Commands.UncertaintyCommand.Create());
        root.Add(Commands.BreakEvenCommand.Create());
        root.Add(Commands.ExplainCommand.Create());
        root.Add(Commands.NotebooksCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, reports parse errors as one line each, then invokes.</summary>
    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout = new StdoutGuard(stdout ?? Console.Out);
        stderr ??= Console.Error;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line for all usage problems; System.CommandLine's messages already name the option or token.
            var problems = string.Join("; ", parse.Errors.Select(e => OneLine(e.Message, 200)));
            stderr.WriteLine(OneLine($"error: {problems} (see '{root.Name} --help')", MaxErrorLine));
            return BadInput;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (BundleInputException e)
        {
            stderr.WriteLine(OneLine($"error: {e.Message}", MaxErrorLine));
            return BadInput;
        }
        catch (OperationCanceledException) when (ReproBundle.Output.OutputStage.ProcessCancellation.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted: nothing was published; the output folder keeps its previous contents");
            return Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && Environment.GetEnvironmentVariable("REPROBUNDLE_DEBUG") is null)
        {
            // The file system refused (disk full, permissions changed mid-run): the environment's fault, not the bundle's.
            stderr.WriteLine(OneLine($"error: {e.Message}", MaxErrorLine));
            return BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("REPROBUNDLE_DEBUG") is null)
        {
            stderr.WriteLine(OneLine($"internal error: {e.GetType().Name}: {e.Message} (set REPROBUNDLE_DEBUG=1 for the stack trace)", MaxErrorLine));
            return InternalError;
        }
    }

    /// <summary>
    /// <paramref name="text"/> as one line of at most <paramref name="max"/> characters: control characters (newlines
    /// included) become spaces, and a longer text is cut with a note of its length.
    /// </summary>
    public static string OneLine(string text, int max)
    {
        var clean = string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++) span[i] = char.IsControl(t[i]) ? ' ' : t[i];
        });
        return clean.Length <= max ? clean : $"{clean[..(max - 30)]}... (cut, {clean.Length} chars)";
    }
}
