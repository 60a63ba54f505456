using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Output;

/// <summary>
/// The comparison behind the freshness check (<see cref="CommittedOutput"/>), on small hand-made folders: what is compared,
/// how a difference is named (file, first differing line), PNGs through their recorded source, and the report's command.
/// </summary>
public sealed class CommittedOutputTests : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();

    private string Committed => Path.Combine(_temp.Path, "committed");

    private string Fresh => Path.Combine(_temp.Path, "fresh");

    public void Dispose() => _temp.Dispose();

    private static void Put(string folder, string relative, string text) => Put(folder, relative, OutputStage.Utf8.GetBytes(text));

    private static void Put(string folder, string relative, byte[] bytes)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static string Manifest(string pngFigureHash) => $$"""
        {
          "outputs": {
            "figures/a.png": "00"
          },
          "png_sources": {
            "figures/a.png": {
              "figure_json_sha256": "{{pngFigureHash}}",
              "plotly_js": "plotly.js v2.28.0 sha256:f33191858012cf26",
              "renderer": "Plotly.toImage png 1000x650 scale 1"
            }
          }
        }

        """;

    /// <summary>Both folders get the same tables, figure JSON, PNG source and manifest.</summary>
    private void Same()
    {
        foreach (var folder in new[] { Committed, Fresh })
        {
            Put(folder, "tables/t.csv", "name,value\nx,1\ny,2\nz,3\n");
            Put(folder, "figures/a.json", "{\"data\": []}\n");
            Put(folder, "MANIFEST.json", Manifest("ab12"));
        }
        Put(Committed, "figures/a.png", [1, 2, 3]);
        Put(Fresh, "figures/a.png", [1, 2, 3]);
    }

    [Fact]
    public void Equal_folders_have_no_difference()
    {
        Same();
        Assert.Empty(CommittedOutput.Compare(Committed, Fresh));
    }

    [Fact]
    public void A_changed_number_is_named_by_file_and_first_differing_line()
    {
        Same();
        Put(Fresh, "tables/t.csv", "name,value\nx,1\ny,2.5\nz,3.5\n");
        var difference = Assert.Single(CommittedOutput.Compare(Committed, Fresh));
        Assert.Equal("tables/t.csv", difference.Path);
        // Line 3 ("y,2") is the first that differs; line 4 differs too but is not the first.
        Assert.Equal("line 3: output/ has \"y,2\", reproduce writes \"y,2.5\"", difference.What);
    }

    [Fact]
    public void A_file_that_ends_early_differs_at_the_first_line_past_its_end()
    {
        Assert.Equal("line 2: output/ has \"b\", reproduce writes \"\"", CommittedOutput.FirstDifference("a\nb"u8.ToArray(), "a\n"u8.ToArray()));
        Assert.Equal("line 3: output/ has nothing (the file ends before), reproduce writes \"c\"",
            CommittedOutput.FirstDifference("a\nb"u8.ToArray(), "a\nb\nc"u8.ToArray()));
        Assert.Null(CommittedOutput.FirstDifference("a\n"u8.ToArray(), "a\n"u8.ToArray()));
    }

    [Fact]
    public void Files_on_one_side_only_differ()
    {
        Same();
        Put(Committed, "tables/gone.csv", "a\n");
        Put(Fresh, "tables/new.csv", "a\n");
        var differences = CommittedOutput.Compare(Committed, Fresh);
        Assert.Equal(["tables/gone.csv", "tables/new.csv"], differences.Select(d => d.Path));
        Assert.Contains("no longer writes", differences[0].What);
        Assert.Contains("output/ does not hold it", differences[1].What);
    }

    [Fact]
    public void A_png_is_compared_through_its_source_not_its_bytes()
    {
        Same();
        // Another Chromium build rasterizes the same figure into other bytes: not a difference.
        Put(Fresh, "figures/a.png", [9, 9, 9]);
        Assert.DoesNotContain(CommittedOutput.Compare(Committed, Fresh), d => d.Path.EndsWith(".png", StringComparison.Ordinal));
        // The same bytes drawn from another figure JSON: a difference (the manifest differs too, and is reported last).
        Put(Fresh, "figures/a.png", [1, 2, 3]);
        Put(Fresh, "MANIFEST.json", Manifest("cd34"));
        var differences = CommittedOutput.Compare(Committed, Fresh);
        Assert.Equal(["figures/a.png", "MANIFEST.json"], differences.Select(d => d.Path));
        Assert.Contains("figure JSON sha256 ab12", differences[0].What);
        Assert.Contains("figure JSON sha256 cd34", differences[0].What);
        Assert.StartsWith("line 7:", differences[1].What);
    }

    [Fact]
    public void Untracked_outputs_are_not_compared()
    {
        Same();
        Put(Fresh, "site/index.html", "<html>");
        Put(Fresh, "figures/a.html", "<html>");
        Put(Fresh, "figures/plotly.min.js", "/* plotly */");
        Put(Fresh, "notebooks/01.ipynb", "{}");
        Put(Committed, "README.md", "what this folder is\n");
        Assert.Empty(CommittedOutput.Compare(Committed, Fresh));
    }

    [Theory]
    [InlineData("claims_audit.md", true)]
    [InlineData("findings.csv", true)]
    [InlineData("tables/table1_baselines.csv", true)]
    [InlineData("figures/fig1_radar_inference.json", true)]
    [InlineData("figures/fig1_radar_inference.png", true)]
    [InlineData("MANIFEST.json", true)]
    [InlineData("figures/fig1_radar_inference.html", false)]
    [InlineData("figures/plotly.min.js", false)]
    [InlineData("site/index.html", false)]
    [InlineData("notebooks/01-bandwidth-wall.ipynb", false)]
    [InlineData("README.md", false)]
    public void What_the_repository_tracks(string path, bool tracked) => Assert.Equal(tracked, CommittedOutput.IsTracked(path));

    [Fact]
    public void The_report_names_each_file_its_line_and_the_refresh_command()
    {
        var report = CommittedOutput.Report([new("tables/t.csv", "line 3: output/ has \"y,2\", reproduce writes \"y,2.5\"")]);
        Assert.Equal(
            "output/ is not what reproduce writes now: 1 file(s) differ\n" +
            "  output/tables/t.csv: line 3: output/ has \"y,2\", reproduce writes \"y,2.5\"\n" +
            "refresh it from the repository root with: dotnet run --project lib/ReproBundle.Cli -c Release -- reproduce   (then commit output/)",
            report);
    }
}
