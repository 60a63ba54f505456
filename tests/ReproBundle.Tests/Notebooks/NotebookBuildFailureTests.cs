using Xunit;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// A library that does not build before the notebooks run is the bundle's own fault, not the reader's input: an
/// internal error (exit 1, docs/cli.md's exit-code table) with one line naming the project and the compiler's first error.
/// </summary>
[Collection(NotebookKernels.Name)]
public class NotebookBuildFailureTests
{
    /// <summary>A bundle folder whose lib/ReproBundle does not compile (a string assigned to an int), with a copy of data/.</summary>
    private static string BrokenBundle()
    {
        var root = Directory.CreateTempSubdirectory("reprobundle-broken-build-").FullName;
        File.WriteAllText(Path.Combine(root, "ReproBundle.sln"), "");
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        var lib = Directory.CreateDirectory(Path.Combine(root, "lib", "ReproBundle")).FullName;
        File.WriteAllText(Path.Combine(lib, "ReproBundle.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup></Project>\n");
        File.WriteAllText(Path.Combine(lib, "Broken.cs"), "internal static class Broken { internal static int Value = \"not a number\"; }\n");
        foreach (var file in Directory.EnumerateFiles(TestPaths.DataDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "data", Path.GetRelativePath(TestPaths.DataDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

    [Fact]
    public void A_failed_library_build_inside_reproduce_notebooks_is_an_internal_error_of_one_line_and_publishes_nothing()
    {
        var root = BrokenBundle();
        try
        {
            var output = Path.Combine(root, "out");
            var stderr = new StringWriter();
            var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(),
                ["reproduce", "--no-png", "--notebooks", "--data", Path.Combine(root, "data"), "--output", output], new StringWriter(), stderr);
            Assert.Equal(1, code);
            var line = Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
            Assert.StartsWith("internal error: NotebookBuildException: building lib/ReproBundle/ReproBundle.csproj for the notebooks failed", line);
            Assert.Contains("CS0029", line); // the compiler's own error: cannot convert string to int
            Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "a failed run must not publish outputs");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
