using Xunit;

namespace ReproBundle.Tests.Faults;

/// <summary>
/// Issue 26, item 6 (the data half): cells that used to end in an internal error (exit 1) are bad input like any other,
/// exit 2 with file:line and the column (a deleted row, which has no line, with the file and the claim id). Each case
/// runs in-process through the same harness as <see cref="FaultCorpusTests"/>: one stderr line, the output untouched.
/// </summary>
public class UnevenValidationTests
{
    private static readonly Dictionary<string, FaultCase> Cases = new FaultCase[]
    {
        new("table1: n/a CapEx for a platform Fig. 1 divides by",
            e => FaultCorpus.Replace(e, "table1_baselines.csv", "h100,H100 SXM,published,1,30000,", "h100,H100 SXM,published,1,n/a,"),
            e => e.Reproduce(), "table1_baselines.csv:2:", "column 'capex_usd'", "'n/a' is not allowed for 'h100'"),
        new("claims.csv: a row the bundle checks deleted",
            e => FaultCorpus.Replace(e, "claims.csv", "s1.weight_footprint,§1,a 70B-parameter dense model in BF16 … the ~140 GB weight footprint,~140 GB,140,GB,equal,printed,,s1.bandwidth_wall,,\n", ""),
            e => e.Reproduce(), "claims.csv:", "s1.weight_footprint"),
        new("claims.csv: subnormal published_value",
            e => FaultCorpus.Replace(e, "claims.csv", "~140 GB,140,GB,", "~140 GB,1e-320,GB,"),
            e => e.Reproduce(), "claims.csv:3:", "column 'published_value'", "between 1e-09 and 1e+18"),
        new("claims.csv: published_value above 1e18",
            e => FaultCorpus.Replace(e, "claims.csv", "~140 GB,140,GB,", "~140 GB,1e19,GB,"),
            e => e.Reproduce(), "claims.csv:3:", "column 'published_value'", "between 1e-09 and 1e+18"),
        new("claims.csv: printed rounding of a number in exponent form",
            e => FaultCorpus.Replace(e, "claims.csv", "~140 GB,140,GB,", "~140 GB,1.4e2,GB,"),
            e => e.Reproduce(), "claims.csv:3:", "column 'published_value'", "as the paper prints it"),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The case names.</summary>
    public static TheoryData<string> Names() => new(Cases.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Names))]
    public void Bad_cell_exits_2_naming_file_line_and_column(string name)
    {
        var fault = Cases[name];
        using var temp = TestPaths.CopyOfData();
        var env = new FaultEnv(temp.Path);
        FaultCorpusTests.PlantEarlierOutput(env.Output);
        fault.Break(env);
        var before = FaultCorpusTests.Fingerprint(env.Root);

        var (code, stdout, stderr, _) = FaultCorpusTests.RunInProcess(fault.Args(env));

        FaultCorpusTests.AssertOneLineRejection(code, stderr, stdout, fault.Expected);
        Assert.Equal(before, FaultCorpusTests.Fingerprint(env.Root));
    }
}
