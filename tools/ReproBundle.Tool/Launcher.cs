using System.Diagnostics;

namespace ReproBundle.Tool;

/// <summary>
/// <c>dotnet reprobundle ARGS</c>: finds the repository above the working directory (the folder holding
/// <c>ReproBundle.sln</c>) and runs <c>dotnet run --project lib/ReproBundle.Cli -c Release -- ARGS</c> there, in the
/// caller's working directory, passing the exit code through (0 done, 2 bad input, 3 PNGs missing, 1 a bundle bug).
/// </summary>
public static class Launcher
{
    /// <summary>Runs the repository's CLI with <paramref name="args"/>; 2 when no repository is found above the working directory.</summary>
    public static int Main(string[] args)
    {
        var root = FindRepositoryRoot(Environment.CurrentDirectory);
        if (root is null)
        {
            Console.Error.WriteLine($"error: dotnet reprobundle runs the ReproBundle CLI of the repository it is started in, and no ReproBundle.sln was found in '{Environment.CurrentDirectory}' or above it; cd into the repository");
            return 2;
        }
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var a in new[] { "run", "--project", Path.Combine(root, "lib", "ReproBundle.Cli", "ReproBundle.Cli.csproj"), "-c", "Release", "--" }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        // Ctrl-C reaches the child too (same process group); wait for it to publish or clean up, and return its code.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding ReproBundle.sln, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReproBundle.sln"))) return dir.FullName;
        }
        return null;
    }
}
