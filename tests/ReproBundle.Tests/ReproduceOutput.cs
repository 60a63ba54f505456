using Xunit;

namespace ReproBundle.Tests;

/// <summary>
/// ONE <c>reproduce --no-png</c> run of the CLI (as a separate process, under <c>LANG=C.UTF-8</c> and <c>TZ=UTC</c>) into a
/// temporary folder, shared by every test that only reads a reproduce output (columns, encodings, the manifest, the
/// audit): one run instead of one per test. PNGs are tested by <see cref="Cli.ReproducePngTests"/>, which needs a browser.
/// </summary>
public sealed class ReproduceNoPngRun : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();

    public ReproduceNoPngRun()
    {
        Output = Path.Combine(_temp.Path, "out");
        Result = CliProcess.RunIn(TestPaths.RepoRoot, new Dictionary<string, string> { ["LANG"] = "C.UTF-8", ["TZ"] = "UTC" },
            "reproduce", "--data", TestPaths.DataDir, "--output", Output, "--no-png");
    }

    /// <summary>The folder the run wrote (<c>&lt;temp&gt;/out</c>).</summary>
    public string Output { get; }

    /// <summary>The folder holding <see cref="Output"/>, where the staging folder was.</summary>
    public string Parent => _temp.Path;

    /// <summary>Exit code, stdout and stderr of the run.</summary>
    internal CliResult Result { get; }

    /// <summary>The output folder after checking that the run exited 0 (printing stderr when it did not).</summary>
    public string SucceededOutput()
    {
        Result.AssertExit(0);
        return Output;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>
/// ONE <c>reproduce</c> run with PNGs, as a separate process with a private <c>TMPDIR</c> (<see cref="Cli.PngRun.Run"/>), shared by
/// the <see cref="HeavyProcesses"/> tests that read a full output: <see cref="Cli.ReproducePngTests"/> (the PNGs, the manifest,
/// no browser left running) and the site's browser test (every page and link, the figures' PNGs included).
/// </summary>
public sealed class ReproducePngRun : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();

    public ReproducePngRun()
    {
        (Result, Output, TempRoot) = Cli.PngRun.Run(_temp, chromePath: null);
    }

    /// <summary>The folder the run wrote.</summary>
    public string Output { get; }

    /// <summary>The run's private <c>TMPDIR</c> (the browser's profile went there): its path tells the run's processes apart.</summary>
    public string TempRoot { get; }

    /// <summary>Exit code, stdout and stderr of the run.</summary>
    internal CliResult Result { get; }

    /// <summary>The output folder after checking that the run exited 0 (printing stderr when it did not).</summary>
    public string SucceededOutput()
    {
        Result.AssertExit(0);
        return Output;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary>The tests that share <see cref="ReproduceNoPngRun"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ReproduceOutput : ICollectionFixture<ReproduceNoPngRun>
{
    public const string Name = "One reproduce --no-png run";
}

/// <summary>Operating-system processes, for the tests that check no browser outlives <c>reproduce</c> (Linux /proc).</summary>
internal static class Processes
{
    /// <summary>Ids of live (not zombie) processes whose command line contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<int> WithCommandLineContaining(string fragment)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(fragment, StringComparison.Ordinal) && IsAlive(pid)) found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }
        return found;
    }

    /// <summary>True when process <paramref name="pid"/> exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state is the first field after the parenthesised command name.
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
