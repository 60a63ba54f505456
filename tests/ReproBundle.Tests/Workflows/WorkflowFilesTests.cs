using Xunit;
using YamlDotNet.RepresentationModel;

namespace ReproBundle.Tests.Workflows;

/// <summary>
/// The forge's workflow files, parsed with YamlDotNet: ci.yml runs README's test command on Ubuntu with the SDK of
/// global.json and installs what test.sh installs; registry.yml runs on pull requests touching data/registry/ and calls
/// the lint with annotations.
/// </summary>
public class WorkflowFilesTests
{
    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestPaths.RepoRoot, ".github", "workflows", name));
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            var map = Assert.IsType<YamlMappingNode>(node);
            Assert.True(map.Children.TryGetValue(new YamlScalarNode(key), out var next), $"no '{key}' in the workflow");
            node = next!;
        }
        return node;
    }

    private static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    private static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode workflow, string job) =>
        [.. ((YamlSequenceNode)At(workflow, "jobs", job, "steps")).Children.Cast<YamlMappingNode>()];

    private static string? Field(YamlMappingNode step, string key) =>
        step.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    [Fact]
    public void Ci_runs_the_readme_test_command_on_ubuntu_with_the_pinned_sdk_and_what_test_sh_installs()
    {
        var ci = Load("ci.yml");
        var triggers = (YamlMappingNode)At(ci, "on");
        Assert.Contains(new YamlScalarNode("push"), triggers.Children.Keys);
        Assert.Contains(new YamlScalarNode("pull_request"), triggers.Children.Keys);
        Assert.StartsWith("ubuntu-", Text(At(ci, "jobs", "test", "runs-on")));
        Assert.Equal("true", Text(At(ci, "jobs", "test", "env", "CI")));
        var steps = Steps(ci, "test");
        var setup = Assert.Single(steps, s => Field(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal("global.json", Text(At(setup, "with", "global-json-file")));
        // README's test command, and it is the last step.
        Assert.Equal("./test.sh", Field(steps[^1], "run"));
        // test.sh installs python3-nbformat and a headless Chromium (it needs CHROME_PATH where it cannot install one).
        var install = string.Join("\n", steps.Take(steps.Count - 1).Select(s => Field(s, "run") ?? ""));
        Assert.Contains("apt-get install -y -qq python3-nbformat", install);
        Assert.Contains("CHROME_PATH=", install);
        var testSh = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "test.sh"));
        Assert.Contains("python3-nbformat", testSh);
        Assert.Contains("chromium-headless-shell", testSh);
    }

    [Fact]
    public void Registry_lints_pull_requests_touching_the_registry_with_annotations()
    {
        var registry = Load("registry.yml");
        var paths = (YamlSequenceNode)At(registry, "on", "pull_request", "paths");
        Assert.Equal(["data/registry/**"], paths.Children.Select(Text));
        var steps = Steps(registry, "lint-registry");
        Assert.Contains(steps, s => Field(s, "uses")?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        Assert.Equal("dotnet run --project lib/ReproBundle.Cli -c Release -p:ReproBundleReadyToRun=false -- lint-registry data/registry --format github",
            Field(steps[^1], "run"));
    }
}
