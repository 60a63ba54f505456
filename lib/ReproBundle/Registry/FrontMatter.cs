using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReproBundle.Registry;

/// <summary>
/// A registry file split into its YAML front matter (as a JSON node, with the file line of every field) and
/// its Markdown body. YAML is converted to JSON so that a JSON Schema validates it: a plain scalar that reads
/// as an integer, a decimal number, <c>true</c>/<c>false</c> or <c>null</c> becomes that JSON value; every
/// quoted scalar, and every other plain scalar (dates included), becomes a string.
/// </summary>
public sealed partial class FrontMatter
{
    private readonly Dictionary<string, int> _lines;

    private FrontMatter(JsonObject root, Dictionary<string, int> lines, string body, int bodyLine)
    {
        Root = root;
        _lines = lines;
        Body = body;
        BodyLine = bodyLine;
    }

    /// <summary>The longest front matter accepted [characters] (the seed entries have under 3,000).</summary>
    public const int MaxFrontMatterChars = 64 * 1024;

    /// <summary>The front matter as JSON.</summary>
    public JsonObject Root { get; }

    /// <summary>The Markdown after the closing <c>---</c>.</summary>
    public string Body { get; }

    /// <summary>The file line the body starts on.</summary>
    public int BodyLine { get; }

    /// <summary>
    /// The file line of the node at JSON pointer <paramref name="pointer"/> (for a mapping entry, the line
    /// of its key); the nearest enclosing node's line when the pointer names nothing (a missing field).
    /// </summary>
    public int LineOf(string pointer)
    {
        var p = pointer;
        while (true)
        {
            if (_lines.TryGetValue(p, out var line)) return line;
            if (p.Length == 0) return 1;
            p = p[..p.LastIndexOf('/')];
        }
    }

    /// <summary>
    /// Parses <paramref name="text"/> (the content of <paramref name="file"/>); on failure returns null and
    /// adds the reason, with its line, to <paramref name="problems"/>.
    /// </summary>
    public static FrontMatter? Parse(string file, string text, List<RegistryProblem> problems)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(new(file, 1, "front-matter", "the file must start with a '---' line opening the YAML front matter"));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(new(file, 1, "front-matter", "the YAML front matter opened on line 1 is never closed by a '---' line"));
            return null;
        }
        // YAML line n is file line n + 1 (line 1 is the opening ---).
        var yaml = string.Join('\n', lines[1..close]);
        if (yaml.Length > MaxFrontMatterChars)
        {
            problems.Add(new(file, 1, "front-matter", $"the YAML front matter has {yaml.Length} characters, more than the {MaxFrontMatterChars} allowed"));
            return null;
        }
        if (Data.YamlLimits.Violation(yaml) is { } limit)
        {
            problems.Add(new(file, limit.Line + 1, "front-matter", limit.Message));
            return null;
        }
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                problems.Add(new(file, 1, "front-matter", "the YAML front matter is empty"));
                return null;
            }
            root = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var line = (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && Data.YamlLimits.FirstTabIndentedLine(yaml) is { } tabLine
                ? tabLine : (int)Math.Max(1, e.Start.Line)) + 1;
            problems.Add(new(file, line, "front-matter", $"not valid YAML: {OneLine(e.InnerException?.Message ?? e.Message)}"));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 18.1.0 throws this (not a YamlException) for some unclosed flow collections; locate
            // the problem as the line after the last event the parser still produced.
            problems.Add(new(file, LastGoodLine(yaml) + 1, "front-matter", $"not valid YAML: the parser stopped after this line ({OneLine(e.Message)})"));
            return null;
        }
        if (root is not YamlMappingNode)
        {
            problems.Add(new(file, (int)root.Start.Line + 1, "front-matter", "the YAML front matter must be a mapping of field: value lines"));
            return null;
        }
        var json = (JsonObject)Convert(root, "", map, file, problems)!;
        var body = string.Join('\n', lines[(close + 1)..]);
        return new FrontMatter(json, map, body, close + 2);
    }

    private static int LastGoodLine(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var line = 1;
        try
        {
            while (parser.MoveNext()) line = (int)parser.Current!.End.Line;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // the line reached so far is the answer
        }
        return line;
    }

    private static string OneLine(string s) => WhiteSpace().Replace(s, " ").Trim();

    private static JsonNode? Convert(YamlNode node, string pointer, Dictionary<string, int> map, string file, List<RegistryProblem> problems)
    {
        map.TryAdd(pointer, (int)node.Start.Line + 1);
        switch (node)
        {
            case YamlMappingNode m:
            {
                var obj = new JsonObject();
                foreach (var (k, v) in m.Children)
                {
                    var key = k is YamlScalarNode ks ? ks.Value ?? "" : k.ToString();
                    var childPointer = $"{pointer}/{Escape(key)}";
                    if (obj.ContainsKey(key))
                    {
                        problems.Add(new(file, (int)k.Start.Line + 1, key, "field appears twice"));
                        continue;
                    }
                    map[childPointer] = (int)k.Start.Line + 1;
                    obj[key] = Convert(v, childPointer, map, file, problems);
                }
                return obj;
            }
            case YamlSequenceNode s:
            {
                var arr = new JsonArray();
                var i = 0;
                foreach (var item in s.Children)
                {
                    arr.Add(Convert(item, $"{pointer}/{i}", map, file, problems));
                    i++;
                }
                return arr;
            }
            case YamlScalarNode sc:
            {
                var value = sc.Value ?? "";
                if (sc.Style is not (ScalarStyle.Plain or ScalarStyle.Any)) return JsonValue.Create(value);
                if (value is "" or "~" or "null" or "Null" or "NULL") return null;
                if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
                if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
                if (IntegerText().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
                if (DecimalText().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
                return JsonValue.Create(value);
            }
            default:
                return JsonValue.Create(node.ToString());
        }
    }

    /// <summary>Escapes a key for a JSON pointer segment (RFC 6901).</summary>
    public static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");

    /// <summary>A JSON pointer as a readable field path: <c>/depends_on/0/id</c> gives <c>depends_on[0].id</c>.</summary>
    public static string FieldPath(string pointer)
    {
        if (pointer.Length == 0) return "front-matter";
        var sb = new System.Text.StringBuilder();
        foreach (var raw in pointer[1..].Split('/'))
        {
            var seg = raw.Replace("~1", "/").Replace("~0", "~");
            if (seg.Length > 0 && seg.All(char.IsAsciiDigit)) sb.Append('[').Append(seg).Append(']');
            else
            {
                if (sb.Length > 0) sb.Append('.');
                sb.Append(seg);
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerText();

    [GeneratedRegex(@"^[-+]?[0-9]+\.[0-9]+$")]
    private static partial Regex DecimalText();
}
