using System.CommandLine;
using System.Globalization;
using ReproBundle.Cli;
using ReproBundle.Cli.Commands;
using ReproBundle.Data;
using ReproBundle.Output;
using ReproBundle.Uncertainty;

namespace ReproBundle.Tests.Uncertainty;

/// <summary>Paths, temp folders and CLI runs shared by the uncertainty tests.</summary>
internal static class UncertaintyTestSupport
{
    /// <summary>The repository's data/ folder, found by walking up from the test binary.</summary>
    public static string DataDirectory { get; } = FindData();

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "inputs.csv");
            if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
        }
        throw new InvalidOperationException("data/inputs.csv not found above the test binary");
    }

    public static PaperData LoadData() => PaperData.Load(DataDirectory);

    // Temp folders live under one folder per test process; folders left by earlier (finished) processes are removed
    // on start, since the test host does not reliably run exit handlers.
    private static readonly string Root = MakeRoot();

    private static string MakeRoot()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "rb-unc-tests-*"))
        {
            if (int.TryParse(Path.GetFileName(stale)["rb-unc-tests-".Length..], out var pid) && !IsRunning(pid))
            {
                try { Directory.Delete(stale, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        var root = Path.Combine(Path.GetTempPath(), $"rb-unc-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        return root;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A fresh empty temp folder (under this process's folder, removed by the next test run).</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes <paramref name="text"/> to a file called <paramref name="name"/> in a fresh temp folder.</summary>
    public static string WriteFile(string name, string text)
    {
        var path = Path.Combine(TempDir(), name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the CLI with the commands this area adds (and reproduce), capturing both streams.</summary>
    public static (int Exit, string Out, string Err) RunCli(params string[] args)
    {
        var root = new RootCommand("test") { ReproduceCommand.Create(), UncertaintyCommand.Create(), BreakEvenCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliRunner.Run(root, args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The bytes of the four uncertainty tables as <see cref="UncertaintyAnalysis.Write"/> writes them, by file name.</summary>
    public static IReadOnlyDictionary<string, string> Tables(UncertaintyResult result)
    {
        var dir = TempDir();
        using (var stage = new OutputStage(Path.Combine(dir, "out")))
        {
            UncertaintyAnalysis.Write(stage, result, folder: "");
            stage.Commit();
        }
        return Directory.GetFiles(Path.Combine(dir, "out")).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));
    }

    /// <summary>Reads a CSV written by the bundle into header-keyed rows (no quoted commas in the columns read).</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => SplitCsv(l)).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Data with every input the Monte Carlo draws pinned to the midpoint of its range (zero-width priors).</summary>
    public static PaperData Pinned(PaperData data)
    {
        var yaml = string.Join('\n', UncertaintyModel.From(data, UncertaintyScenario.PaperRanges).Quantities
            .SelectMany(q => q.DataNames).Distinct()
            .Select(n => AssumptionOverrides.Names(data).Single(x => x.Name == n))
            .Select(n => $"{n.Name}: {Interval.Format(n.Current!.Value.Midpoint)}"));
        var file = WriteFile("pinned.yaml", yaml + "\n");
        return AssumptionOverrides.Load(file, data).Apply(data);
    }
}
