using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace ReproBundle.Registry;

/// <summary>What a lint run found: the entries that parsed cleanly, and every problem (errors and warnings).</summary>
/// <param name="Entries">Entries without errors, ordered by number.</param>
/// <param name="Problems">Every problem, ordered by file then line.</param>
public sealed record RegistryLintResult(IReadOnlyList<RegistryEntry> Entries, IReadOnlyList<RegistryProblem> Problems)
{
    /// <summary>True when any problem is an error.</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The errors only.</summary>
    public IEnumerable<RegistryProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>
/// The registry's schema lint (§7: "automated lint (schema check) in CI"). Each entry's front matter is
/// validated against the JSON Schema of its <c>schema_version</c> (<c>data/schemas/registry-vX.schema.json</c>,
/// with JsonSchema.Net, so other tools can reuse the schema), then checked for what a schema cannot express:
/// id matching the file name, unique ids, unknown fields, citation keys that resolve in <c>references.bib</c>,
/// <c>depends_on</c> targets that exist and form no cycle, valid dates, and near-duplicate entries (a warning).
/// Every problem is reported, each with the line of its field.
/// </summary>
public static partial class RegistryLint
{
    /// <summary>
    /// Jaccard similarity of the content words of two entries' names and known solutions at or above which
    /// the lint warns of a near-duplicate. Bundle choice: on the seed registry B6/B16 score 0.20 and the next
    /// pair 0.10, so 0.15 separates the paper's one duplicate from the rest.
    /// </summary>
    public const double NearDuplicateThreshold = 0.15;

    private static readonly Dictionary<string, (string Text, JsonSchema Schema, IReadOnlyList<string> Fields)> SchemaCache = new(StringComparer.Ordinal);

    /// <summary>The longest text a registry field may hold [characters].</summary>
    public const int MaxFieldChars = 2000;

    /// <summary>The longest printed type [characters]; each of its type tags names a feed file.</summary>
    public const int MaxTypeChars = 80;

    /// <summary>The longest type tag [characters] (a tag becomes the feed file name <c>type-&lt;tag&gt;.xml</c>).</summary>
    public const int MaxTypeTagChars = 40;

    /// <summary>The largest <c>review_cadence_days</c> accepted (ten years).</summary>
    public const long MaxReviewCadenceDays = 3650;

    private static string Shown(string text) => Data.AssumptionOverrides.Echo(text);

    /// <summary>
    /// Every string of the front matter: no control characters (an error: they break the Atom feeds), at most
    /// <see cref="MaxFieldChars"/> characters, the type at most <see cref="MaxTypeChars"/> with tags of at most
    /// <see cref="MaxTypeTagChars"/> (errors); text that reads as an HTML tag or comment ('&lt;' followed by a letter, '/',
    /// '!' or '?') is a warning, since every page, feed and figure shows it escaped, as text.
    /// </summary>
    private static void CheckText(JsonNode? node, string pointer, List<RegistryProblem> problems, string file, FrontMatter fm)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    var childPointer = $"{pointer}/{FrontMatter.Escape(k)}";
                    if (k.Any(char.IsControl) || k.Length > 100) problems.Add(new(file, fm.LineOf(childPointer), Shown(k), "a field name with control characters or over 100 characters"));
                    CheckText(v, childPointer, problems, file, fm);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) CheckText(a[i], $"{pointer}/{i}", problems, file, fm);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
            {
                var text = v.GetValue<string>();
                var field = FrontMatter.FieldPath(pointer);
                int line = fm.LineOf(pointer);
                var control = text.AsSpan().IndexOfAnyInRange('\0', '\u001f');
                if (control < 0) control = text.IndexOf('\u007f');
                if (control >= 0)
                {
                    problems.Add(new(file, line, field, $"holds the control character U+{(int)text[control]:X4}; registry text is one line of printable characters"));
                }
                if (MarkupLike().Match(text) is { Success: true } m)
                {
                    // A warning: every page and figure shows the text escaped, as text; the lint only points a reviewer at it.
                    problems.Add(new(file, line, field, $"holds markup-like text '{Shown(text.Substring(m.Index, Math.Min(20, text.Length - m.Index)))}'; it is shown as text, never as markup; write '<' as 'less than' if a tag was not meant",
                        ProblemSeverity.Warning));
                }
                if (text.Length > MaxFieldChars)
                {
                    problems.Add(new(file, line, field, $"is {text.Length} characters long, more than the {MaxFieldChars} allowed"));
                }
                if (pointer == "/type")
                {
                    if (text.Length > MaxTypeChars) problems.Add(new(file, line, field, $"is {text.Length} characters long, more than the {MaxTypeChars} a type may have"));
                    else if (Taxonomy.TypeTags(text).FirstOrDefault(t => t.Length > MaxTypeTagChars) is { } tag)
                    {
                        problems.Add(new(file, line, field, $"type tag '{Shown(tag)}' is {tag.Length} characters long, more than the {MaxTypeTagChars} a tag (and its feed file name) may have"));
                    }
                }
                break;
            }
        }
    }

    [GeneratedRegex(@"<[A-Za-z/!?]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupLike();

    /// <summary>The schema file name of version <paramref name="version"/> (<c>registry-v0.2.schema.json</c>).</summary>
    public static string SchemaFileName(string version) => $"registry-{version}.schema.json";

    /// <summary>Lints every <c>*.md</c> file of <paramref name="registryDirectory"/> except <c>README.md</c>.</summary>
    /// <param name="registryDirectory">Folder of the entry files.</param>
    /// <param name="schemaDirectory">Folder of the JSON Schemas, one per schema version.</param>
    /// <param name="referenceKeys">Keys defined in <c>references.bib</c>.</param>
    public static RegistryLintResult Run(string registryDirectory, string schemaDirectory, IReadOnlySet<string> referenceKeys)
    {
        var problems = new List<RegistryProblem>();
        var entries = new List<RegistryEntry>();
        var idLines = new List<(RegistryEntry Entry, int IdLine, Dictionary<string, int> DependsLines)>();
        if (!Directory.Exists(registryDirectory))
        {
            return new([], [new(registryDirectory, 0, "file", "registry folder not found")]);
        }
        var files = Directory.EnumerateFiles(registryDirectory, "*.md")
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) problems.Add(new(registryDirectory, 0, "file", "no entry files (Bnn.md) found"));
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var fileProblems = new List<RegistryProblem>();
            var entry = LintFile(file, schemaDirectory, referenceKeys, fileProblems, out var rawId, out var idLine, out var dependsLines);
            if (rawId is not null)
            {
                if (seenIds.TryGetValue(rawId, out var other))
                {
                    fileProblems.Add(new(file, idLine, "id", $"id {rawId} is already used by {Path.GetFileName(other)}"));
                }
                else
                {
                    seenIds[rawId] = file;
                }
            }
            problems.AddRange(fileProblems);
            if (entry is not null && fileProblems.All(p => p.Severity != ProblemSeverity.Error))
            {
                entries.Add(entry);
                idLines.Add((entry, idLine, dependsLines));
            }
        }

        // depends_on: targets exist (among all ids seen, even in files with other errors) and no cycle.
        foreach (var (entry, _, dependsLines) in idLines)
        {
            for (var i = 0; i < entry.DependsOn.Count; i++)
            {
                var target = entry.DependsOn[i].Id;
                var line = dependsLines.GetValueOrDefault($"/depends_on/{i}/id", 1);
                if (target == entry.Id) problems.Add(new(entry.FilePath, line, $"depends_on[{i}].id", $"{entry.Id} cannot depend on itself"));
                else if (!seenIds.ContainsKey(target)) problems.Add(new(entry.FilePath, line, $"depends_on[{i}].id", $"depends on {target}, which is not in the registry"));
            }
        }
        foreach (var cycle in DependencyGraph.FindCycles(entries.Where(e => e.DependsOn.All(d => d.Id != e.Id)).ToList()))
        {
            var first = idLines.First(x => x.Entry.Id == cycle[0]);
            var edgeIndex = first.Entry.DependsOn.ToList().FindIndex(d => d.Id == cycle[1]);
            problems.Add(new(first.Entry.FilePath, first.DependsLines.GetValueOrDefault($"/depends_on/{edgeIndex}/id", 1), $"depends_on[{edgeIndex}].id",
                $"dependency cycle {string.Join(" -> ", cycle)}"));
        }

        // Near-duplicates: a warning on the later entry of each pair found, at most one per entry and a bounded number in all.
        var ordered = entries.OrderBy(e => e.Number).ToList();
        var lineOf = idLines.ToDictionary(x => x.Entry.Id, x => x.DependsLines.GetValueOrDefault("/name", x.IdLine), StringComparer.Ordinal);
        var near = NearDuplicates.Find(ordered, NearDuplicateThreshold);
        string Threshold(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var m in near.Shown)
        {
            var (earlier, later) = (ordered[m.Earlier], ordered[m.Later]);
            var shared = string.Join(", ", ContentWords(earlier).Intersect(ContentWords(later)).Order(StringComparer.Ordinal));
            var alsoOthers = m.OtherEarlier > 0 ? $"; it also resembles at least {m.OtherEarlier} other earlier entr{(m.OtherEarlier == 1 ? "y" : "ies")}" : "";
            problems.Add(new(later.FilePath, lineOf[later.Id], "name",
                $"{later.Id} may duplicate {earlier.Id} (\"{earlier.Name}\"): names and known solutions share {shared} (similarity {Threshold(m.Similarity)} >= {Threshold(NearDuplicateThreshold)}){alsoOthers}; merge them or say how they differ",
                ProblemSeverity.Warning));
        }
        if (near.NotShown > 0)
        {
            var first = ordered[near.FirstNotShown];
            problems.Add(new(first.FilePath, lineOf[first.Id], "name",
                $"{first.Id} and {near.NotShown - 1} more entr{(near.NotShown == 2 ? "y" : "ies")} after it may duplicate an earlier one (only the first {NearDuplicates.MaxWarnings} near-duplicate warnings are listed)",
                ProblemSeverity.Warning));
        }
        var sorted = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Field, StringComparer.Ordinal).ToList();
        return new(ordered, sorted);
    }

    /// <summary>The content words (lower case, three letters or more, no stop words) of an entry's name and known solutions.</summary>
    public static IReadOnlySet<string> ContentWords(RegistryEntry e)
    {
        var words = Word().Matches(string.Join(' ', e.KnownSolutions.Prepend(e.Name)).ToLowerInvariant()).Select(m => m.Value);
        return words.Where(w => w.Length > 2 && !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly HashSet<string> StopWords = new(["the", "for", "and", "not", "yet", "with", "per"], StringComparer.Ordinal);

    /// <summary>Jaccard similarity of <see cref="ContentWords"/> of two entries.</summary>
    public static double Similarity(RegistryEntry a, RegistryEntry b)
    {
        var wa = ContentWords(a);
        var wb = ContentWords(b);
        var union = wa.Union(wb).Count();
        return union == 0 ? 0 : (double)wa.Intersect(wb).Count() / union;
    }

    private static (JsonSchema Schema, IReadOnlyList<string> Fields) LoadSchema(string path)
    {
        var text = Data.InputFile.ReadText(path);
        lock (SchemaCache)
        {
            if (SchemaCache.TryGetValue(path, out var cached) && cached.Text == text) return (cached.Schema, cached.Fields);
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.FromText(text, options);
            var fields = (JsonNode.Parse(text)?["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
            SchemaCache[path] = (text, schema, fields);
            return (schema, fields);
        }
    }

    private static RegistryEntry? LintFile(string file, string schemaDirectory, IReadOnlySet<string> referenceKeys, List<RegistryProblem> problems,
        out string? rawId, out int idLine, out Dictionary<string, int> lines)
    {
        rawId = null;
        idLine = 1;
        lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var fileName = Path.GetFileName(file);
        var nameMatch = FileNamePattern().Match(fileName);
        if (!nameMatch.Success)
        {
            problems.Add(new(file, 1, "file", $"file name '{fileName}' must be B followed by a two-digit number and .md (B01.md holds B1)"));
        }
        string text;
        try
        {
            text = Data.InputFile.ReadText(file);
        }
        catch (Data.BundleInputException e)
        {
            var at = e.Location.StartsWith(file + ":", StringComparison.Ordinal) && int.TryParse(e.Location.AsSpan(file.Length + 1), out var l) ? l : 1;
            problems.Add(new(file, at, "file", e.Problem));
            return null;
        }
        var fm = FrontMatter.Parse(file, text, problems);
        if (fm is null) return null;
        var root = fm.Root;
        foreach (var key in new[] { "", "/id", "/name", "/schema_version" }) lines[key] = fm.LineOf(key);
        idLine = fm.LineOf("/id");
        int L(string pointer) => fm.LineOf(pointer);

        // Which schema.
        var version = root["schema_version"] is JsonValue sv && sv.TryGetValue<string>(out var v) ? v : null;
        var schemaPath = version is null ? null : Path.Combine(schemaDirectory, SchemaFileName(version));
        if (version is null)
        {
            problems.Add(new(file, L("/schema_version"), "schema_version", root.ContainsKey("schema_version")
                ? "must be a schema version such as v0.1 or v0.2" : "required field is missing"));
        }
        else if (!VersionPattern().IsMatch(version) || !File.Exists(schemaPath))
        {
            var known = Directory.Exists(schemaDirectory)
                ? string.Join(", ", Directory.EnumerateFiles(schemaDirectory, "registry-v*.schema.json").Select(f => SchemaVersionOf(Path.GetFileName(f))).Order(StringComparer.Ordinal))
                : "";
            problems.Add(new(file, L("/schema_version"), "schema_version", $"'{version}' is not a known schema version (known: {known}; schemas are read from {schemaDirectory})"));
            schemaPath = null;
        }

        // Checks a schema cannot express, first: their messages are the more precise ones.
        var own = new List<RegistryProblem>();
        if (schemaPath is not null)
        {
            var (_, allowed) = LoadSchema(schemaPath);
            foreach (var (key, _) in root)
            {
                if (!allowed.Contains(key))
                {
                    own.Add(new(file, L($"/{FrontMatter.Escape(key)}"), key, $"unknown field (schema {version} allows: {string.Join(", ", allowed)})"));
                }
            }
        }
        string? id = root["id"] is JsonValue iv && iv.TryGetValue<string>(out var idText) ? idText : null;
        if (id is not null)
        {
            if (IdPattern().IsMatch(id)) rawId = id;
            if (!IdPattern().IsMatch(id))
            {
                own.Add(new(file, L("/id"), "id", $"'{id}' is not a well-formed id (B followed by a number without leading zeros, e.g. B7)"));
            }
            else if (nameMatch.Success && int.Parse(nameMatch.Groups[1].Value, CultureInfo.InvariantCulture) != int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture))
            {
                own.Add(new(file, L("/id"), "id", $"{fileName} holds id {id}; the file of {id} is {ExpectedFileName(id)}"));
            }
        }
        foreach (var (field, max) in new[] { ("difficulty", 5L), ("priority", 5L), ("review_cadence_days", MaxReviewCadenceDays) })
        {
            if (root[field] is not JsonValue n || n.GetValueKind() != JsonValueKind.Number) continue;
            if (!n.TryGetValue<long>(out var value))
            {
                own.Add(new(file, L($"/{field}"), field, $"{Shown(n.ToJsonString())} is not a whole number in range 1-{max}"));
            }
            else if (value < 1 || value > max)
            {
                own.Add(new(file, L($"/{field}"), field, max == 5 ? $"{value} is out of range: {field} is rated 1-5" : $"{value} is out of range: {field} must lie in 1-{max}"));
            }
        }
        CheckText(root, "", own, file, fm);
        var statusDate = CheckDate(root["status_date"], "/status_date", "status_date");
        if (root["citations"] is JsonArray cites)
        {
            for (var i = 0; i < cites.Count; i++)
            {
                if (cites[i] is JsonValue c && c.TryGetValue<string>(out var key) && !referenceKeys.Contains(key))
                {
                    own.Add(new(file, L($"/citations/{i}"), $"citations[{i}]", $"'{key}' is not a key of references.bib"));
                }
            }
        }
        if (root["changelog"] is JsonArray log)
        {
            for (var i = 0; i < log.Count; i++) CheckDate(log[i]?["date"], $"/changelog/{i}/date", $"changelog[{i}].date");
        }
        if (root["depends_on"] is JsonArray deps)
        {
            for (var i = 0; i < deps.Count; i++) lines[$"/depends_on/{i}/id"] = L($"/depends_on/{i}/id");
        }
        problems.AddRange(own);

        // The JSON Schema.
        if (schemaPath is not null)
        {
            var (schema, _) = LoadSchema(schemaPath);
            var element = JsonSerializer.SerializeToElement(root);
            var results = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture });
            if (!results.IsValid)
            {
                foreach (var p in SchemaProblems(file, fm, root, results, Data.InputFile.ReadText(schemaPath)))
                {
                    if (!own.Any(o => o.Line == p.Line && o.Field == p.Field) && !problems.Contains(p)) problems.Add(p);
                }
            }
        }
        if (problems.Any(p => p.Severity == ProblemSeverity.Error)) return null;

        // Clean: build the entry.
        static string S(JsonNode? n) => n!.GetValue<string>();
        static IReadOnlyList<string> Strings(JsonNode? n) => n is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [];
        var unlock = root["estimated_unlock_value"];
        return new RegistryEntry(
            S(root["id"]), file, version!, S(root["name"]), S(root["type"]), TaxonomyGroupText.Parse(S(root["group"]))!.Value,
            Strings(root["known_solutions"]), Strings(root["blockers"]), (int)root["difficulty"]!.GetValue<long>(), (int)root["priority"]!.GetValue<long>(),
            S(root["status"]) == "resolved" ? EntryStatus.Resolved : EntryStatus.Open, statusDate!.Value, Strings(root["citations"]),
            root["depends_on"] is JsonArray da ? da.Select(d => new DependencyEdge(S(d!["id"]), S(d["basis"]), d["rationale"]?.GetValue<string>())).ToList() : [],
            S(root["source"]),
            root["changelog"] is JsonArray ca ? ca.Select(c => new ChangelogItem(S(c!["version"]), DateOnly.ParseExact(S(c["date"]), "yyyy-MM-dd", CultureInfo.InvariantCulture), S(c["change"]))).ToList() : [],
            unlock is null ? null : $"{S(unlock["value"])} ({S(unlock["basis"])}{(unlock["rationale"] is { } r ? ": " + r.GetValue<string>() : "")})",
            Strings(root["contributors"]), root["review_cadence_days"] is JsonValue rc && rc.TryGetValue<long>(out var days) ? (int)days : null,
            fm.Body);

        DateOnly? CheckDate(JsonNode? node, string pointer, string field)
        {
            if (node is JsonValue dv && dv.TryGetValue<string>(out var text) && DatePattern().IsMatch(text))
            {
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                own.Add(new(file, L(pointer), field, $"'{text}' is not a calendar date"));
            }
            return null;
        }
    }

    /// <summary>Maps JsonSchema.Net's list output to problems at the lines of the failing fields.</summary>
    private static IEnumerable<RegistryProblem> SchemaProblems(string file, FrontMatter fm, JsonObject root, EvaluationResults results, string schemaText)
    {
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.IsValid || detail.Errors is null) continue;
            // A failing "if" only selects "then"/"else"; it is not an error.
            if (detail.EvaluationPath.ToString().Split('/').Contains("if")) continue;
            var pointer = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (keyword == "required")
                {
                    var parent = Navigate(root, pointer) as JsonObject;
                    foreach (Match m in Quoted().Matches(message))
                    {
                        var name = m.Groups[1].Value;
                        if (parent is not null && parent.ContainsKey(name)) continue;
                        var field = FrontMatter.FieldPath(pointer + "/" + FrontMatter.Escape(name));
                        yield return new(file, fm.LineOf(pointer), field, "required field is missing");
                    }
                    continue;
                }
                var value = Navigate(root, pointer);
                var shown = value is null ? "null" : value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
                if (shown.Length > 60) shown = shown[..57] + "...";
                var text = keyword switch
                {
                    _ when message.Contains("false schema", StringComparison.Ordinal) => "unknown field (the schema allows no such field here)",
                    "enum" when SchemaKeyword(schemaText, detail, "enum") is JsonArray allowed => $"must be one of {string.Join(", ", allowed.Select(a => a?.ToJsonString()))}",
                    "const" when SchemaKeyword(schemaText, detail, "const") is { } expected => $"must be {expected.ToJsonString()}",
                    "pattern" when SchemaKeyword(schemaText, detail, "pattern") is { } pattern => $"does not match the pattern {pattern.GetValue<string>()}",
                    _ => message,
                };
                yield return new(file, fm.LineOf(pointer), FrontMatter.FieldPath(pointer), $"{text} (value: {shown})");
            }
        }
    }

    /// <summary>The value of <paramref name="keyword"/> in the subschema that produced <paramref name="detail"/>.</summary>
    private static JsonNode? SchemaKeyword(string schemaText, EvaluationResults detail, string keyword)
    {
        // Walk the evaluation path through the schema document. JsonSchema.Net 8.0.5 repeats the "items"
        // segment in these paths (/properties/depends_on/items/items/...), so a segment the current
        // subschema does not have is skipped rather than trusted.
        JsonNode? node = JsonNode.Parse(schemaText);
        foreach (var raw in detail.EvaluationPath.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var seg = raw.Replace("~1", "/").Replace("~0", "~");
            if (node is JsonObject o && o[seg] is { } next) node = next;
        }
        return node is JsonObject result ? result[keyword] : null;
    }

    private static JsonNode? Navigate(JsonNode? node, string pointer)
    {
        if (pointer.Length == 0) return node;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var seg = raw.Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject o => o[seg],
                JsonArray a when int.TryParse(seg, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        return node;
    }

    /// <summary>The file name an id must live in: B1 lives in B01.md.</summary>
    public static string ExpectedFileName(string id) =>
        $"B{int.Parse(id.AsSpan(1), CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture)}.md";

    private static string SchemaVersionOf(string schemaFileName) => schemaFileName["registry-".Length..^".schema.json".Length];

    [GeneratedRegex(@"^B([0-9]{2,})\.md$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^B[1-9][0-9]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^v[0-9]+\.[0-9]+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();
}
