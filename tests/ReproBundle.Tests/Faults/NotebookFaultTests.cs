using System.Text;
using ReproBundle.Data;
using ReproBundle.Notebooks;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, items 5 and 6: a notebook file is input like any other. Malformed by nbformat's structure, truncated, not
/// UTF-8 or over 8 MB, it is refused with exit 2 naming the file (and the line where there is one), before a kernel starts.
/// Run through <c>notebooks ids --check</c>, which reads notebooks exactly as <c>reproduce --notebooks</c> does
/// (<see cref="NotebookFile.Read"/>), in-process and without a kernel.
/// </summary>
public class NotebookFileFaultTests
{
    private const string Good = """
        {
         "cells": [
          {"cell_type": "code", "execution_count": null, "id": "calc", "metadata": {}, "outputs": [], "source": ["1 + 1"]}
         ],
         "metadata": {},
         "nbformat": 4,
         "nbformat_minor": 5
        }

        """;

    public static TheoryData<string, byte[], string[]> Cases() => new()
    {
        { "cells is a number", "{\"cells\": 5}"u8.ToArray(), ["bad.ipynb", "/cells", "must be an array"] },
        { "a cell without source", Encoding.UTF8.GetBytes(Good.Replace(", \"source\": [\"1 + 1\"]", "", StringComparison.Ordinal)), ["bad.ipynb", "/cells/0/source"] },
        { "an unknown cell type", Encoding.UTF8.GetBytes(Good.Replace("\"cell_type\": \"code\"", "\"cell_type\": \"sql\"", StringComparison.Ordinal)), ["bad.ipynb", "/cells/0/cell_type"] },
        { "nbformat 3", Encoding.UTF8.GetBytes(Good.Replace("\"nbformat\": 4", "\"nbformat\": 3", StringComparison.Ordinal)), ["bad.ipynb", "/nbformat", "must be 4"] },
        { "truncated after line 3 (the end of data is on line 3)", Encoding.UTF8.GetBytes(string.Join('\n', Good.Split('\n').Take(3))), ["bad.ipynb:3:", "not valid notebook JSON"] },
        { "a Latin-1 byte on line 3", [.. Encoding.UTF8.GetBytes(string.Join('\n', Good.Split('\n').Take(2)) + "\n"), 0xE9, .. Encoding.UTF8.GetBytes(string.Join('\n', Good.Split('\n').Skip(2)))], ["bad.ipynb:3:", "UTF-8"] },
    };

    /// <summary>
    /// A notebook of 9 MB, over the 8 MB input limit. Its bytes are made inside the test, not in the theory data: xunit
    /// serializes theory data element by element at discovery, and 9 M bytes there cost the whole suite over a minute.
    /// </summary>
    [Fact]
    public void A_notebook_file_over_8_MB_exits_2_naming_it() =>
        A_bad_notebook_file_exits_2_naming_it("9 MB",
            [.. Encoding.UTF8.GetBytes(Good.TrimEnd()[..^1] + ", \"x\": \""), .. Enumerable.Repeat((byte)'x', 9 << 20), .. "\"}\n"u8.ToArray()],
            ["bad.ipynb", "8 MB"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_notebook_file_exits_2_naming_it(string label, byte[] bytes, string[] expected)
    {
        Assert.NotEmpty(label);
        using var temp = new TempDir();
        File.WriteAllText(Path.Combine(temp.Path, "good.ipynb"), Good);
        File.WriteAllBytes(Path.Combine(temp.Path, "bad.ipynb"), bytes);

        var (code, stdout, stderr, _) = FaultCorpusTests.RunInProcess(["notebooks", "ids", "--check", temp.Path]);

        FaultCorpusTests.AssertOneLineRejection(code, stderr, stdout, expected);
    }

    [Fact]
    public void The_well_formed_notebook_of_these_cases_is_accepted()
    {
        using var temp = new TempDir();
        File.WriteAllText(Path.Combine(temp.Path, "good.ipynb"), Good);
        var (code, stdout, stderr, _) = FaultCorpusTests.RunInProcess(["notebooks", "ids", "--check", temp.Path]);
        Assert.True(code == 0, stdout + stderr);
    }
}

/// <summary>
/// Issue 26, item 5: notebooks run with a time limit per cell and an output cap per cell, each failure exit 2 naming the
/// notebook and the cell. Two tiny notebooks on the in-process kernel (the notebook collection: one after the other).
/// A cell that calls <c>Environment.Exit(0)</c> is tried with the real CLI process on a small bundle folder.
/// </summary>
[Collection(NotebookKernels.Name)]
public class NotebookLimitTests
{
    private static string Notebook(string folder, string name, params string[] cells)
    {
        var json = "{\n \"cells\": [\n" + string.Join(",\n", cells.Select((c, i) =>
                $"  {{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"c{i + 1}\", \"metadata\": {{}}, \"outputs\": [], \"source\": [{System.Text.Json.JsonSerializer.Serialize(c)}]}}")) +
            "\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static async Task<BundleInputException> RunExpectingFailure(string notebook, string variable, string value)
    {
        var before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            return await Assert.ThrowsAsync<BundleInputException>(() => ReproBundle.Cli.InProcessNotebookRunner.RunAllAsync([notebook], null, null));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }

    /// <summary>
    /// A bundle folder with a copy of data/, a library that builds (an empty project: <c>reproduce --notebooks</c> builds it
    /// first) and one notebook whose second code cell calls <c>Environment.Exit(0)</c>; the real CLI runs it.
    /// </summary>
    [Fact]
    public void A_cell_that_ends_the_process_is_exit_2_naming_notebook_and_cell_and_leaves_no_staging_folder()
    {
        using var temp = TestPaths.CopyOfData();
        var root = temp.Path;
        File.WriteAllText(Path.Combine(root, "ReproBundle.sln"), "");
        var lib = Directory.CreateDirectory(Path.Combine(root, "lib", "ReproBundle")).FullName;
        File.WriteAllText(Path.Combine(lib, "ReproBundle.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup></Project>\n");
        var notebooks = Directory.CreateDirectory(Path.Combine(root, "notebooks")).FullName;
        var notebook = Notebook(notebooks, "01-exit.ipynb", "1 + 1", "System.Environment.Exit(0);");
        var output = Path.Combine(root, "out");

        var result = CliProcess.RunIn(root, null, "reproduce", "--no-png", "--notebooks", "--data", Path.Combine(root, "data"), "--output", output);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal($"error: {notebook}: cell 2 (id c2) ended the process (Environment.Exit or similar) before the run was published; a notebook cell may not end reproduce", line);
        Assert.Empty(Directory.EnumerateDirectories(root, ".out.staging-*"));
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), "nothing may be published");
    }

    [Fact]
    public async Task A_cell_over_the_output_cap_or_the_time_limit_is_an_error_naming_notebook_and_cell()
    {
        using var temp = new TempDir();
        // 3,000 characters of output against a cap of 1 KB (1,000 characters); the first cell also warms the kernel up.
        var loud = Notebook(temp.Path, "01-loud.ipynb", "1 + 1", "System.Console.Write(new string('x', 3000));");
        var cap = await RunExpectingFailure(loud, NotebookLimits.OutputKilobytesVariable, "1");
        Assert.Equal(loud, cap.Location);
        Assert.Contains("cell 2 (id c2) produced more than 1 KB of output", cap.Problem);

        // A cell that never returns (asleep, so it costs no CPU after it is given up) is stopped at an 8 s cell limit.
        var stuck = Notebook(temp.Path, "02-stuck.ipynb", "1 + 1", "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var limit = await RunExpectingFailure(stuck, NotebookLimits.CellSecondsVariable, "8");
        Assert.Equal(stuck, limit.Location);
        Assert.Contains("cell 2 (id c2) did not finish within the cell time limit of 8 s", limit.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed.TotalSeconds:F0} s");
    }
}
