using System.Diagnostics;
using Xunit;
using ReproBundle.Cli.Commands;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// Runs nbformat's own validator (Debian's python3-nbformat; test.sh installs it) on a notebook file, with
/// warnings turned into errors: a cell without an id is only a warning in nbformat 5.5 ("will become a hard
/// error"), and the bundle treats it as one now.
/// </summary>
internal static class Nbformat
{
    /// <summary>The validator's complaint about <paramref name="path"/>; empty when the notebook is valid without a warning.</summary>
    public static string Problems(string path)
    {
        // /usr/bin/python3 first: a pyenv or venv python3 on PATH may not see Debian's python3-nbformat.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-W", "error", "-c",
            "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT))", path })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (stderr.Contains("No module named 'nbformat'", StringComparison.Ordinal))
        {
            return "python3-nbformat is not installed (apt-get install -y python3-nbformat; test.sh does it)";
        }
        return process.ExitCode == 0 ? "" : (stdout.Result + stderr).Trim();
    }
}

public class NotebookFileTests
{
    public static TheoryData<string> Notebooks => NotebookPaths.NotebookNames();

    private static string PathOf(string name) => Path.Combine(NotebookPaths.NotebooksDirectory, name);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_committed_notebook_passes_nbformats_validator_without_a_warning(string name)
    {
        var problems = Nbformat.Problems(PathOf(name));
        Assert.True(problems.Length == 0, $"{name}: {problems}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_cell_of_a_committed_notebook_has_its_own_valid_id(string name)
    {
        var cells = NotebookDocument.Load(PathOf(name)).Cells;
        foreach (var cell in cells)
        {
            Assert.True(NotebookFile.IsValidCellId(cell.Id), $"{name} cell {cell.Number} has no valid id: run `notebooks ids`");
        }
        Assert.Equal(cells.Count, cells.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_ids_command_finds_nothing_to_change_in_a_committed_notebook(string name)
    {
        var (_, text) = NotebooksCommand.IdsFor(PathOf(name));
        Assert.True(text == File.ReadAllText(PathOf(name)), $"{name} has cells without ids: run `dotnet run --project lib/ReproBundle.Cli -- notebooks ids`");
    }

    private const string Example = """
        {"cells":[
          {"cell_type":"markdown","metadata":{},"source":["# 09 · An example (§9)\n","text"]},
          {"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":["1 + 1"]},
          {"cell_type":"code","execution_count":null,"id":"keep-me","metadata":{},"outputs":[],"source":["x"]},
          {"cell_type":"code","execution_count":null,"metadata":{},"outputs":[],"source":["1 + 1"]},
          {"cell_type":"markdown","metadata":{},"source":["No heading here"]}],
         "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
        """;

    [Fact]
    public void Ids_are_a_heading_slug_or_cell_and_a_content_hash_and_existing_ids_are_kept()
    {
        var document = NotebookFile.Parse(Example, "09-example.ipynb");
        Assert.Equal(4, NotebookFile.AssignCellIds(document));
        // Hand-checked: `printf '1 + 1' | sha256sum` starts 72fce594; "No heading here" has no heading, so it gets a hash too.
        Assert.Equal("09-an-example-9", document.Elements[0].Id);
        Assert.Equal("cell-72fce594", document.Elements[1].Id);
        Assert.Equal("keep-me", document.Elements[2].Id);
        Assert.Equal("cell-72fce594-2", document.Elements[3].Id);
        Assert.StartsWith("cell-", document.Elements[4].Id);
    }

    [Fact]
    public void Assigning_ids_to_a_notebook_that_has_them_changes_nothing()
    {
        var document = NotebookFile.Parse(Example, "09-example.ipynb");
        NotebookFile.AssignCellIds(document);
        var once = NotebookFile.ToJson(document);
        var again = NotebookFile.Parse(once, "09-example.ipynb");
        Assert.Equal(0, NotebookFile.AssignCellIds(again));
        Assert.Equal(once, NotebookFile.ToJson(again));
    }

    [Fact]
    public void A_notebook_with_ids_written_by_Documents_passes_nbformats_validator()
    {
        var document = NotebookFile.Parse(Example, "09-example.ipynb");
        NotebookFile.AssignCellIds(document);
        var path = Path.Combine(Path.GetTempPath(), $"reprobundle-ids-{Environment.ProcessId}.ipynb");
        try
        {
            File.WriteAllText(path, NotebookFile.ToJson(document));
            Assert.Equal("", Nbformat.Problems(path));
            File.WriteAllText(path, Example);
            Assert.Contains("id", Nbformat.Problems(path)); // without ids the validator complains: the check can fail
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_garbled_notebook_is_reported_with_its_name()
    {
        var error = Assert.Throws<FormatException>(() => NotebookFile.Parse("{\"cells\": [", "broken.ipynb"));
        Assert.StartsWith("broken.ipynb:", error.Message);
    }
}
