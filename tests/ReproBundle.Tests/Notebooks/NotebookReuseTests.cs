using System.Text.Json;
using ReproBundle.Notebooks;
using ReproBundle.Output;
using Xunit;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// <c>reproduce --notebooks</c> runs only the notebooks whose key changed (<see cref="NotebookReuse"/>). The runner is replaced
/// by one that records what it was asked to run (this collection runs one test at a time, and nothing else sets the runner).
/// </summary>
[Collection(NotebookKernels.Name)]
public sealed class NotebookReuseTests : IDisposable
{
    private readonly TempDir _temp = TestPaths.NewTempDir();
    private readonly List<string> _asked = [];
    private readonly Func<IReadOnlyList<string>, string?, string?, Task<IReadOnlyList<NotebookRun>>> _previousRunner = NotebookExecution.Runner;

    public NotebookReuseTests()
    {
        NotebookExecution.Runner = (notebooks, _, _) =>
        {
            _asked.AddRange(notebooks.Select(Path.GetFileName)!);
            return Task.FromResult<IReadOnlyList<NotebookRun>>([.. notebooks.Select(n => new NotebookRun(n, 0,
                $$"""{"cells":[{"cell_type":"markdown","id":"a","metadata":{},"source":["{{Path.GetFileName(n)}}"]}],"metadata":{},"nbformat":4,"nbformat_minor":5}""",
                "", TimeSpan.Zero))]);
        };
    }

    public void Dispose()
    {
        NotebookExecution.Runner = _previousRunner;
        _temp.Dispose();
    }

    private static string NotebooksDir => Path.Combine(TestPaths.RepoRoot, "notebooks");

    /// <summary>One run of the notebook step into <c>out</c>, published with a manifest as reproduce writes it (outputs and notebook_sources).</summary>
    private string Run(string data)
    {
        var log = new StringWriter();
        using var stage = new OutputStage(Path.Combine(_temp.Path, "out"));
        NotebookExecution.WriteExecuted(stage, NotebooksDir, data, null, log);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("outputs");
            foreach (var (path, hash) in stage.WrittenFiles) w.WriteString(path, hash);
            w.WriteEndObject();
            NotebookReuse.WriteManifestProperty(w, stage);
            w.WriteEndObject();
        }
        stage.WriteBytes(OutputStage.ManifestName, buffer.ToArray());
        stage.Commit();
        return log.ToString();
    }

    [Fact]
    public void Unchanged_notebooks_are_reused_and_a_data_change_runs_them_all_again()
    {
        var count = Directory.GetFiles(NotebooksDir, "*.ipynb").Length;
        Assert.True(count >= 8);
        Run(TestPaths.DataDir);
        Assert.Equal(count, _asked.Count);

        // Nothing changed: no notebook is run, every executed copy is taken over byte for byte.
        _asked.Clear();
        var executed = Path.Combine(_temp.Path, "out", "notebooks", "01-calibrated-baselines.ipynb");
        var before = File.ReadAllBytes(executed);
        var log = Run(TestPaths.DataDir);
        Assert.Empty(_asked);
        Assert.Contains("notebook 01-calibrated-baselines.ipynb: reused", log);
        Assert.Equal(before, File.ReadAllBytes(executed));

        // An executed copy that is gone is run again, alone. (One edited by hand is the user's: the run stops rather than
        // overwrite it, docs/output-safety.md, and OutputIdentityTests covers that.)
        File.Delete(executed);
        Run(TestPaths.DataDir);
        Assert.Equal(["01-calibrated-baselines.ipynb"], _asked);

        // A changed data file: every notebook runs again.
        _asked.Clear();
        using var copy = TestPaths.CopyOfData();
        File.AppendAllText(Path.Combine(copy.Path, "data", "registry", "README.md"), "\n");
        Run(Path.Combine(copy.Path, "data"));
        Assert.Equal(count, _asked.Count);
    }
}
