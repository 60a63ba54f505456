using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReproBundle.Data;

/// <summary>One name a reviewer may override, with what it currently holds.</summary>
/// <param name="Name">Dotted name: an input of <c>data/inputs.csv</c>, <c>table1.&lt;platform&gt;.&lt;column&gt;</c> or <c>table2.&lt;metric&gt;.&lt;h100|asic&gt;</c>.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Domain">Values it may take.</param>
/// <param name="PointOnly">True when only a single number is accepted (the Appendix C worked examples are single values).</param>
/// <param name="Current">The value in data/.</param>
/// <param name="Source">Where data/ took the value from.</param>
public sealed record OverridableName(string Name, string Unit, InputDomain Domain, bool PointOnly, Interval? Current, string Source)
{
    /// <summary>The allowed values in words, as error messages and data/README.md give them.</summary>
    public string Allowed => (Domain switch
    {
        InputDomain.Fraction => "in (0, 1]",
        InputDomain.Share => "in [0, 1]",
        InputDomain.AtLeastOne => "at least 1",
        _ => "greater than 0",
    }) + (PointOnly ? ", a single number" : ", a number or a range");
}

/// <summary>One validated override.</summary>
/// <param name="Name">The overridden name.</param>
/// <param name="Value">The reviewer's value.</param>
/// <param name="Line">Line of the file it was read from (1-based).</param>
/// <param name="Replaces">The value it replaces, or null where data/ has none (a Table 1 "n/a").</param>
public sealed record AssumptionOverride(string Name, Interval Value, int Line, Interval? Replaces);

/// <summary>
/// A reviewer's own assumptions (<c>reproduce --assumptions FILE</c>): a JSON or YAML mapping from overridable names
/// to values, validated against the names and domains of data/ and merged into <see cref="PaperData"/>.
/// </summary>
/// <remarks>
/// The file is one flat mapping. A value is a number (<c>50</c>), a range as a string (<c>"0.5-0.8"</c>) or a
/// mapping with exactly <c>lo</c> and <c>hi</c> (<c>{lo: 10000, hi: 30000}</c>):
/// <code>
/// # my-assumptions.yaml
/// appc.h100.tok_s: 50
/// model.utilization: "0.5-0.8"
/// asic.node_cost_usd: {lo: 10000, hi: 30000}
/// table2.decode_single.asic: 200-500
/// </code>
/// Every problem names the file, the line, the key path and, for a value out of its domain, the allowed range;
/// the first problem found is reported (as <see cref="BundleInputException"/>).
/// </remarks>
public sealed class AssumptionOverrides
{
    /// <summary>The file as given.</summary>
    public string FilePath { get; }

    /// <summary>SHA-256 of the file's bytes (lower-case hex), for MANIFEST.json.</summary>
    public string Sha256 { get; }

    /// <summary>The overrides in file order.</summary>
    public IReadOnlyList<AssumptionOverride> Items { get; }

    private AssumptionOverrides(string path, string sha256, IReadOnlyList<AssumptionOverride> items)
    {
        FilePath = path;
        Sha256 = sha256;
        Items = items;
    }

    /// <summary>The Table 1 columns that may be overridden, with their units.</summary>
    public static readonly IReadOnlyList<(string Column, string Unit)> Table1Columns =
        [("chips_per_deployment", "chips"), ("capex_usd", "USD"), ("tok_s_deployment", "tokens/s"), ("power_w", "W")];

    /// <summary>The overridable name of one Table 1 cell, <c>table1.&lt;platform&gt;.&lt;column&gt;</c>; <paramref name="column"/> is one of <see cref="Table1Columns"/>.</summary>
    public static string Table1Name(PlatformBaseline platform, string column) =>
        Table1Columns.Any(c => c.Column == column) ? $"table1.{platform.Id}.{column}" : throw new ArgumentException($"Table 1 has no overridable column '{column}'", nameof(column));

    /// <summary>The overridable name of one Table 2 cell, <c>table2.&lt;metric&gt;.&lt;h100|asic&gt;</c>.</summary>
    public static string Table2Name(Table2Row row, bool asic) => $"table2.{row.MetricId}.{(asic ? "asic" : "h100")}";

    /// <summary>The name of an input of data/inputs.csv, checked against <see cref="InputCatalog"/> (throws on a name it does not bind).</summary>
    public static string InputName(string name) =>
        InputCatalog.ByName.ContainsKey(name) ? name : throw new ArgumentException($"'{name}' is not an input of InputCatalog", nameof(name));

    /// <summary>Every overridable name of <paramref name="data"/>: the inputs, then Table 1 and Table 2 cells, each sorted.</summary>
    public static IReadOnlyList<OverridableName> Names(PaperData data)
    {
        var names = new List<OverridableName>();
        foreach (var (name, domain) in InputCatalog.Domains.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var input = data.Input(name);
            var source = input.IsBundleAssumption ? $"bundle-assumption: {input.Note}" : input.Source;
            names.Add(new(name, input.Unit, domain, InputCatalog.ByName[name].PointOnly, input.Value, source));
        }
        foreach (var p in data.Table1)
        {
            foreach (var (column, unit) in Table1Columns)
            {
                names.Add(new(Table1Name(p, column), unit, InputDomain.Positive, false, Table1Cell(p, column), $"{p.Source}, column {column}"));
            }
        }
        foreach (var r in data.Table2)
        {
            names.Add(new(Table2Name(r, asic: false), r.Unit, InputDomain.Positive, false, r.H100, $"{r.Source}, column \"H100 baseline\""));
            names.Add(new(Table2Name(r, asic: true), r.Unit, InputDomain.Positive, false, r.Asic, $"{r.Source}, column \"Custom ASIC (projected)\""));
        }
        return names;
    }

    private static Interval? Table1Cell(PlatformBaseline p, string column) => column switch
    {
        "chips_per_deployment" => p.ChipsPerDeployment,
        "capex_usd" => p.CapexUsd,
        "tok_s_deployment" => p.TokensPerSecondPerDeployment,
        "power_w" => p.SystemPowerWatts,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not an overridable Table 1 column"),
    };

    private static PlatformBaseline WithTable1Cell(PlatformBaseline p, string column, Interval v) => column switch
    {
        "chips_per_deployment" => p with { ChipsPerDeployment = v },
        "capex_usd" => p with { CapexUsd = v },
        "tok_s_deployment" => p with { TokensPerSecondPerDeployment = v },
        "power_w" => p with { SystemPowerWatts = v },
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "not an overridable Table 1 column"),
    };

    /// <summary>Reads and validates <paramref name="path"/> (.json, .yaml or .yml) against <paramref name="data"/>.</summary>
    public static AssumptionOverrides Load(string path, PaperData data)
    {
        var bytes = InputFile.ReadBytes(path, "--assumptions");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var entries = ext switch
        {
            ".json" => ParseJson(path, bytes),
            ".yaml" or ".yml" => ParseYaml(path, bytes),
            _ => throw new BundleInputException("--assumptions", $"'{path}' must end in .json, .yaml or .yml"),
        };
        var known = Names(data).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var items = new List<AssumptionOverride>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var at = $"{path}:{e.Line}";
            if (seen.TryGetValue(e.Key, out var first))
            {
                throw new BundleInputException(at, $"'{Echo(e.Key)}' is given twice (first at line {first})");
            }
            seen[e.Key] = e.Line;
            if (!known.TryGetValue(e.Key, out var name))
            {
                var hint = Closest(e.Key, known.Keys);
                throw new BundleInputException(at, $"unknown name '{Echo(e.Key)}'{(hint is null ? "" : $" (did you mean '{hint}'?)")}; the names that can be overridden are listed in data/README.md");
            }
            var value = ReadValue(path, e.Key, e.Value);
            if (InputCatalog.Violation(name.Domain, value) is { } violation)
            {
                throw new BundleInputException(at, $"{e.Key} = {value} {violation} (allowed: {name.Allowed} {name.Unit}; data/ has {Show(name.Current)})");
            }
            if (name.PointOnly && !value.IsPoint)
            {
                throw new BundleInputException(at, $"{e.Key} = {value} must be a single number, not a range: it is a value of an Appendix C worked example (allowed: {name.Allowed} {name.Unit}; data/ has {Show(name.Current)})");
            }
            items.Add(new AssumptionOverride(e.Key, value, e.Line, name.Current));
        }
        return new AssumptionOverrides(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), items);
    }

    private static string Show(Interval? v) => v?.ToString() ?? "n/a";

    /// <summary>
    /// One override made in code, not read from a file (<c>explain NAME</c> perturbs one name); <paramref name="label"/> stands
    /// where a file name would. The name and value must already be valid (<see cref="Names"/>).
    /// </summary>
    public static AssumptionOverrides Single(string label, string name, Interval value, Interval? replaces) =>
        new(label, "", [new AssumptionOverride(name, value, 0, replaces)]);

    /// <summary>The same file's overrides restricted to <paramref name="name"/> alone (to see what one override reaches).</summary>
    public AssumptionOverrides Only(string name) => new(FilePath, Sha256, [.. Items.Where(o => o.Name == name)]);

    /// <summary>The data with every override merged in: inputs through <see cref="PaperData.WithInputs"/>, table cells through <see cref="PaperData.WithTables"/>.</summary>
    public PaperData Apply(PaperData data)
    {
        var file = Path.GetFileName(FilePath);
        var inputs = new Dictionary<string, InputValue>(StringComparer.Ordinal);
        var table1 = data.Table1.ToList();
        var table2 = data.Table2.ToList();
        foreach (var o in Items)
        {
            var parts = o.Name.Split('.');
            if (InputCatalog.Domains.ContainsKey(o.Name))
            {
                var old = data.Input(o.Name);
                inputs[o.Name] = new InputValue(o.Name, o.Value, old.Unit, $"reviewer override ({file}:{o.Line})", "",
                    $"replaces {old.Value} ({old.Source})", $"{FilePath}:{o.Line}");
            }
            else if (parts[0] == "table1")
            {
                int i = table1.FindIndex(p => p.Id == parts[1]);
                table1[i] = WithTable1Cell(table1[i], parts[2], o.Value);
            }
            else
            {
                int i = table2.FindIndex(r => r.MetricId == parts[1]);
                table2[i] = parts[2] == "h100" ? table2[i] with { H100 = o.Value } : table2[i] with { Asic = o.Value };
            }
        }
        return data.WithInputs(inputs).WithTables(table1, table2);
    }

    /// <summary>
    /// The section of data/README.md that lists every overridable name (generated from data/, so a test can check the
    /// committed file against it).
    /// </summary>
    public static string ReadmeSection(PaperData data)
    {
        var sb = new StringBuilder();
        sb.Append("## Names that can be overridden\n\n");
        sb.Append("`reproduce --assumptions FILE` (and `uncertainty`, `break-even`) read a reviewer's JSON or YAML file: one flat mapping\n");
        sb.Append("from the names below to values. A value is a number (`50`), a range as a string (`\"0.5-0.8\"`) or a mapping\n");
        sb.Append("`{lo: 0.5, hi: 0.8}`, in the unit shown. Unknown names, other types (booleans, lists, null, text that is not a\n");
        sb.Append("number), values outside the allowed range and ranges for single-number names are rejected with the file, line,\n");
        sb.Append("key and allowed range (exit code 2, nothing written). Every output and audit verdict is then recomputed from the\n");
        sb.Append("merged inputs, and MANIFEST.json records the file's SHA-256. Names under `appc.` are the Appendix C worked\n");
        sb.Append("examples and take single numbers only. `table1.<platform>.<column>` and `table2.<metric>.<h100|asic>` replace one\n");
        sb.Append("cell of Table 1 or Table 2 as printed.\n\n");
        sb.Append("Every input of data/inputs.csv is accepted, and each changes at least one output (a test overrides every name\n");
        sb.Append("and checks that some output file changes).\n\n");
        sb.Append("```yaml\n# my-assumptions.yaml\nappc.h100.tok_s: 50\nmodel.utilization: \"0.5-0.8\"\nasic.node_cost_usd: {lo: 10000, hi: 30000}\n```\n\n");
        sb.Append("| name | unit | allowed | value in data/ | source |\n|---|---|---|---|---|\n");
        foreach (var n in Names(data))
        {
            sb.Append($"| `{n.Name}` | {Cell(n.Unit)} | {n.Allowed} | {Show(n.Current)} | {Cell(n.Source)} |\n");
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    // ---- parsing: both formats become (key, line, value node) --------------------------------------------

    private abstract record Node(int Line);
    private sealed record ScalarNode(int Line, string Text, bool FromString) : Node(Line);
    private sealed record MapNode(int Line, IReadOnlyList<Entry> Entries) : Node(Line);
    private sealed record OtherNode(int Line, string Kind) : Node(Line);
    private sealed record Entry(string Key, int Line, Node Value);

    private const string Expected = "expected a number, a range \"lo-hi\" or {lo, hi}";

    private static Interval ReadValue(string path, string key, Node node)
    {
        switch (node)
        {
            case ScalarNode s:
                if (Interval.TryParse(s.Text, out var v, out var error)) return v;
                throw new BundleInputException($"{path}:{s.Line}", $"{Echo(key)}: {Echo(error)}; {Expected}");
            case MapNode m:
            {
                foreach (var e in m.Entries.Where(e => e.Key is not ("lo" or "hi")))
                {
                    throw new BundleInputException($"{path}:{e.Line}", $"{Echo(key)}.{Echo(e.Key)}: unknown field; a range mapping has exactly 'lo' and 'hi'");
                }
                double End(string end)
                {
                    var e = m.Entries.FirstOrDefault(x => x.Key == end)
                            ?? throw new BundleInputException($"{path}:{m.Line}", $"{key}: a range mapping needs '{end}' (it has {string.Join(", ", m.Entries.Select(x => $"'{x.Key}'"))})");
                    if (m.Entries.Count(x => x.Key == end) > 1) throw new BundleInputException($"{path}:{e.Line}", $"{key}.{end} is given twice");
                    if (e.Value is ScalarNode sv && Interval.TryParse(sv.Text, out var point, out _) && point.IsPoint) return point.Lo;
                    throw new BundleInputException($"{path}:{e.Value.Line}", $"{key}.{end}: {Describe(e.Value)}; expected a number");
                }
                double lo = End("lo"), hi = End("hi");
                if (lo > hi) throw new BundleInputException($"{path}:{m.Line}", $"{key}: lo {Interval.Format(lo)} is greater than hi {Interval.Format(hi)}");
                return new Interval(lo, hi);
            }
            default:
                throw new BundleInputException($"{path}:{node.Line}", $"{key}: {Describe(node)}; {Expected}");
        }
    }

    private static string Describe(Node node) => node switch
    {
        ScalarNode s => $"'{Echo(s.Text)}' is not a number",
        MapNode => "is a mapping",
        OtherNode o => $"is {o.Kind}",
        _ => "is not a value",
    };

    private static List<Entry> ParseJson(string path, byte[] bytes)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++) if (bytes[i] == '\n') lineStarts.Add(i + 1);
        int LineOf(long offset)
        {
            int idx = lineStarts.BinarySearch((int)offset);
            return (idx >= 0 ? idx : ~idx - 1) + 1;
        }
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        int bom = bytes.Length - span.Length;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read()) throw new BundleInputException(path, "is empty; expected a JSON object of name: value pairs");
            var root = ReadJson(ref reader, l => LineOf(l + bom));
            if (reader.Read()) throw new BundleInputException($"{path}:{LineOf(reader.TokenStartIndex + bom)}", "has content after the top-level object");
            return root is MapNode m ? [.. m.Entries] : throw new BundleInputException($"{path}:{root.Line}", $"the top level {Describe(root)}; expected a JSON object of name: value pairs");
        }
        catch (JsonException e)
        {
            throw new BundleInputException($"{path}:{(e.LineNumber ?? 0) + 1}", $"is not valid JSON: {FirstSentence(e.Message)}");
        }
    }

    private static Node ReadJson(ref Utf8JsonReader reader, Func<long, int> lineOf)
    {
        int line = lineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return new ScalarNode(line, Encoding.UTF8.GetString(reader.ValueSpan), false);
            case JsonTokenType.String:
                return new ScalarNode(line, reader.GetString() ?? "", true);
            case JsonTokenType.True or JsonTokenType.False:
                return new OtherNode(line, "a boolean");
            case JsonTokenType.Null:
                return new OtherNode(line, "null");
            case JsonTokenType.StartArray:
                reader.Skip();
                return new OtherNode(line, "a list");
            case JsonTokenType.StartObject:
            {
                var entries = new List<Entry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString() ?? "";
                    int keyLine = lineOf(reader.TokenStartIndex);
                    reader.Read();
                    entries.Add(new Entry(key, keyLine, ReadJson(ref reader, lineOf)));
                }
                return new MapNode(line, entries);
            }
            default:
                return new OtherNode(line, $"a JSON {reader.TokenType}");
        }
    }

    private static List<Entry> ParseYaml(string path, byte[] bytes)
    {
        var stream = new YamlStream();
        var yaml = InputFile.Decode(path, bytes);
        if (YamlLimits.Violation(yaml) is { } limit) throw new BundleInputException($"{path}:{limit.Line}", limit.Message);
        try
        {
            using var text = new StringReader(yaml);
            stream.Load(text);
        }
        catch (YamlException e)
        {
            var inner = e.InnerException?.Message;
            var line = (inner ?? e.Message).Contains("tab", StringComparison.OrdinalIgnoreCase) && YamlLimits.FirstTabIndentedLine(yaml) is { } tabLine ? tabLine : e.Start.Line;
            throw new BundleInputException($"{path}:{line}", $"is not valid YAML: {FirstSentence(inner ?? e.Message)}");
        }
        if (stream.Documents.Count == 0) throw new BundleInputException(path, "is empty; expected a mapping of name: value pairs");
        if (stream.Documents.Count > 1) throw new BundleInputException($"{path}:{stream.Documents[1].RootNode.Start.Line}", "holds more than one YAML document");
        var root = FromYaml(stream.Documents[0].RootNode);
        return root is MapNode m ? [.. m.Entries] : throw new BundleInputException($"{path}:{root.Line}", $"the top level {Describe(root)}; expected a mapping of name: value pairs");
    }

    private static Node FromYaml(YamlNode node)
    {
        int line = (int)node.Start.Line;
        switch (node)
        {
            case YamlScalarNode s:
            {
                var text = s.Value ?? "";
                bool plain = s.Style is ScalarStyle.Plain or ScalarStyle.Any;
                if (plain && text is "" or "~" or "null" or "Null" or "NULL") return new OtherNode(line, "null");
                if (plain && text.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off") return new OtherNode(line, "a boolean");
                return new ScalarNode(line, text, !plain);
            }
            case YamlMappingNode m:
                return new MapNode(line, m.Children.Select(kv => new Entry(
                    kv.Key is YamlScalarNode k ? k.Value ?? "" : kv.Key.ToString(), (int)kv.Key.Start.Line, FromYaml(kv.Value))).ToList());
            case YamlSequenceNode:
                return new OtherNode(line, "a list");
            default:
                return new OtherNode(line, "an alias or unknown node");
        }
    }

    private static string FirstSentence(string message)
    {
        var s = message.Split('\n')[0].Trim();
        return s.EndsWith('.') ? s[..^1] : s;
    }

    /// <summary>The longest key "did you mean" compares: a longer one cannot be a typo of a name (every name is under 60 characters).</summary>
    public const int MaxSuggestedKeyLength = 100;

    /// <summary>A key or value as an error line echoes it: at most about 80 characters, control characters shown as '?'.</summary>
    internal static string Echo(string text)
    {
        var cut = text.Length <= 80 ? text : $"{text[..60]}...({text.Length} chars)";
        return new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    private static string? Closest(string key, IEnumerable<string> names)
    {
        if (key.Length > MaxSuggestedKeyLength) return null;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var n in names.Order(StringComparer.Ordinal))
        {
            int d = Distance(key, n);
            if (d < bestDistance) (best, bestDistance) = (n, d);
        }
        return bestDistance <= Math.Max(2, key.Length / 5) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
