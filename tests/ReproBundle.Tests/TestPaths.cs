using System.Diagnostics;
using System.Text;

namespace ReproBundle.Tests;

/// <summary>Where the repository, its data and the built CLI are, found from the test assembly's folder.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataDir => Path.Combine(RepoRoot, "data");

    private static string FindRepoRoot() =>
        ReproBundle.Data.NotebookBundle.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("ReproBundle.sln not found above " + AppContext.BaseDirectory);

    /// <summary>A fresh empty folder under the system temp folder, removed when disposed.</summary>
    public static TempDir NewTempDir() => new();

    /// <summary>A copy of data/ in a temp folder, for tests that break a file on purpose.</summary>
    public static TempDir CopyOfData()
    {
        var temp = new TempDir();
        CopyDirectory(DataDir, Path.Combine(temp.Path, "data"));
        return temp;
    }

    public static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reprobundle-test-" + Guid.NewGuid().ToString("N"));

    public TempDir() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The result of running the CLI as a separate process.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Exit code, stderr and stdout, for an assertion message: a failed exit-code check always shows why.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stderr ---\n{Stderr}\n--- stdout ---\n{Stdout}";

    /// <summary>Fails, printing stderr and stdout, unless the process exited with <paramref name="expected"/>.</summary>
    public CliResult AssertExit(int expected)
    {
        Xunit.Assert.True(ExitCode == expected, $"expected exit code {expected}, got {this}");
        return this;
    }
}

/// <summary>Runs the built CLI (the ReproBundle.Cli.dll copied next to the tests) as a real process.</summary>
internal static class CliProcess
{
    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "ReproBundle.Cli.dll");

    public static CliResult RunIn(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment.Remove("REPROBUNDLE_DEBUG");
        if (environment is not null)
        {
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("CLI did not finish in 5 minutes: " + string.Join(' ', args));
        }
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static CliResult Run(params string[] args) => RunIn(TestPaths.RepoRoot, null, args);
}
