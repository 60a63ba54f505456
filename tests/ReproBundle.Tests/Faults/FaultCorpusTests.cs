using System.Diagnostics;
using System.Security.Cryptography;
using ReproBundle.Cli;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// The fault corpus (issue 13), run in-process through <see cref="CliRunner.Run"/>: every case exits with code 2,
/// prints exactly one line on stderr naming the file and line or the option, shows no stack trace, finishes in bounded
/// time, and leaves an existing output tree (and everything beside it) byte for byte as it was.
/// </summary>
public class FaultCorpusTests
{
    /// <summary>The case names (strings, so each case is its own test in the runner).</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in FaultCorpus.Cases.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_100_cases()
    {
        Assert.True(FaultCorpus.Cases.Count >= 100, $"{FaultCorpus.Cases.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_input_exits_2_with_one_line_and_leaves_the_output_as_it_was(string name)
    {
        var fault = FaultCorpus.Cases[name];
        using var temp = TestPaths.CopyOfData();
        var env = new FaultEnv(temp.Path);
        PlantEarlierOutput(env.Output);
        fault.Break(env);
        var args = fault.Args(env); // may write an assumptions file beside data/
        var before = Fingerprint(env.Root);

        var (code, stdout, stderr, elapsed) = RunInProcess(args);

        AssertOneLineRejection(code, stderr, stdout, fault.Expected);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"took {elapsed.TotalSeconds:F1} s");
        Assert.Equal(before, Fingerprint(env.Root));
    }

    [Fact]
    public void A_second_run_into_a_locked_output_folder_stops_with_a_clear_message()
    {
        using var temp = TestPaths.CopyOfData();
        var env = new FaultEnv(temp.Path);
        PlantEarlierOutput(env.Output);
        var before = Fingerprint(env.Output);
        using (new FileStream(Path.Combine(env.Root, ".output.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (code, stdout, stderr, _) = RunInProcess(env.Reproduce());
            AssertOneLineRejection(code, stderr, stdout, ["--output", "another run is writing"]);
        }
        Assert.Equal(before, Fingerprint(env.Output));
    }

    [Theory]
    [InlineData("name: \"Memory-bandwidth wall (decode)\"", "name: \"wall\\x01\"", 2, "B01.md:4: name: holds the control character U+0001")]
    [InlineData("type: \"Physics/Arch\"", $"type: \"Physics/{"\\x1b"}[31m\"", 2, "B01.md:5: type: holds the control character U+001B")]
    [InlineData("type: \"Physics/Arch\"", "type: \"<img src=x onerror=alert(1)>\"", 0, "B01.md:5: type: warning: holds markup-like text '<img src=x onerror=a'")]
    [InlineData("  - \"CapEx\"", "  - \"<!-- hidden\"", 0, "B01.md:12: blockers[0]: warning: holds markup-like text '<!-- hidden'")]
    [InlineData("difficulty: 3", "difficulty: 1e400", 2, "B01.md:14: difficulty:")]
    public void Lint_registry_names_hostile_text_by_file_line_and_field(string old, string replacement, int exitCode, string expected)
    {
        using var temp = TestPaths.CopyOfData();
        var env = new FaultEnv(temp.Path);
        FaultCorpus.Replace(env, "registry/B01.md", old, replacement);
        var (code, stdout, stderr, _) = RunInProcess(["lint-registry", env.P("registry")]);
        Assert.True(code == exitCode, $"exit {code}: {stdout}{stderr}");
        Assert.Contains(expected, stdout);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    internal static void AssertOneLineRejection(int code, string stderr, string stdout, IEnumerable<string> expected)
    {
        Assert.True(code == 2, $"exit {code}; stderr: {stderr}; stdout tail: {Tail(stdout)}");
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one stderr line, got {lines.Length}: {Tail(stderr)}");
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", stderr);
        Assert.True(lines[0].Length <= CliRunner.MaxErrorLine + 10, $"stderr line is {lines[0].Length} characters");
        foreach (var e in expected) Assert.True(lines[0].Contains(e, StringComparison.Ordinal), $"'{e}' not in: {lines[0]}");
    }

    private static string Tail(string s) => s.Length <= 2000 ? s : s[^2000..];

    internal static (int Code, string Stdout, string Stderr, TimeSpan Elapsed) RunInProcess(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var sw = Stopwatch.StartNew();
        var code = CliRunner.Run(CliRunner.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString(), sw.Elapsed);
    }

    /// <summary>An earlier run's output: a manifest that owns one file, that file, and a user's file beside it.</summary>
    internal static void PlantEarlierOutput(string output)
    {
        Directory.CreateDirectory(Path.Combine(output, "tables"));
        File.WriteAllText(Path.Combine(output, "tables", "old.csv"), "a\n1\n");
        File.WriteAllText(Path.Combine(output, "my-notes.txt"), "the user's own file");
        File.WriteAllText(Path.Combine(output, OutputStage.ManifestName), "{\"outputs\": {\"tables/old.csv\": \"309b0e45a73d3fc5325e2b6ed0a01ef8b9cde6b05a5633c1f893f970d52bfddc\"}}\n");
    }

    /// <summary>
    /// Every file, folder and link under <paramref name="root"/> with its SHA-256 (links by their target, never followed),
    /// in path order. Lock files (<c>.&lt;name&gt;.lock</c>, empty, left in place by design) are left out.
    /// </summary>
    internal static string Fingerprint(string root)
    {
        var lines = new List<string>();
        void Walk(string dir)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0 }))
            {
                var info = new FileInfo(entry);
                var rel = Path.GetRelativePath(root, entry);
                if (info.LinkTarget is { } target) lines.Add($"{rel} -> {target}");
                else if (Directory.Exists(entry))
                {
                    lines.Add($"{rel}/");
                    Walk(entry);
                }
                else if (!(info.Name.StartsWith('.') && info.Name.EndsWith(".lock", StringComparison.Ordinal)))
                {
                    lines.Add($"{rel} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry)))}");
                }
            }
        }
        Walk(root);
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }
}
