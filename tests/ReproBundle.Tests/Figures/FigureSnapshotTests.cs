using Newtonsoft.Json.Linq;
using ReproBundle.Figures;
using Snapshooter;
using Snapshooter.Xunit;

using Xunit;

namespace ReproBundle.Tests.Figures;

public class FigureSnapshotTests
{
    public static TheoryData<string> Names => FigureTestData.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_figure_json_matches_its_committed_snapshot(string name)
    {
        var chart = PaperFigures.Charts(FigureTestData.Data, FigureTestData.Inputs).Single(c => c.Name == name).Chart;
        // The snapshot is the figure file itself, parsed so Snapshooter stores it as indented JSON a reviewer can diff.
        Snapshot.Match(JToken.Parse(FigureWriter.FigureJson(chart)), SnapshotNameExtension.Create(name));
    }
}
