using System.Text;

namespace ReproBundle.Tests.Faults;

/// <summary>Where a fault case runs: a private copy of data/ and an output folder that already holds an earlier tree.</summary>
internal sealed class FaultEnv
{
    public FaultEnv(string root)
    {
        Root = root;
        Data = Path.Combine(root, "data");
        Output = Path.Combine(root, "output");
    }

    public string Root { get; }

    public string Data { get; }

    public string Output { get; }

    public string P(string relative) => Path.Combine(Data, relative);

    /// <summary>The arguments of a reproduce run on this copy (no PNGs: a case must fail long before them).</summary>
    public string[] Reproduce(params string[] extra) => ["reproduce", "--data", Data, "--output", Output, "--no-png", .. extra];

    /// <summary>Writes a file beside data/ (an assumptions file, say) and returns its path.</summary>
    public string Aside(string name, string text) => Aside(name, Encoding.UTF8.GetBytes(text));

    public string Aside(string name, byte[] bytes)
    {
        var path = Path.Combine(Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

/// <summary>One bad input: how to break the copy, what to run, and words the one stderr line must contain.</summary>
internal sealed record FaultCase(string Name, Action<FaultEnv> Break, Func<FaultEnv, string[]> Args, params string[] Expected);

/// <summary>
/// The generated corpus of bad inputs (issue 13): every CSV of data/ broken eleven ways, every named domain violated,
/// hostile BibTeX, registry entries, assumption files and options. Each case must give exit code 2 and one line.
/// </summary>
internal static class FaultCorpus
{
    private static readonly string[] CsvFiles =
    [
        "inputs.csv", "table1_baselines.csv", "table2_projections.csv", "claims.csv",
        "figures/radar_assumptions.csv", "figures/software_maturity_rubric.csv", "figures/software_maturity_scores.csv",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, FaultCase>> All = new(() => Build().ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, FaultCase> Cases => All.Value;

    // ---- mutations -------------------------------------------------------------------------------------------

    /// <summary>Replaces the first occurrence of <paramref name="old"/> (which must be there) in a data file.</summary>
    public static void Replace(FaultEnv env, string file, string old, string @new)
    {
        var path = env.P(file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(old, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"test setup: '{old}' not in {file}");
        File.WriteAllText(path, text[..at] + @new + text[(at + old.Length)..]);
    }

    /// <summary>Inserts raw bytes at the start of 1-based line <paramref name="line"/> of a data file.</summary>
    public static void InsertBytesAtLine(FaultEnv env, string file, int line, byte[] bytes)
    {
        var path = env.P(file);
        var data = File.ReadAllBytes(path).ToList();
        int index = 0;
        for (int l = 1; l < line; l++) index = data.IndexOf((byte)'\n', index) + 1;
        data.InsertRange(index, bytes);
        File.WriteAllBytes(path, [.. data]);
    }

    private static void SymlinkLoop(FaultEnv env, string file)
    {
        var path = env.P(file);
        File.Delete(path);
        var other = path + ".loop";
        File.CreateSymbolicLink(path, other);
        File.CreateSymbolicLink(other, path);
    }

    private static void Dangling(FaultEnv env, string file)
    {
        var path = env.P(file);
        File.Delete(path);
        File.CreateSymbolicLink(path, path + ".missing");
    }

    private static void Oversize(FaultEnv env, string file, string commentPrefix)
    {
        var path = env.P(file);
        using var w = new StreamWriter(path, append: true);
        var line = commentPrefix + new string('x', 1000);
        for (int i = 0; i < 9 * 1024; i++) w.WriteLine(line); // 9 MB of comment lines
    }

    private static void ToFolder(FaultEnv env, string file)
    {
        File.Delete(env.P(file));
        Directory.CreateDirectory(env.P(file));
    }

    private static Action<FaultEnv> Entry(string file, string old, string @new) => e => Replace(e, $"registry/{file}", old, @new);

    private static readonly string[] DensityOk =
        ["--capex-usd", "30000", "--lifetime-years", "3", "--utilization", "0.7", "--tokens-per-second", "25", "--stream-tokens-per-second", "5"];

    private static string[] Density(string option, string value)
    {
        var args = DensityOk.ToArray();
        args[Array.IndexOf(args, option) + 1] = value;
        return ["density", .. args];
    }

    private static readonly Action<FaultEnv> Nothing = _ => { };

    // ---- the corpus ------------------------------------------------------------------------------------------

    private static IEnumerable<FaultCase> Build()
    {
        // 1. Every CSV file of data/, broken eleven ways (77 cases).
        foreach (var f in CsvFiles)
        {
            var name = Path.GetFileName(f);
            yield return new($"{f}: invalid UTF-8 on line 3", e => InsertBytesAtLine(e, f, 3, [0xC3, 0x28]), e => e.Reproduce(), $"{name}:3:", "UTF-8");
            yield return new($"{f}: NUL byte on line 3", e => InsertBytesAtLine(e, f, 3, [(byte)'a', 0, (byte)'b']), e => e.Reproduce(), $"{name}:3:", "NUL");
            yield return new($"{f}: stray quote on line 3", e => InsertBytesAtLine(e, f, 3, "x\"y"u8.ToArray()), e => e.Reproduce(), $"{name}:3:", "stray quote");
            yield return new($"{f}: quoted cell never closed", e => File.AppendAllText(e.P(f), "\"open,cell\n"), e => e.Reproduce(), name, "never closed");
            yield return new($"{f}: row with two cells", e => File.AppendAllText(e.P(f), "broken,row\n"), e => e.Reproduce(), name, "has 2 cells");
            yield return new($"{f}: empty file", e => File.WriteAllBytes(e.P(f), []), e => e.Reproduce(), name, "is empty");
            yield return new($"{f}: a folder instead of the file", e => ToFolder(e, f), e => e.Reproduce(), name, "is a folder");
            yield return new($"{f}: symbolic-link loop", e => SymlinkLoop(e, f), e => e.Reproduce(), name, "symbolic link");
            yield return new($"{f}: dangling symbolic link", e => Dangling(e, f), e => e.Reproduce(), name, "symbolic link");
            yield return new($"{f}: 9 MB file", e => Oversize(e, f, "# "), e => e.Reproduce(), name, "8 MB");
            yield return new($"{f}: header lacks its first column", e => InsertBytesAtLine(e, f, 1, "zz"u8.ToArray()), e => e.Reproduce(), $"{name}:1:", "header lacks column");
        }

        // 2. Numbers outside their documented domain (inputs.csv rows 23, 28 and 40 hold these names).
        foreach (var (label, value, expected) in new[]
                 {
                     ("subnormal", "1e-320", "between 1e-09 and 1e+18"), ("huge", "1e300", "between 1e-09 and 1e+18"),
                     ("overflowing", "1e400", "is not a number"), ("NaN", "NaN", "is not a number"), ("infinite", "Infinity", "is not a number"),
                     ("negative", "-5", "must be greater than 0"), ("zero", "0", "must be greater than 0"), ("low above high", "20000-8000", "low end greater"),
                 })
        {
            yield return new($"inputs.csv: asic.node_cost_usd {label}", e => Replace(e, "inputs.csv", "asic.node_cost_usd,8000-20000,", $"asic.node_cost_usd,{value},"),
                e => e.Reproduce(), "inputs.csv:26:", expected);
        }
        yield return new("inputs.csv: utilization above 1", e => Replace(e, "inputs.csv", "model.utilization,0.4-0.9,", "model.utilization,0.4-1.5,"),
            e => e.Reproduce(), "inputs.csv:21:", "must lie in (0, 1]");
        yield return new("inputs.csv: a name defined twice", e => File.AppendAllText(e.P("inputs.csv"), "appc.h100.utilization,0.7,fraction,x,,\n"),
            e => e.Reproduce(), "inputs.csv:", "defined twice");
        yield return new("table1: zero CapEx", e => Replace(e, "table1_baselines.csv", "h100,H100 SXM,published,1,30000,", "h100,H100 SXM,published,1,0,"),
            e => e.Reproduce(), "table1_baselines.csv:2:", "capex_usd", "must be greater than 0");
        yield return new("table1: subnormal power", e => Replace(e, "table1_baselines.csv", "28-35,28-35,700,", "28-35,28-35,1e-310,"),
            e => e.Reproduce(), "table1_baselines.csv:2:", "power_w", "between 1e-09");
        yield return new("table2: huge ratio", e => Replace(e, "table2_projections.csv", "300-800,15-50,", "300-800,15-1e19,"),
            e => e.Reproduce(), "table2_projections.csv:2:", "ratio_printed", "between 1e-09");
        yield return new("radar assumption: subnormal value", e => Replace(e, "figures/radar_assumptions.csv", "b200,decode_batch64,1200-3600,", "b200,decode_batch64,1e-320,"),
            e => e.Reproduce(), "radar_assumptions.csv:3:", "between 1e-09");
        yield return new("claims.csv: unknown claim id", e => File.AppendAllText(e.P("claims.csv"), "s9.invented,§9,\"a claim nobody checks\",1,1,x,equal,exact,,s9.invented,,\n"),
            e => e.Reproduce(), "claims.csv:", "unknown claim 's9.invented'");
        yield return new("claims.csv: quoted id starting with # is data, not a comment",
            e => File.AppendAllText(e.P("claims.csv"), "\"#s9.hidden\",§9,\"quoted hash\",1,1,x,equal,exact,,s9.hidden,,\n"),
            e => e.Reproduce(), "claims.csv:", "unknown claim '#s9.hidden'");

        // 3. references.bib.
        yield return new("references.bib: invalid UTF-8 on line 8", e => InsertBytesAtLine(e, "references.bib", 8, [0xFF]), e => e.Reproduce(), "references.bib:8:", "UTF-8");
        yield return new("references.bib: NUL byte on line 8", e => InsertBytesAtLine(e, "references.bib", 8, [0]), e => e.Reproduce(), "references.bib:8:", "NUL");
        yield return new("references.bib: duplicate key", e => File.AppendAllText(e.P("references.bib"), "\n@misc{ainslie2023gqa,\n  title = {again}\n}\n"),
            e => e.Reproduce(), "references.bib:", "duplicate BibTeX key 'ainslie2023gqa'");
        yield return new("references.bib: no entries", e => File.WriteAllText(e.P("references.bib"), "% nothing\n"), e => e.Reproduce(), "references.bib", "no BibTeX entries");
        yield return new("references.bib: symbolic-link loop", e => SymlinkLoop(e, "references.bib"), e => e.Reproduce(), "references.bib", "symbolic link");
        yield return new("references.bib: 9 MB", e => Oversize(e, "references.bib", "% "), e => e.Reproduce(), "references.bib", "8 MB");

        // 4. Registry entries (B01.md: name on line 4, type 5, known_solutions items 8-10, blockers 12-13, difficulty 14; B16.md is schema v0.2).
        yield return new("registry: control character in a name", Entry("B01.md", "name: \"Memory-bandwidth wall (decode)\"", "name: \"Memory\\x07wall\""),
            e => e.Reproduce(), "B01.md:4:", "name", "control character U+0007");
        yield return new("registry: control character in a known solution", Entry("B01.md", "  - \"FP4 QAT\"", "  - \"FP4\\tQAT\""),
            e => e.Reproduce(), "B01.md:9:", "known_solutions[1]", "control character U+0009");
        yield return new("registry: type longer than 80 characters", Entry("B01.md", "type: \"Physics/Arch\"", $"type: \"{new string('x', 300)}\""),
            e => e.Reproduce(), "B01.md:5:", "more than the 80");
        yield return new("registry: a type tag longer than 40 characters", Entry("B01.md", "type: \"Physics/Arch\"", $"type: \"Physics/{new string('a', 60)}\""),
            e => e.Reproduce(), "B01.md:5:", "type tag");
        yield return new("registry: invalid UTF-8 in the name", e => InsertBytesAtLine(e, "registry/B01.md", 4, [0xFF]), e => e.Reproduce(), "B01.md:4:", "UTF-8");
        yield return new("registry: NUL byte", e => InsertBytesAtLine(e, "registry/B01.md", 6, [0]), e => e.Reproduce(), "B01.md:6:", "NUL");
        yield return new("registry: YAML alias bomb", Entry("B01.md", "blockers:\n", "bomb_a: &a [x, x, x, x, x, x, x, x, x]\nbomb_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nbomb_c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nblockers:\n"),
            e => e.Reproduce(), "B01.md:", "aliases");
        yield return new("registry: YAML nested 40 deep", Entry("B01.md", "blockers:\n", $"deep: {new string('[', 40)}{new string(']', 40)}\nblockers:\n"),
            e => e.Reproduce(), "B01.md:11:", "nested more than 32");
        yield return new("registry: YAML nested 100,000 deep", Entry("B01.md", "blockers:\n", $"deep: {new string('[', 100_000)}{new string(']', 100_000)}\nblockers:\n"),
            e => e.Reproduce(), "B01.md:1:", "front matter has");
        yield return new("registry: front matter over 64 KB", Entry("B01.md", "blockers:\n", string.Concat(Enumerable.Repeat("# " + new string('c', 1000) + "\n", 70)) + "blockers:\n"),
            e => e.Reproduce(), "B01.md:1:", "front matter has");
        yield return new("registry: difficulty that overflows a 64-bit integer", Entry("B01.md", "difficulty: 3", "difficulty: 99999999999999999999"),
            e => e.Reproduce(), "B01.md:14:", "difficulty");
        yield return new("registry: review cadence that would wrap an int", Entry("B16.md", "difficulty: 5", "review_cadence_days: 99999999999\ndifficulty: 5"),
            e => e.Reproduce(), "B16.md:", "review_cadence_days", "1-3650");
        yield return new("registry: difficulty out of range", Entry("B01.md", "difficulty: 3", "difficulty: 7"), e => e.Reproduce(), "B01.md:14:", "difficulty");
        yield return new("registry: front matter never closed", e => File.WriteAllText(e.P("registry/B01.md"), "---\nid: B1\n"), e => e.Reproduce(), "B01.md:1:", "never closed");
        yield return new("registry: tab-indented list item", Entry("B01.md", "  - \"FP4 QAT\"", "\t- \"FP4 QAT\""), e => e.Reproduce(), "B01.md:9:");
        yield return new("registry: unknown field", Entry("B01.md", "difficulty: 3", "colour: red\ndifficulty: 3"), e => e.Reproduce(), "B01.md:14:", "colour", "unknown field");
        yield return new("registry: citation not in references.bib", Entry("B01.md", "  - groq2025lpu", "  - nobody2099"), e => e.Reproduce(), "B01.md:", "nobody2099");
        yield return new("registry: impossible date", Entry("B01.md", "status_date: 2026-04-22", "status_date: 2026-02-30"), e => e.Reproduce(), "B01.md:", "not a calendar date");
        yield return new("registry: symbolic-link loop", e => SymlinkLoop(e, "registry/B01.md"), e => e.Reproduce(), "B01.md", "symbolic link");

        // 5. A reviewer's assumptions file.
        string[] WithAssumptions(FaultEnv e, string name, string text) => e.Reproduce("--assumptions", e.Aside(name, text));
        yield return new("assumptions: YAML alias bomb", Nothing, e => WithAssumptions(e, "a.yaml",
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
            "a.yaml:2:", "aliases");
        yield return new("assumptions: YAML nested 100,000 deep", Nothing, e => WithAssumptions(e, "a.yaml", $"x: {new string('[', 100_000)}{new string(']', 100_000)}\n"),
            "a.yaml:1:", "nested more than 32");
        yield return new("assumptions: JSON nested 100,000 deep", Nothing, e => WithAssumptions(e, "a.json", $"{{\"x\": {new string('[', 100_000)}{new string(']', 100_000)}}}"),
            "a.json:1:", "not valid JSON");
        yield return new("assumptions: a 1 MB unknown key", Nothing, e => WithAssumptions(e, "a.json", "{\"" + new string('k', 1 << 20) + "\": 1}"), "a.json:1:", "unknown name", "chars)");
        yield return new("assumptions: a 1000-character unknown YAML key", Nothing, e => WithAssumptions(e, "a.yaml", "model." + new string('u', 1000) + ": 1\n"), "a.yaml:1:", "unknown name", "chars)");
        yield return new("assumptions: a misspelt name", Nothing, e => WithAssumptions(e, "a.yaml", "\nmodel.utilisation: 0.5\n"), "a.yaml:2:", "did you mean 'model.utilization'");
        yield return new("assumptions: a boolean", Nothing, e => WithAssumptions(e, "a.yaml", "model.utilization: yes\n"), "a.yaml:1:", "boolean");
        yield return new("assumptions: a list", Nothing, e => WithAssumptions(e, "a.yaml", "model.utilization: [0.5]\n"), "a.yaml:1:", "list");
        yield return new("assumptions: null", Nothing, e => WithAssumptions(e, "a.yaml", "model.utilization: ~\n"), "a.yaml:1:", "null");
        yield return new("assumptions: text", Nothing, e => WithAssumptions(e, "a.yaml", "model.utilization: high\n"), "a.yaml:1:", "not a number");
        yield return new("assumptions: lo above hi", Nothing, e => WithAssumptions(e, "a.yaml", "model.utilization: {lo: 0.9, hi: 0.5}\n"), "a.yaml:1:", "greater than hi");
        yield return new("assumptions: utilization above 1", Nothing, e => WithAssumptions(e, "a.yaml", "model.utilization: 1.5\n"), "a.yaml:1:", "(0, 1]");
        yield return new("assumptions: overflowing number", Nothing, e => WithAssumptions(e, "a.yaml", "asic.node_cost_usd: 1e400\n"), "a.yaml:1:", "not a number");
        yield return new("assumptions: subnormal number", Nothing, e => WithAssumptions(e, "a.yaml", "asic.node_cost_usd: 1e-320\n"), "a.yaml:1:", "between 1e-09");
        yield return new("assumptions: YAML .nan", Nothing, e => WithAssumptions(e, "a.yaml", "asic.node_cost_usd: .nan\n"), "a.yaml:1:", "not a number");
        yield return new("assumptions: a range for a worked-example value", Nothing, e => WithAssumptions(e, "a.yaml", "appc.h100.tok_s: 20-30\n"), "a.yaml:1:", "single number");
        yield return new("assumptions: a name given twice", Nothing, e => WithAssumptions(e, "a.json", "{\"model.utilization\": 0.5,\n\"model.utilization\": 0.6}"), "a.json:2:", "twice");
        yield return new("assumptions: tab-indented YAML", Nothing, e => WithAssumptions(e, "a.yaml", "asic.node_cost_usd:\n  lo: 10000\n\thi: 30000\n"), "a.yaml:3:");
        yield return new("assumptions: invalid UTF-8", Nothing, e => e.Reproduce("--assumptions", e.Aside("a.yaml", [.. "\nmodel.utilization: 0.5 # "u8, 0xFF, (byte)'\n'])), "a.yaml:2:", "UTF-8");
        yield return new("assumptions: JSON with content after the object", Nothing, e => WithAssumptions(e, "a.json", "{\"model.utilization\": 0.5}\n{}"), "a.json:2:");
        yield return new("assumptions: top level is a list", Nothing, e => WithAssumptions(e, "a.yaml", "- 1\n- 2\n"), "a.yaml:1:", "top level");
        yield return new("assumptions: file missing", Nothing, e => e.Reproduce("--assumptions", Path.Combine(e.Root, "missing.yaml")), "--assumptions", "not found");
        yield return new("assumptions: a folder", Nothing, e => e.Reproduce("--assumptions", e.Data), "--assumptions", "is a folder");
        yield return new("assumptions: wrong extension", Nothing, e => WithAssumptions(e, "a.txt", "model.utilization: 0.5\n"), "--assumptions", "must end in");
        yield return new("assumptions: 9 MB", Nothing, e => e.Reproduce("--assumptions", e.Aside("a.yaml", new byte[9 << 20].Select(_ => (byte)'#').ToArray())), "a.yaml", "8 MB");
        yield return new("break-even: assumptions file missing", Nothing, e => ["break-even", "--data", e.Data, "--assumptions", Path.Combine(e.Root, "no.yaml")], "--assumptions");
        yield return new("uncertainty: bad assumptions", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--samples", "10", "--assumptions", e.Aside("a.yaml", "model.utilization: 2\n")], "a.yaml:1:");

        // 6. Options.
        foreach (var (option, value, expected) in new[]
                 {
                     ("--capex-usd", "1e-300", "between 1e-09"), ("--capex-usd", "1e300", "between 1e-09"), ("--tokens-per-second", "1e300", "between 1e-09"),
                     ("--lifetime-years", "1e-300", "between 1e-09"), ("--stream-tokens-per-second", "1e-30", "between 1e-09"), ("--capex-usd", "Infinity", "is not a number"),
                     ("--capex-usd", "1e400", "is not a number"), ("--utilization", "NaN", "is not a number"), ("--utilization", "1.5", "(0, 1]"),
                     ("--tokens-per-second", "0", "greater than 0"), ("--capex-usd", "0,5", "is not a number"),
                 })
        {
            yield return new($"density {option} {value}", Nothing, _ => Density(option, value), option, expected);
        }
        yield return new("density: a required option missing", Nothing, _ => ["density", "--capex-usd", "1"], "--lifetime-years");
        yield return new("uncertainty --samples 2147483647", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--samples", "2147483647"], "--samples", "10000000");
        yield return new("uncertainty --samples 0", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--samples", "0"], "--samples");
        yield return new("uncertainty --samples -1", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--samples", "-1"], "--samples");
        yield return new("uncertainty --samples 1e9", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--samples", "99999999999"], "99999999999");
        yield return new("uncertainty --threads 0", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--threads", "0"], "--threads");
        yield return new("uncertainty --threads 100000", Nothing, e => ["uncertainty", "--data", e.Data, "--output", e.Output, "--threads", "100000"], "--threads");
        yield return new("uncertainty --output /", Nothing, e => ["uncertainty", "--data", e.Data, "--output", "/", "--samples", "10"], "--output", "'/'");
        yield return new("reproduce: unknown option", Nothing, e => e.Reproduce("--frobnicate"), "--frobnicate");
        yield return new("reproduce --output at an existing file", e => File.WriteAllText(Path.Combine(e.Root, "file.txt"), "x"),
            e => ["reproduce", "--data", e.Data, "--output", Path.Combine(e.Root, "file.txt"), "--no-png"], "--output", "existing file");
        yield return new("reproduce --output /", Nothing, e => ["reproduce", "--data", e.Data, "--output", "/", "--no-png"], "--output", "'/'");
        yield return new("reproduce --output is the data folder", Nothing, e => ["reproduce", "--data", e.Data, "--output", e.Data, "--no-png"], "--output", "data folder");
        yield return new("reproduce --output contains the data folder", Nothing, e => ["reproduce", "--data", e.Data, "--output", e.Root, "--no-png"], "--output", "contains the data folder");
        yield return new("reproduce --output inside the data folder", Nothing, e => ["reproduce", "--data", e.Data, "--output", e.P("registry/out"), "--no-png"], "--output", "inside the data folder");
        yield return new("reproduce --output is the data folder through a link", e => Directory.CreateSymbolicLink(Path.Combine(e.Root, "link"), e.Data),
            e => ["reproduce", "--data", e.Data, "--output", Path.Combine(e.Root, "link"), "--no-png"], "--output", "data folder");
        yield return new("reproduce --output is the repository root", Nothing, e => ["reproduce", "--data", e.Data, "--output", TestPaths.RepoRoot, "--no-png"], "--output", "repository root");
        yield return new("reproduce --output is the home folder", Nothing,
            e => ["reproduce", "--data", e.Data, "--output", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "--no-png"], "--output", "home");
        yield return new("reproduce --output under a symbolic-link loop", e =>
            {
                File.CreateSymbolicLink(Path.Combine(e.Root, "l1"), Path.Combine(e.Root, "l2"));
                File.CreateSymbolicLink(Path.Combine(e.Root, "l2"), Path.Combine(e.Root, "l1"));
            },
            e => ["reproduce", "--data", e.Data, "--output", Path.Combine(e.Root, "l1", "out"), "--no-png"], "--output", "loop");
        yield return new("reproduce --output unwritable", Nothing, e => ["reproduce", "--data", e.Data, "--output", "/proc/reprobundle-out", "--no-png"], "--output", "cannot");
        yield return new("reproduce --data missing", Nothing, e => ["reproduce", "--data", Path.Combine(e.Root, "nodata"), "--output", e.Output, "--no-png"], "data folder not found");
        yield return new("lint-registry: folder missing", Nothing, e => ["lint-registry", Path.Combine(e.Root, "none")], "registry folder not found");
    }
}
