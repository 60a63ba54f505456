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

/// <summary>One validated override of one place (an input or a table cell).</summary>
/// <param name="Name">The overridden place's name.</param>
/// <param name="Value">The reviewer's value for this place.</param>
/// <param name="Line">Line of the file it was read from (1-based).</param>
/// <param name="Replaces">The value it replaces, or null where data/ has none (a Table 1 "n/a").</param>
/// <param name="Given">The name the file gave: the place's own name, or the quantity name that set it (data/related_inputs.csv); null means <paramref name="Name"/>.</param>
/// <param name="Why">The reviewer's rationale (<c>why:</c> in the file), empty when none was given.</param>
public sealed record AssumptionOverride(string Name, Interval Value, int Line, Interval? Replaces, string? Given = null, string Why = "")
{
    /// <summary>The name as the file gave it (a quantity name or the place's own name).</summary>
    public string Key => Given ?? Name;
}

/// <summary>One name as the assumptions file gives it, with the places it sets (issue 25).</summary>
/// <param name="Key">The name in the file: a quantity name (data/related_inputs.csv) or one place's name.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Line">Its line in the file.</param>
/// <param name="Why">The reviewer's rationale, empty when none was given.</param>
/// <param name="IsQuantity">True for a quantity name.</param>
/// <param name="Sets">The places it sets, each with the value it gets (a single-number place of a range gets the range's midpoint, as Appendix C takes midpoints).</param>
/// <param name="LeftToMoreSpecific">Places of the quantity that a more specific name of the same file sets instead.</param>
public sealed record AssumptionEntry(string Key, Interval Value, int Line, string Why, bool IsQuantity, IReadOnlyList<AssumptionOverride> Sets,
    IReadOnlyList<string> LeftToMoreSpecific);

/// <summary>
/// A reviewer's own assumptions (<c>reproduce --assumptions FILE</c>): a JSON or YAML mapping from overridable names
/// to values, validated against the names and domains of data/ and merged into <see cref="PaperData"/>.
/// </summary>
/// <remarks>
/// The file is one flat mapping from names to values. A name is a quantity name of data/related_inputs.csv, which sets
/// every place it groups, or one place's own name; the more specific name wins. A value is a number (<c>50</c>), a range
/// as a string (<c>"0.5-0.8"</c>), a mapping with <c>lo</c> and <c>hi</c> (<c>{lo: 10000, hi: 30000}</c>) or a mapping
/// with <c>value</c>; either mapping may add <c>why</c>, the reviewer's rationale, which review.md quotes:
/// <code>
/// # my-assumptions.yaml
/// h100.decode_tok_s: {value: 40, why: "MLPerf v5.0 shows 40 tok/s"}
/// utilization: "0.5-0.8"
/// asic.capex_usd: {lo: 10000, hi: 30000, why: "packaging at 3 nm costs more"}
/// appc.h100.utilization: 0.7
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

    /// <summary>The overrides of single places, in file order (a quantity name gives one per place it sets).</summary>
    public IReadOnlyList<AssumptionOverride> Items { get; }

    /// <summary>The names as the file gives them, in file order, each with the places it sets.</summary>
    public IReadOnlyList<AssumptionEntry> Entries { get; }

    private AssumptionOverrides(string path, string sha256, IReadOnlyList<AssumptionOverride> items, IReadOnlyList<AssumptionEntry>? entries = null)
    {
        FilePath = path;
        Sha256 = sha256;
        Items = items;
        Entries = entries ?? [.. items.GroupBy(i => i.Key, StringComparer.Ordinal).Select(g =>
            new AssumptionEntry(g.Key, g.First().Value, g.First().Line, g.First().Why, g.Key != g.First().Name || g.Count() > 1, [.. g], []))];
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
        var related = RelatedInputs.Load(data.DataDirectory, data);
        var read = new List<(string Key, int Line, Interval Value, string Why, IReadOnlyList<OverridableName> Places)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var at = $"{path}:{e.Line}";
            if (seen.TryGetValue(e.Key, out var first))
            {
                throw new BundleInputException(at, $"'{Echo(e.Key)}' is given twice (first at line {first})");
            }
            seen[e.Key] = e.Line;
            var quantity = related.Quantity(e.Key);
            if (!known.TryGetValue(e.Key, out var name) && quantity is null)
            {
                throw new BundleInputException(at, $"unknown name '{Echo(e.Key)}'{DidYouMean(e.Key, known.Keys.Concat(related.Quantities.Select(q => q.Name)))}; the names that can be overridden are listed in data/README.md");
            }
            var (value, why) = ReadValue(path, e.Key, e.Value);
            IReadOnlyList<OverridableName> places = quantity is null ? [name!] : [.. quantity.Places.Select(p => known[p.Name])];
            foreach (var place in places)
            {
                var what = quantity is null ? e.Key : $"{e.Key} (through {place.Name})";
                if (InputCatalog.Violation(place.Domain, value) is { } violation)
                {
                    throw new BundleInputException(at, $"{what} = {value} {violation} (allowed: {place.Allowed} {place.Unit}; data/ has {Show(place.Current)})");
                }
                if (quantity is null && place.PointOnly && !value.IsPoint)
                {
                    throw new BundleInputException(at, $"{e.Key} = {value} must be a single number, not a range: it is a value of an Appendix C worked example (allowed: {place.Allowed} {place.Unit}; data/ has {Show(place.Current)})");
                }
            }
            read.Add((e.Key, e.Line, value, why, places));
        }
        // Each place takes its value from the most specific name that covers it: its own name, else the quantity with the fewest places.
        var winner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in read.OrderBy(r => known.ContainsKey(r.Key) ? 0 : r.Places.Count))
        {
            foreach (var p in r.Places) winner.TryAdd(p.Name, r.Key);
        }
        var items = new List<AssumptionOverride>();
        var given = new List<AssumptionEntry>();
        foreach (var r in read)
        {
            bool isQuantity = !known.ContainsKey(r.Key);
            var sets = r.Places.Where(p => winner[p.Name] == r.Key)
                .Select(p => new AssumptionOverride(p.Name, p.PointOnly && !r.Value.IsPoint ? Interval.Point(r.Value.Midpoint) : r.Value, r.Line, p.Current,
                    isQuantity ? r.Key : null, r.Why)).ToList();
            items.AddRange(sets);
            given.Add(new AssumptionEntry(r.Key, r.Value, r.Line, r.Why, isQuantity, sets, [.. r.Places.Where(p => winner[p.Name] != r.Key).Select(p => p.Name)]));
        }
        return new AssumptionOverrides(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), items, given);
    }

    private static string Show(Interval? v) => v?.ToString() ?? "n/a";

    /// <summary>
    /// One override made in code, not read from a file (<c>explain NAME</c> perturbs one name); <paramref name="label"/> stands
    /// where a file name would. The name and value must already be valid (<see cref="Names"/>).
    /// </summary>
    public static AssumptionOverrides Single(string label, string name, Interval value, Interval? replaces) =>
        new(label, "", [new AssumptionOverride(name, value, 0, replaces)]);

    /// <summary>
    /// Overrides of single places made in code (<c>explain</c> perturbs the places of one name); <paramref name="label"/> stands
    /// where a file name would. The names and values must already be valid (<see cref="Names"/>).
    /// </summary>
    public static AssumptionOverrides FromItems(string label, IReadOnlyList<AssumptionOverride> items) => new(label, "", items);

    /// <summary>
    /// The same file's overrides restricted to what the file's name <paramref name="key"/> sets (a quantity name's places, or
    /// one place), to see what one name of the file reaches.
    /// </summary>
    public AssumptionOverrides Only(string key) => new(FilePath, Sha256, [.. Items.Where(o => o.Key == key)], [.. Entries.Where(e => e.Key == key)]);

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
        sb.Append("`reproduce --assumptions FILE` (and `density`, `explain`, `uncertainty`, `break-even`, the notebooks and their twins through\n");
        sb.Append("`REPROBUNDLE_ASSUMPTIONS`) read a reviewer's JSON or YAML file: one flat mapping from the names below to values.\n");
        sb.Append("A value is a number (`50`), a range as a string (`\"0.5-0.8\"`), a mapping `{lo: 0.5, hi: 0.8}` or a mapping\n");
        sb.Append("`{value: 0.5}`, in the unit shown; either mapping may add `why: \"...\"`, the reviewer's rationale, which `review.md`\n");
        sb.Append("quotes. Unknown names (with the nearest known names), other types (booleans, lists, null, text that is not a\n");
        sb.Append("number), values outside the allowed range and ranges for single-number names are rejected with the file, line,\n");
        sb.Append("key and allowed range (exit code 2, nothing written). Every output and audit verdict is then recomputed from the\n");
        sb.Append("merged inputs, and MANIFEST.json records the file's SHA-256. Names under `appc.` are the Appendix C worked\n");
        sb.Append("examples and take single numbers only. `table1.<platform>.<column>` and `table2.<metric>.<h100|asic>` replace one\n");
        sb.Append("cell of Table 1 or Table 2 as printed.\n\n");
        sb.Append("A **quantity name** sets every place of the paper that states the same quantity (`related_inputs.csv`). A range given to\n");
        sb.Append("a quantity sets the single-number places (Appendix C's worked examples) to its midpoint, as Appendix C takes midpoints.\n");
        sb.Append("A place can still be set by its own name: the more specific name wins (a place's own name over a quantity name, a\n");
        sb.Append("quantity with fewer places over one with more), and the console, the site and `review.md` say which.\n\n");
        sb.Append("Every input of data/inputs.csv is accepted, and each changes at least one output (a test overrides every name\n");
        sb.Append("and checks that some output file changes).\n\n");
        sb.Append("```yaml\n# my-assumptions.yaml\nh100.decode_tok_s: {value: 40, why: \"newer MLPerf runs decode faster\"}\nutilization: 0.5\n");
        sb.Append("asic.capex_usd: {lo: 10000, hi: 30000}\nappc.asic.utilization: 0.8\n```\n\n");
        sb.Append("### Quantity names\n\n| quantity name | sets | where the paper states it |\n|---|---|---|\n");
        foreach (var q in RelatedInputs.Load(data.DataDirectory, data).Quantities)
        {
            sb.Append($"| `{q.Name}` | {string.Join(", ", q.Places.Select(p => $"`{p.Name}`"))} | {Cell(string.Join("; ", q.Places.Select(p => p.Reason)))} |\n");
        }
        sb.Append("\n### Places\n\n");
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

    private const string Expected = "expected a number, a range \"lo-hi\", {lo, hi} or {value}, each mapping with an optional why";

    /// <summary>The longest rationale a <c>why:</c> may hold (characters): a sentence or two for review.md, not a document.</summary>
    public const int MaxWhyLength = 1000;

    private static (Interval Value, string Why) ReadValue(string path, string key, Node node)
    {
        switch (node)
        {
            case ScalarNode s:
                return (Scalar(path, key, s), "");
            case MapNode m:
            {
                foreach (var e in m.Entries.Where(e => e.Key is not ("lo" or "hi" or "value" or "why")))
                {
                    throw new BundleInputException($"{path}:{e.Line}", $"{Echo(key)}.{Echo(e.Key)}: unknown field; a value mapping has 'value' or 'lo' and 'hi', and may have 'why'");
                }
                foreach (var g in m.Entries.GroupBy(e => e.Key).Where(g => g.Count() > 1))
                {
                    throw new BundleInputException($"{path}:{g.Last().Line}", $"{key}.{g.Key} is given twice");
                }
                Entry? Field(string name) => m.Entries.FirstOrDefault(x => x.Key == name);
                var why = "";
                if (Field("why") is { } w)
                {
                    why = w.Value is ScalarNode ws ? ws.Text.Trim() : throw new BundleInputException($"{path}:{w.Value.Line}", $"{key}.why {Describe(w.Value)}; expected text");
                    if (why.Length > MaxWhyLength) throw new BundleInputException($"{path}:{w.Value.Line}", $"{key}.why is {why.Length} characters long; at most {MaxWhyLength} are kept");
                }
                if (Field("value") is { } v)
                {
                    if (Field("lo") is not null || Field("hi") is not null)
                    {
                        throw new BundleInputException($"{path}:{m.Line}", $"{key}: give either 'value' or 'lo' and 'hi', not both");
                    }
                    return v.Value is ScalarNode vs ? (Scalar(path, key, vs), why) : throw new BundleInputException($"{path}:{v.Value.Line}", $"{key}.value {Describe(v.Value)}; expected a number or a range \"lo-hi\"");
                }
                double End(string end)
                {
                    var e = Field(end) ?? throw new BundleInputException($"{path}:{m.Line}", $"{key}: a value mapping needs 'value' or 'lo' and 'hi' (it has {string.Join(", ", m.Entries.Select(x => $"'{Echo(x.Key)}'"))})");
                    if (e.Value is ScalarNode sv && Interval.TryParse(sv.Text, out var point, out _) && point.IsPoint) return point.Lo;
                    throw new BundleInputException($"{path}:{e.Value.Line}", $"{key}.{end}: {Describe(e.Value)}; expected a number");
                }
                double lo = End("lo"), hi = End("hi");
                if (lo > hi) throw new BundleInputException($"{path}:{m.Line}", $"{key}: lo {Interval.Format(lo)} is greater than hi {Interval.Format(hi)}");
                return (new Interval(lo, hi), why);
            }
            default:
                throw new BundleInputException($"{path}:{node.Line}", $"{key}: {Describe(node)}; {Expected}");
        }
    }

    private static Interval Scalar(string path, string key, ScalarNode s) =>
        Interval.TryParse(s.Text, out var v, out var error) ? v : throw new BundleInputException($"{path}:{s.Line}", $"{Echo(key)}: {Echo(error)}; {Expected}");

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

    /// <summary>How many known names a "did you mean" lists at most.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>
    /// The known names nearest to <paramref name="key"/>, best first (issue 25): ranked by edit distance to the whole name or,
    /// one step dearer, to a dotted tail of it (so <c>h100.tok_s</c> finds <c>appc.h100.tok_s</c> and <c>utilisation</c> the
    /// utilization names), ties in ordinal order; only names within a third of the key's length (at least 3 edits) are kept.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string key, IEnumerable<string> names, int count = MaxSuggestions)
    {
        if (key.Length > MaxSuggestedKeyLength) return [];
        int limit = Math.Max(3, key.Length / 3);
        static int Score(string key, string name)
        {
            int best = Distance(key, name);
            for (int i = name.IndexOf('.'); i >= 0 && best > 1; i = name.IndexOf('.', i + 1))
            {
                best = Math.Min(best, Distance(key, name[(i + 1)..]) + 1);
            }
            return best;
        }
        return [.. names.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Score: Score(key, n))).Where(x => x.Score <= limit)
            .OrderBy(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal).Take(count).Select(x => x.Name)];
    }

    /// <summary>" (did you mean 'a', 'b' or 'c'?)" with the nearest names (<see cref="Nearest"/>), or empty when none is near.</summary>
    public static string DidYouMean(string key, IEnumerable<string> names)
    {
        var near = Nearest(key, names);
        if (near.Count == 0) return "";
        var quoted = near.Select(n => $"'{n}'").ToList();
        return $" (did you mean {(quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}")}?)";
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
