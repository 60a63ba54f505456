using ReproBundle.Cli;
using ReproBundle.Registry;
using Xunit;

namespace ReproBundle.Tests.Registry;

/// <summary>
/// <c>lint-registry --format github</c>: each problem as a workflow annotation at its file and line, on five broken-entry
/// variants the lint rejects (the same edits as <see cref="RegistryLintTests.BrokenVariants"/>), the seed's warning, the
/// escaping rules, and a bad <c>--format</c>.
/// </summary>
public class WorkflowAnnotationTests
{
    public static TheoryData<string, string, string, string> FiveBrokenVariants => new()
    {
        { "B01.md", "difficulty: 3", "difficulty: 7", "::error file={dir}/B01.md,line=14::difficulty: 7 is out of range: difficulty is rated 1-5" },
        { "B02.md", "priority: 5", "priority: high", "::error file={dir}/B02.md,line=15::priority: Value is \"string\" but should be \"integer\" (value: \"high\")" },
        { "B03.md", "name: \"MoE router load imbalance\"", "", "::error file={dir}/B03.md,line=2::name: required field is missing" },
        { "B04.md", "  - liu2024spinquant", "  - nosuchkey2099", "::error file={dir}/B04.md,line=18::citations[0]: 'nosuchkey2099' is not a key of references.bib" },
        { "B11.md", "status_date: 2026-04-22", "status_date: 2026-02-30", "::error file={dir}/B11.md,line=15::status_date: '2026-02-30' is not a calendar date" },
    };

    private static System.CommandLine.RootCommand ProgramRoot()
    {
        var root = new System.CommandLine.RootCommand("test");
        root.Add(ReproBundle.Cli.Commands.LintRegistryCommand.Create());
        return root;
    }

    [Theory]
    [MemberData(nameof(FiveBrokenVariants))]
    public void A_broken_entry_is_one_error_annotation_at_its_file_and_line(string file, string oldLine, string newLine, string expected)
    {
        using var data = new TempData();
        data.ReplaceLine(file, oldLine, newLine);
        var stdout = new StringWriter();

        var code = CliRunner.Run(ProgramRoot(), ["lint-registry", data.Registry, "--format", "github"], stdout, new StringWriter());

        Assert.Equal(2, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The temporary folder lies outside the working directory, so the file is written in full; it holds no ':' or ','.
        Assert.Equal(
        [
            expected.Replace("{dir}", data.Registry),
            $"::warning file={data.Registry}/B16.md,line=4::name: B16 may duplicate B6 (\"Reasoning/chain-of-thought decode-length tax\"): names and known solutions share decode, latent, reasoning, tax (similarity 0.20 >= 0.15); merge them or say how they differ",
            "lint-registry: 17 entries clean, 1 error, 1 warning",
        ], lines);
    }

    [Fact]
    public void The_file_is_relative_to_the_repository_root_with_forward_slashes()
    {
        var problem = new RegistryProblem("/repo/data/registry/B01.md", 14, "difficulty", "7 is out of range: difficulty is rated 1-5");
        Assert.Equal("::error file=data/registry/B01.md,line=14::difficulty: 7 is out of range: difficulty is rated 1-5", WorkflowAnnotation.Format(problem, "/repo"));
        var warning = problem with { Severity = ProblemSeverity.Warning, Message = "B16 may duplicate B6" };
        Assert.Equal("::warning file=data/registry/B01.md,line=14::difficulty: B16 may duplicate B6", WorkflowAnnotation.Format(warning, "/repo/"));
    }

    [Fact]
    public void Percent_CR_and_LF_are_escaped_in_the_message_and_colon_and_comma_too_in_the_file()
    {
        var problem = new RegistryProblem("/repo/data/a,b:c.md", 3, "name", "100% sure\r\nsecond line, with: colon");
        Assert.Equal("::error file=data/a%2Cb%3Ac.md,line=3::name: 100%25 sure%0D%0Asecond line, with: colon", WorkflowAnnotation.Format(problem, "/repo"));
        Assert.Equal("%25%0D%0A%3A%2C", WorkflowAnnotation.EscapeProperty("%\r\n:,"));
    }

    [Fact]
    public void The_default_format_stays_text()
    {
        var stdout = new StringWriter();
        var code = CliRunner.Run(ProgramRoot(), ["lint-registry", Path.Combine(RegistryTestData.DataDirectory, "registry")], stdout, new StringWriter());
        Assert.Equal(0, code);
        Assert.DoesNotContain("::", stdout.ToString());
        Assert.Contains("B16.md:4: name: warning: B16 may duplicate B6", stdout.ToString());
    }

    [Fact]
    public void An_unknown_format_is_exit_2_naming_the_option()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(ProgramRoot(), ["lint-registry", Path.Combine(RegistryTestData.DataDirectory, "registry"), "--format", "xml"], stdout, stderr);
        Assert.Equal(2, code);
        Assert.Equal("error: --format: must be text or github, not 'xml'\n", stderr.ToString().Replace("\r\n", "\n"));
        Assert.Equal("", stdout.ToString());
    }
}
