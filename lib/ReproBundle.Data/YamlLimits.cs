using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ReproBundle.Data;

/// <summary>
/// The bounds every YAML text passes before it is loaded into a tree (reviewer assumptions, registry front matter).
/// Aliases (<c>*name</c>) are refused outright: no input of the bundle needs them, and refusing them makes an
/// alias bomb ("billion laughs") impossible rather than merely bounded. Nesting deeper than <see cref="MaxDepth"/> and
/// more than <see cref="MaxNodes"/> nodes are refused too. The check walks the parser's events, which uses no recursion,
/// so a text nested 100,000 deep is refused without overflowing the stack.
/// </summary>
public static class YamlLimits
{
    /// <summary>The deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most nodes (scalars, mappings, sequences) accepted in one text.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>
    /// The 1-based line of the first line whose indentation holds a tab (YAML indents with spaces only), or null. The
    /// loaders report a tab error at this line: YamlDotNet reports it at the start of the enclosing mapping instead.
    /// </summary>
    public static int? FirstTabIndentedLine(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t')) return i + 1;
        }
        return null;
    }

    /// <summary>
    /// The first limit <paramref name="yaml"/> breaks, as (1-based line in the text, message), or null when it is within
    /// bounds. Syntax errors are left to the loader (it reports them with their own words).
    /// </summary>
    public static (int Line, string Message)? Violation(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        int depth = 0, nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                var line = (int)Math.Max(1, e.Start.Line);
                switch (e)
                {
                    case AnchorAlias:
                        return (line, "YAML aliases (*name) are not accepted; write the value out");
                    case MappingStart or SequenceStart:
                        nodes++;
                        if (++depth > MaxDepth) return (line, $"YAML nested more than {MaxDepth} levels deep");
                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar:
                        nodes++;
                        break;
                }
                if (nodes > MaxNodes) return (line, $"more than {MaxNodes} YAML nodes");
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            return null; // a syntax error: the loader reports it
        }
        return null;
    }
}
