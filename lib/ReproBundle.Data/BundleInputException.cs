namespace ReproBundle.Data;

/// <summary>
/// Bad input a person can fix: a garbled data file, a malformed cell, an out-of-range option. The message
/// starts with where the problem is (<c>file:line</c>, or the option name) so the CLI can print it as one
/// line, without a stack trace, and exit with code 2.
/// </summary>
public sealed class BundleInputException : Exception
{
    /// <summary>Where the problem is: <c>path:line</c>, <c>path</c>, or an option such as <c>--utilization</c>.</summary>
    public string Location { get; }

    /// <summary>What is wrong, in words, without the location.</summary>
    public string Problem { get; }

    /// <summary>Creates the exception; <see cref="Exception.Message"/> is "location: problem".</summary>
    public BundleInputException(string location, string problem)
        : base($"{location}: {problem}")
    {
        Location = location;
        Problem = problem;
    }

    /// <summary>A problem at one line of a file (1-based line number).</summary>
    public static BundleInputException AtLine(string path, int line, string problem) =>
        new($"{path}:{line}", problem);

    /// <summary>Text of a path or value cut to about 80 characters for an error line.</summary>
    public static string Shorten(string text, int max = 80) =>
        text.Length <= max ? text : $"{text[..(max - 20)]}...({text.Length} chars)";
}
