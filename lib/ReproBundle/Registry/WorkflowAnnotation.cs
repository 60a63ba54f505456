using System.Text;

namespace ReproBundle.Registry;

/// <summary>
/// A lint problem as a GitHub Actions workflow command (<c>::error file=PATH,line=N::message</c>, <c>::warning …</c> for a
/// warning), which the forge shows as an annotation at that file and line of a pull request (§7: registry submissions by
/// pull request, the schema lint in CI). Escaping follows the workflow-command rules: in the message <c>%</c>, CR and LF;
/// in a property value also <c>:</c> and <c>,</c>.
/// </summary>
public static class WorkflowAnnotation
{
    /// <summary>
    /// The workflow command for <paramref name="problem"/>. The file is written relative to <paramref name="baseDirectory"/>
    /// (the repository root the workflow runs in) with forward slashes, or as given when it lies outside it.
    /// </summary>
    public static string Format(RegistryProblem problem, string baseDirectory)
    {
        var full = Path.GetFullPath(problem.File);
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        var file = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
        var command = problem.Severity == ProblemSeverity.Warning ? "warning" : "error";
        return $"::{command} file={EscapeProperty(file.Replace('\\', '/'))},line={problem.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}::" +
               EscapeData($"{problem.Field}: {problem.Message}");
    }

    /// <summary>Escapes a message: <c>%</c> as <c>%25</c>, CR as <c>%0D</c>, LF as <c>%0A</c>.</summary>
    public static string EscapeData(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch { '%' => "%25", '\r' => "%0D", '\n' => "%0A", _ => c.ToString() });
        }
        return sb.ToString();
    }

    /// <summary>Escapes a property value: as <see cref="EscapeData"/>, and <c>:</c> as <c>%3A</c>, <c>,</c> as <c>%2C</c>.</summary>
    public static string EscapeProperty(string text) => EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
