using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ReproBundle.Data;
using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, classes 3 (blocking reads), 6 (environment faults) and 7 (the manifest hashes the bytes read): each fault
/// ends with one line naming the file, option or variable and the exit code README gives it, in bounded time.
/// </summary>
public class EnvironmentFaultTests
{
    [Fact]
    public void An_empty_output_option_is_refused_naming_it()
    {
        var run = FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", TestPaths.DataDir, "--output", ""]);
        Assert.Equal(2, run.Code);
        Assert.StartsWith("error: --output: is empty", run.Stderr);
    }

    [Fact]
    public void A_dangling_link_and_a_link_loop_as_output_are_named_as_what_they_are()
    {
        using var temp = TestPaths.NewTempDir();
        var dangling = Path.Combine(temp.Path, "dangling");
        File.CreateSymbolicLink(dangling, Path.Combine(temp.Path, "nowhere"));
        var loop = Path.Combine(temp.Path, "loop");
        File.CreateSymbolicLink(loop, loop);

        var d = FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", TestPaths.DataDir, "--output", dangling]);
        var l = FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", TestPaths.DataDir, "--output", loop]);

        Assert.Equal(2, d.Code);
        Assert.Contains($"'{dangling}' is a symbolic link whose target does not exist", d.Stderr);
        Assert.Equal(2, l.Code);
        Assert.Contains($"'{loop}' is a symbolic link that loops", l.Stderr);
    }

    [Fact]
    public async Task A_fifo_given_as_assumptions_or_as_a_data_file_is_refused_before_it_is_opened()
    {
        using var temp = TestPaths.CopyOfData();
        var fifo = Path.Combine(temp.Path, "assumptions.yaml");
        using (var p = Process.Start("mkfifo", [fifo])!) p.WaitForExit();
        var inputs = Path.Combine(temp.Path, "data", "inputs.csv");
        File.Delete(inputs);
        using (var p = Process.Start("mkfifo", [inputs])!) p.WaitForExit();
        var output = Path.Combine(temp.Path, "out");

        // Nobody ever writes to these pipes: a run that opened one would block for good, so each run gets 60 s at most.
        var asAssumptions = Task.Run(() => FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", TestPaths.DataDir, "--assumptions", fifo, "--output", output]));
        var asData = Task.Run(() => FaultCorpusTests.RunInProcess(["reproduce", "--no-png", "--data", Path.Combine(temp.Path, "data"), "--output", output]));
        var a = await asAssumptions.WaitAsync(TimeSpan.FromSeconds(60)); // a TimeoutException: the run blocked on the FIFO
        var d = await asData.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, a.Code);
        Assert.Contains($"error: --assumptions: '{fifo}' is a named pipe (FIFO), not a regular file", a.Stderr);
        Assert.Equal(2, d.Code);
        Assert.Contains($"'{inputs}' is a named pipe (FIFO), not a regular file", d.Stderr);
        Assert.False(Directory.Exists(output));

        // A FIFO swapped in after the type check is opened without waiting for a writer and seen through the handle.
        var open = Task.Run(() =>
        {
            using var handle = FileStatus.OpenForReading(fifo, out var status);
            return status.Kind;
        });
        Assert.Equal(FileKind.Fifo, await open.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_full_stdout_is_named()
    {
        using var temp = TestPaths.NewTempDir();
        var full = new StreamWriter(new FileStream("/dev/full", FileMode.Open, FileAccess.Write)) { AutoFlush = true };
        var stderr = new StringWriter();

        var code = ReproBundle.Cli.CliRunner.Run(ReproBundle.Cli.CliRunner.CreateRoot(), ["--help"], full, stderr);
        try
        {
            full.Dispose();
        }
        catch (IOException)
        {
            // The unwritten text is flushed again on close, and refused again.
        }

        Assert.Equal(2, code);
        Assert.StartsWith("error: stdout: cannot be written (No space left on device", stderr.ToString());
    }

    [Fact]
    public void A_missing_tmpdir_and_a_chrome_path_that_is_a_folder_are_named_with_their_exit_codes()
    {
        using var temp = TestPaths.NewTempDir();
        // Real processes: both are environment variables, which an in-process run would share with the other tests.
        var tmp = CliProcess.RunIn(TestPaths.RepoRoot, new Dictionary<string, string> { ["TMPDIR"] = Path.Combine(temp.Path, "no-such-tmp") },
            "reproduce", "--data", TestPaths.DataDir, "--output", Path.Combine(temp.Path, "o1"));
        Assert.Equal(2, tmp.ExitCode);
        Assert.Contains($"error: TMPDIR: the temporary folder '{Path.Combine(temp.Path, "no-such-tmp")}/' does not exist", tmp.Stderr);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "o1")));

        // A CHROME_PATH that is a folder is a browser fault (README: exit 3): every other output written, the PNGs listed as missing.
        var output = Path.Combine(temp.Path, "o2");
        var chrome = CliProcess.RunIn(TestPaths.RepoRoot, new Dictionary<string, string> { ["CHROME_PATH"] = temp.Path },
            "reproduce", "--data", TestPaths.DataDir, "--output", output);
        Assert.Equal(3, chrome.ExitCode);
        Assert.Contains($"CHROME_PATH '{temp.Path}' is a folder, not a Chromium executable", chrome.Stderr);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "MANIFEST.json")));
        Assert.Equal(11, manifest.RootElement.GetProperty("missing").EnumerateObject().Count());
    }

    [Fact]
    public void The_hash_kept_for_an_input_is_of_the_bytes_read_and_a_second_read_of_changed_bytes_is_refused()
    {
        using var temp = TestPaths.NewTempDir();
        var file = Path.Combine(temp.Path, "inputs.csv");
        File.WriteAllText(file, "name,value\na,1\n");
        using var reads = InputFile.RecordReads();

        var text = InputFile.ReadText(file);
        File.WriteAllText(file, "name,value\na,2\n"); // edited while the run computes

        Assert.Equal("name,value\na,1\n", text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("name,value\na,1\n"))), reads.Sha256Of(file));
        var e = Assert.Throws<BundleInputException>(() => InputFile.ReadText(file));
        Assert.Contains("changed while this run was reading it", e.Problem);
    }
}
