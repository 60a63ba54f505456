using Xunit;
using ReproBundle.Cli;
using ReproBundle.Data;
using ReproBundle.Registry;

namespace ReproBundle.Tests.Registry;

public class RegistryLintTests
{
    [Fact]
    public void The_18_seed_entries_pass_the_lint_with_only_the_B6_B16_near_duplicate_warning()
    {
        var result = RegistryLint.Run(Path.Combine(RegistryTestData.DataDirectory, "registry"), Path.Combine(RegistryTestData.DataDirectory, "schemas"), RegistryTestData.ReferenceKeys());

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(18, result.Entries.Count);
        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"B{i}"), result.Entries.Select(e => e.Id));
        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.EndsWith("B16.md", warning.File);
        Assert.Equal(4, warning.Line);
        Assert.StartsWith("B16 may duplicate B6", warning.Message);
    }

    [Fact]
    public void Seed_entries_carry_the_printed_table_values_and_schema_versions()
    {
        var r = RegistryTestData.Seed();

        var b1 = r["B1"];
        Assert.Equal(("Memory-bandwidth wall (decode)", "Physics/Arch", 3, 5), (b1.Name, b1.Type, b1.Difficulty, b1.Priority));
        Assert.Equal(["SRAM-dominant designs (Cerebras/Groq)", "FP4 QAT", "MoE sparse activation"], b1.KnownSolutions);
        Assert.Equal(TaxonomyGroup.CoordinationOrEngineering, b1.Group);
        Assert.All(r.Entries.Where(e => e.Number <= 15), e => Assert.Equal("v0.1", e.SchemaVersion));
        Assert.All(r.Entries.Where(e => e.Number >= 16), e => Assert.Equal("v0.2", e.SchemaVersion));
        Assert.All(r.Entries, e => Assert.Equal((EntryStatus.Open, new DateOnly(2026, 4, 22)), (e.Status, e.StatusDate)));
        // Every dependency edge is a bundle inference with a rationale: the paper gives none.
        Assert.All(r.Entries.SelectMany(e => e.DependsOn), d => Assert.True(d.Basis == "bundle-inference" && !string.IsNullOrWhiteSpace(d.Rationale)));
        Assert.All(r.Entries, e => Assert.Null(e.EstimatedUnlockValue));
    }

    public static TheoryData<string, string, string, string[]> BrokenVariants => new()
    {
        { "B01.md", "difficulty: 3", "difficulty: 7", new[] { "B01.md:14: difficulty: 7 is out of range: difficulty is rated 1-5" } },
        { "B02.md", "priority: 5", "priority: high", new[] { "B02.md:15: priority: Value is \"string\" but should be \"integer\" (value: \"high\")" } },
        { "B03.md", "name: \"MoE router load imbalance\"", "", new[] { "B03.md:2: name: required field is missing" } },
        { "B04.md", "id: B4", "id: B5", new[] { "B04.md:3: id: B04.md holds id B5; the file of B5 is B05.md", "B05.md:3: id: id B5 is already used by B04.md", "B18.md:19: depends_on[0].id: depends on B4, which is not in the registry" } },
        { "B04.md", "  - liu2024spinquant", "  - nosuchkey2099", new[] { "B04.md:18: citations[0]: 'nosuchkey2099' is not a key of references.bib" } },
        { "B06.md", "status: open", "status: open\nowner: someone", new[] { "B06.md:18: owner: unknown field (schema v0.1 allows: schema_version, id, name, type, group, known_solutions, blockers, difficulty, priority, status, status_date, citations, source, changelog)" } },
        { "B01.md", "citations:", "depends_on:\n  - id: B4\n    basis: bundle-inference\n    rationale: test\ncitations:", new[] { "B01.md:18: depends_on: unknown field (schema v0.1 allows: schema_version, id, name, type, group, known_solutions, blockers, difficulty, priority, status, status_date, citations, source, changelog)" } },
        { "B10.md", "group: heavy-capital", "group: physics", new[] { "B10.md:6: group: must be one of \"algorithmic\", \"coordination-or-engineering\", \"heavy-capital\" (value: \"physics\")" } },
        { "B11.md", "status_date: 2026-04-22", "status_date: 2026-02-30", new[] { "B11.md:15: status_date: '2026-02-30' is not a calendar date" } },
        { "B11.md", "status: open", "status: closed", new[] { "B11.md:14: status: must be one of \"open\", \"resolved\" (value: \"closed\")" } },
        { "B12.md", "schema_version: v0.1", "schema_version: v0.9", new[] { "B12.md:2: schema_version: 'v0.9' is not a known schema version (known: v0.1, v0.2; schemas are read from {schemas})" } },
        { "B07.md", "id: B7", "id: B07", new[] { "B07.md:3: id: 'B07' is not a well-formed id (B followed by a number without leading zeros, e.g. B7)" } },
        { "B08.md", "  - \"MLIR\"", "  - \"\"", new[] { "B08.md:8: known_solutions[0]: Value should be at least 1 characters (value: \"\")" } },
        { "B18.md", "  - id: B4", "  - id: B99", new[] { "B18.md:19: depends_on[0].id: depends on B99, which is not in the registry" } },
        { "B18.md", "  - id: B4", "  - id: B18", new[] { "B18.md:19: depends_on[0].id: B18 cannot depend on itself" } },
        { "B16.md", "    basis: bundle-inference", "    basis: bundle-inference\n    rationale_missing: x", new[] { "B16.md:23: depends_on[0].rationale_missing: unknown field (the schema allows no such field here) (value: \"x\")" } },
        { "B14.md", "difficulty: 2", "difficulty: [2", new[] { "B14.md:13: front-matter: not valid YAML: the parser stopped after this line (Operation is not valid due to the current state of the object.)" } },
    };

    [Theory]
    [MemberData(nameof(BrokenVariants))]
    public void Each_broken_variant_is_rejected_with_its_precise_file_line_field_message(string file, string oldLine, string newLine, string[] expected)
    {
        using var data = new TempData();
        data.ReplaceLine(file, oldLine, newLine);

        var result = data.Lint();

        var errors = result.Errors.Select(p => p.ToString()).ToList();
        var want = expected.Select(e => Path.Combine(data.Registry, e).Replace("{schemas}", data.Schemas)).ToList();
        AssertLines(want, errors);
    }

    /// <summary>Compares problem lists and, on failure, shows both in full (paths make them too long for xunit's diff).</summary>
    private static void AssertLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        Assert.True(expected.SequenceEqual(actual), $"expected:\n{string.Join("\n", expected)}\nactual:\n{string.Join("\n", actual)}");

    [Fact]
    public void A_dependency_cycle_is_reported_once_at_the_edge_that_closes_it()
    {
        using var data = new TempData();
        data.ReplaceLine("B16.md", "  - id: B6", "  - id: B17");
        data.ReplaceLine("B17.md", "  - id: B11", "  - id: B16");

        var errors = data.Lint().Errors.Select(p => p.ToString()).ToList();

        AssertLines([$"{data.Entry("B16.md")}:21: depends_on[0].id: dependency cycle B16 -> B17 -> B16"], errors);
    }

    [Fact]
    public void A_bundle_inference_without_a_rationale_is_rejected_by_the_v0_2_schema()
    {
        using var data = new TempData();
        var path = data.Entry("B16.md");
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("    rationale:", StringComparison.Ordinal));
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var errors = data.Lint().Errors.Select(p => p.ToString()).ToList();

        AssertLines([$"{path}:21: depends_on[0].rationale: required field is missing"], errors);
    }

    [Fact]
    public void A_misnamed_file_and_a_file_without_front_matter_are_reported()
    {
        using var data = new TempData();
        File.Move(data.Entry("B09.md"), data.Entry("B9.md"));
        File.WriteAllText(data.Entry("B19.md"), "# B19: no front matter\n");

        var errors = data.Lint().Errors.Select(p => p.ToString()).ToList();

        Assert.Equal(
        [
            $"{data.Entry("B19.md")}:1: front-matter: the file must start with a '---' line opening the YAML front matter",
            $"{data.Entry("B9.md")}:1: file: file name 'B9.md' must be B followed by a two-digit number and .md (B01.md holds B1)",
        ], errors);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_run()
    {
        using var data = new TempData();
        data.ReplaceLine("B01.md", "difficulty: 3", "difficulty: 0");
        data.ReplaceLine("B02.md", "priority: 5", "priority: 6");
        data.ReplaceLine("B03.md", "  - deepseek2024v3", "  - missing2024");

        var errors = data.Lint().Errors.ToList();

        Assert.Equal(["B01.md", "B02.md", "B03.md"], errors.Select(e => Path.GetFileName(e.File)));
    }

    [Fact]
    public void Html_in_a_field_is_data_for_the_lint_not_an_error()
    {
        using var data = new TempData();
        data.ReplaceLine("B01.md", "name: \"Memory-bandwidth wall (decode)\"", "name: \"<script>alert(1)</script>\"");

        var result = data.Lint();

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal("<script>alert(1)</script>", result.Entries[0].Name);
    }

    [Fact]
    public void Loading_a_broken_registry_throws_the_first_problem_as_a_bundle_input_error()
    {
        using var data = new TempData();
        data.ReplaceLine("B01.md", "difficulty: 3", "difficulty: 9");
        data.ReplaceLine("B02.md", "priority: 5", "priority: 9");

        var e = Assert.Throws<BundleInputException>(() => BottleneckRegistry.Load(data.Data));

        Assert.Equal($"{data.Entry("B01.md")}:14: difficulty: 9 is out of range: difficulty is rated 1-5 (and 1 more; run lint-registry for all)", e.Message);
    }

    [Fact]
    public void The_lint_registry_command_prints_warnings_and_exits_0_on_the_seed()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CliRunner.Run(ProgramRoot(), ["lint-registry", Path.Combine(RegistryTestData.DataDirectory, "registry")], stdout, stderr);

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("B16.md:4: name: warning: B16 may duplicate B6", lines[0]);
        Assert.Equal("lint-registry: 18 entries clean, 0 errors, 1 warning", lines[1]);
    }

    [Fact]
    public void The_lint_registry_command_prints_every_error_and_exits_2()
    {
        using var data = new TempData();
        data.ReplaceLine("B01.md", "difficulty: 3", "difficulty: 7");
        data.ReplaceLine("B05.md", "priority: 4", "priority: 0");
        var stdout = new StringWriter();

        var code = CliRunner.Run(ProgramRoot(), ["lint-registry", data.Registry], stdout, new StringWriter());

        Assert.Equal(2, code);
        var text = stdout.ToString();
        Assert.Contains($"{data.Entry("B01.md")}:14: difficulty: 7 is out of range: difficulty is rated 1-5\n", text);
        Assert.Contains($"{data.Entry("B05.md")}:15: priority: 0 is out of range: priority is rated 1-5\n", text);
        Assert.Contains("lint-registry: 16 entries clean, 2 errors, 1 warning", text);
    }

    private static System.CommandLine.RootCommand ProgramRoot()
    {
        var root = new System.CommandLine.RootCommand("test");
        root.Add(ReproBundle.Cli.Commands.LintRegistryCommand.Create());
        return root;
    }
}

public class RegistrySchemaTests
{
    [Theory]
    [InlineData("v0.1")]
    [InlineData("v0.2")]
    public void Each_schema_file_is_a_2020_12_schema_whose_version_const_matches_its_name(string version)
    {
        var path = Path.Combine(RegistryTestData.DataDirectory, "schemas", RegistryLint.SchemaFileName(version));
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", node["$schema"]!.GetValue<string>());
        Assert.Equal(version, node["properties"]!["schema_version"]!["const"]!.GetValue<string>());
        Json.Schema.JsonSchema.FromText(File.ReadAllText(path), new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() });
    }

    [Fact]
    public void The_v0_2_schema_adds_exactly_the_four_fields_appendix_b_names()
    {
        static IEnumerable<string> Fields(string version) =>
            (System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RegistryTestData.DataDirectory, "schemas", RegistryLint.SchemaFileName(version))))!["properties"] as System.Text.Json.Nodes.JsonObject)!.Select(p => p.Key);

        Assert.Equal(["contributors", "depends_on", "estimated_unlock_value", "review_cadence_days"], Fields("v0.2").Except(Fields("v0.1")).Order(StringComparer.Ordinal));
    }
}

public class LintRegistryCommandTests
{
    [Fact]
    public void A_missing_registry_folder_is_one_line_on_stderr_and_exit_2()
    {
        var root = new System.CommandLine.RootCommand("test");
        root.Add(ReproBundle.Cli.Commands.LintRegistryCommand.Create());
        var stderr = new StringWriter();

        var code = ReproBundle.Cli.CliRunner.Run(root, ["lint-registry", "/nonexistent/registry"], new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Equal("error: /nonexistent/registry: registry folder not found\n", stderr.ToString().Replace("\r\n", "\n"));
    }
}
