using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace ReproBundle.Tests.Cli;

/// <summary>
/// <c>dotnet reprobundle</c>: the launcher package committed in the local feed <c>.config/tools/</c> is the one the tool
/// manifest names, built from the launcher source of this checkout, and nuget.config names the feed, so
/// <c>dotnet tool restore</c> installs it on a fresh clone.
/// </summary>
public class ToolPackageTests
{
    private static string Repo(params string[] parts) => Path.Combine([TestPaths.RepoRoot, .. parts]);

    [Fact]
    public void The_committed_package_is_the_manifest_s_version_and_holds_this_launcher_source()
    {
        var project = XDocument.Load(Repo("tools", "ReproBundle.Tool", "ReproBundle.Tool.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        Assert.Equal("dotnet-reprobundle", Property("ToolCommandName"));
        var version = Property("Version");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Repo(".config", "dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("reprobundle.tool");
        Assert.Equal(version, tool.GetProperty("version").GetString());
        Assert.Equal(["dotnet-reprobundle"], tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));

        var package = Repo(".config", "tools", $"{Property("PackageId")}.{version}.nupkg");
        Assert.True(File.Exists(package), $"{package} is missing: run tools/pack-tool.sh and commit .config/tools/");
        Assert.Equal([Path.GetFileName(package)], Directory.GetFiles(Repo(".config", "tools"), "*.nupkg").Select(Path.GetFileName));
        using var zip = ZipFile.OpenRead(package);
        using var packed = new StreamReader(zip.GetEntry("source/Launcher.cs")!.Open());
        Assert.True(packed.ReadToEnd() == File.ReadAllText(Repo("tools", "ReproBundle.Tool", "Launcher.cs")),
            "tools/ReproBundle.Tool/Launcher.cs changed since the package was packed: bump <Version> (project and .config/dotnet-tools.json), run tools/pack-tool.sh and commit .config/tools/");
        Assert.NotNull(zip.GetEntry($"tools/net10.0/any/dotnet-reprobundle.dll"));
    }

    [Fact]
    public void Nuget_config_names_the_local_feed()
    {
        var config = XDocument.Load(Repo("nuget.config"));
        Assert.Contains(config.Descendants("add"), a => (string?)a.Attribute("value") == ".config/tools");
    }
}
