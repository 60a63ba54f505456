using System.Globalization;
using ReproBundle.Data;

namespace ReproBundle.Notebooks;

/// <summary>
/// The bounds of <c>reproduce --notebooks</c> (issue 26, item 5): how long one cell and one notebook may run, and how much
/// output one cell may produce. Each is set by an environment variable (whole numbers; a bad value is a usage error,
/// exit 2). The defaults leave room for the real notebooks on a loaded two-core machine, where each runs in seconds to
/// tens of seconds (notebooks/README.md), most of it Roslyn's warm-up in the first cell.
/// </summary>
/// <param name="Cell">Time one cell may run.</param>
/// <param name="Notebook">Time one notebook may run, all its cells together.</param>
/// <param name="OutputChars">Characters of output (text, returned and displayed values) one cell may produce.</param>
public sealed record NotebookLimits(TimeSpan Cell, TimeSpan Notebook, long OutputChars)
{
    /// <summary>Seconds one cell may run; default 600.</summary>
    public const string CellSecondsVariable = "REPROBUNDLE_NOTEBOOK_CELL_TIMEOUT_S";

    /// <summary>Seconds one notebook may run; default 1800.</summary>
    public const string NotebookSecondsVariable = "REPROBUNDLE_NOTEBOOK_TIMEOUT_S";

    /// <summary>Kilobytes (1,000 characters) of output one cell may produce; default 4000 (4 MB).</summary>
    public const string OutputKilobytesVariable = "REPROBUNDLE_NOTEBOOK_OUTPUT_CAP_KB";

    /// <summary>The defaults: 600 s a cell, 1800 s a notebook, 4,000,000 characters of output a cell.</summary>
    public static NotebookLimits Default { get; } = new(TimeSpan.FromSeconds(600), TimeSpan.FromSeconds(1800), 4_000_000);

    /// <summary>The defaults with any of the three environment variables applied.</summary>
    public static NotebookLimits FromEnvironment() => new(
        TimeSpan.FromSeconds(Read(CellSecondsVariable, (long)Default.Cell.TotalSeconds, 86_400)),
        TimeSpan.FromSeconds(Read(NotebookSecondsVariable, (long)Default.Notebook.TotalSeconds, 86_400)),
        Read(OutputKilobytesVariable, Default.OutputChars / 1000, 1_000_000) * 1000);

    private static long Read(string variable, long fallback, long max)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > max)
        {
            throw new BundleInputException(variable, $"'{BundleInputException.Shorten(text)}' is not a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}");
        }
        return value;
    }
}
