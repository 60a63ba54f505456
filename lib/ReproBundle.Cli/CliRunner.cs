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

    /// <summary>Parses <paramref name="args"/>, reports parse errors as one line each, then invokes.</summary>
    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line for all usage problems; System.CommandLine's messages already name the option or token.
            var problems = string.Join("; ", parse.Errors.Select(e => e.Message));
            stderr.WriteLine($"error: {problems} (see '{root.Name} --help')");
            return BadInput;
        }
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (BundleInputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("REPROBUNDLE_DEBUG") is null)
        {
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message} (set REPROBUNDLE_DEBUG=1 for the stack trace)");
            return InternalError;
        }
    }
}
