using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Exports;
using ReproBundle.Output;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace ReproBundle.Tests.Exports;

/// <summary>
/// Snapshot tests lock every table export (Snapshooter.Xunit; Verify.Xunit cannot be restored here). A
/// changed number fails the test and leaves the new version under __snapshots__/__mismatch__/; to accept
/// it, copy that file over the one in __snapshots__/ (docs/contributing.md, "Accept a changed snapshot"). Under
/// CI=true (SNAPSHOOTER_STRICT_MODE=true) a missing snapshot fails instead of being written.
/// </summary>
public class TableSnapshotTests
{
    private static string Export(string file)
    {
        using var temp = TestPaths.NewTempDir();
        using var stage = new OutputStage(Path.Combine(temp.Path, "out"));
        TableExports.Write(stage, Paper.Data);
        var claims = Claim.Load(Path.Combine(TestPaths.DataDir, "claims.csv"));
        var core = new CoreClaimChecks(Paper.Data);
        ClaimsAudit.Write(stage, ClaimsAudit.Run(claims.Where(c => core.Checks.ContainsKey(c.ClaimId)).ToList(), [core]));
        return File.ReadAllText(stage.PathFor(file));
    }

    [Theory]
    [InlineData("tables/table1_baselines.csv")]
    [InlineData("tables/table2_projections.csv")]
    [InlineData("tables/agent_density.csv")]
    [InlineData("tables/projections_table.csv")]
    [InlineData("claims_audit.csv")]
    public void Table_export_matches_its_snapshot(string file)
    {
        // One object per row, one field per line: a changed number shows up in a diff as one line.
        var table = CsvTable.Parse(file, Export(file));
        var rows = table.Rows.Select(r => table.Columns.ToDictionary(c => c, c => r[c])).ToList();
        Snapshot.Match(new { columns = table.Columns, rows }, SnapshotNameExtension.Create(Path.GetFileNameWithoutExtension(file)));
    }
}
