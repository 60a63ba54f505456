using Xunit;
using ReproBundle.Notebooks;

namespace ReproBundle.Tests.Notebooks;

public class NotebookScrubberTests
{
    private const string Progress = """{"data":{"text/html":["<div><strong>Installing Packages</strong></div>"]},"metadata":{},"output_type":"display_data"},""";

    private const string Template = """
        {"cells":[{"cell_type":"code","execution_count":null,
          "metadata":{"dotnet_repl_cellExecutionStartTime":"START","dotnet_repl_cellExecutionEndTime":"START","dotnet_interactive":{"language":"csharp"}},
          "outputs":[PROGRESS
            {"data":{"text/html":["<div><strong>Installed Packages</strong></div>"]},"metadata":{},"output_type":"display_data"},
            {"data":{"text/html":["<div id=\"GUID\">\r\n","x</div>"]},"metadata":{},"output_type":"display_data"}],
          "source":["1 + 1"]}],
         "metadata":{"kernelspec":{"name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
        """;

    private static string Executed(string start, string guid, int progressOutputs) =>
        Template.Replace("START", start).Replace("GUID", guid).Replace("PROGRESS", string.Concat(Enumerable.Repeat(Progress, progressOutputs)));

    [Fact]
    public void Two_runs_that_differ_only_in_timestamps_guids_and_progress_outputs_scrub_to_the_same_bytes()
    {
        var first = NotebookScrubber.Scrub(Executed("2026-11-29T04:02:39.0494248+00:00", "8d8a8a67-b232-4797-ad8a-66f84467786f", 3));
        var second = NotebookScrubber.Scrub(Executed("2026-11-30T11:00:00.0000000+00:00", "0f0f0f0f-1111-2222-3333-444444444444", 22));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Scrubbing_removes_timestamps_and_progress_but_keeps_the_results()
    {
        var scrubbed = NotebookScrubber.Scrub(Executed("2026-11-29T04:02:39.0494248+00:00", "8d8a8a67-b232-4797-ad8a-66f84467786f", 2));
        Assert.DoesNotContain("dotnet_repl_cellExecution", scrubbed);
        Assert.DoesNotContain("Installing Packages", scrubbed);
        Assert.Contains("Installed Packages", scrubbed);
        Assert.Contains("00000000-0000-0000-0000-000000000001", scrubbed);
        Assert.DoesNotContain("\r", scrubbed);
        Assert.EndsWith("}\n", scrubbed);
        Assert.Equal(scrubbed, NotebookScrubber.Scrub(scrubbed));
    }

    [Fact]
    public void Stripping_outputs_leaves_a_notebook_as_it_is_committed()
    {
        var stripped = NotebookDocument.Parse(NotebookScrubber.StripOutputs(Executed("t", "8d8a8a67-b232-4797-ad8a-66f84467786f", 1)), "x.ipynb");
        Assert.All(stripped.Cells, c => Assert.Empty(c.Outputs));
        Assert.DoesNotContain("dotnet_repl", stripped.Cells[0].Metadata);
    }

    [Fact]
    public void A_cell_error_is_reported_with_the_notebook_the_cell_number_and_its_first_line()
    {
        const string json = """
            {"cells":[{"cell_type":"markdown","metadata":{},"source":["# Title"]},
              {"cell_type":"code","metadata":{},"outputs":[{"output_type":"error","ename":"Error","evalue":"(1,1): error CS0103: The name 'x' does not exist","traceback":[]}],
               "source":["\n","x + 1\n","// more"]}],"metadata":{},"nbformat":4,"nbformat_minor":5}
            """;
        var errors = NotebookDocument.Parse(json, "09-example.ipynb").CellErrors;
        Assert.Equal("09-example.ipynb cell 2 (`x + 1`): Error: (1,1): error CS0103: The name 'x' does not exist", Assert.Single(errors));
    }
}
