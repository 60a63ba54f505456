using ReproBundle.Data;

namespace ReproBundle.Figures;

/// <summary>One value Fig. 1 needs that the paper does not print (a row of <c>data/figures/radar_assumptions.csv</c>).</summary>
/// <param name="PlatformId">Table 1 platform id (<c>b200</c>, <c>groq</c>, <c>cerebras</c>).</param>
/// <param name="AxisId">Radar axis id (<c>decode_batch64</c> or <c>max_context</c>).</param>
/// <param name="Value">The assumed value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of the value (tok/s aggregate, K tokens).</param>
/// <param name="Source"><c>bundle-assumption</c> or a paper locator.</param>
/// <param name="Rationale">Why this value: the written reasoning behind the assumption.</param>
/// <param name="Line">Line of the row in its file.</param>
public sealed record RadarAssumption(string PlatformId, string AxisId, Interval Value, string Unit, string Source, string Rationale, int Line);

/// <summary>One criterion of the software-maturity rubric (<c>data/figures/software_maturity_rubric.csv</c>), scored 0, 1 or 2.</summary>
/// <param name="Id">Criterion id.</param>
/// <param name="Name">Criterion name.</param>
/// <param name="Levels">What earns 0, 1 and 2 points.</param>
public sealed record MaturityCriterion(string Id, string Name, IReadOnlyList<string> Levels);

/// <summary>One platform's points on one rubric criterion (<c>data/figures/software_maturity_scores.csv</c>).</summary>
/// <param name="PlatformId">Platform id.</param>
/// <param name="CriterionId">Criterion id.</param>
/// <param name="Points">Points [0-2]; a range where the bundle could not decide between two levels.</param>
/// <param name="Source"><c>bundle-assumption</c>: the paper publishes no scores.</param>
/// <param name="Rationale">Why these points.</param>
public sealed record MaturityScore(string PlatformId, string CriterionId, Interval Points, string Source, string Rationale);

/// <summary>
/// The inputs of the figures that the paper does not give, loaded from <c>data/figures/</c> and checked: every
/// value carries <c>bundle-assumption</c> with a rationale or a paper locator, and every platform is scored on
/// every rubric criterion exactly once.
/// </summary>
public sealed class FigureInputs
{
    /// <summary>The <c>source</c> of a value the bundle assumes (every other source is a paper locator).</summary>
    public const string BundleAssumption = "bundle-assumption";

    /// <summary>The folder under data/ these files live in.</summary>
    public const string Folder = "figures";

    /// <summary>The files this loader reads, relative to data/.</summary>
    public static readonly IReadOnlyList<string> FileNames =
        ["figures/radar_assumptions.csv", "figures/software_maturity_rubric.csv", "figures/software_maturity_scores.csv"];

    /// <summary>The platforms scored for software maturity, in radar order.</summary>
    public static readonly IReadOnlyList<string> ScoredPlatforms = ["h100", "b200", "groq", "cerebras", "custom_asic"];

    /// <summary>The radar axes that may be assumed, and their units.</summary>
    public static readonly IReadOnlyDictionary<string, string> AssumableAxes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["decode_batch64"] = "tok/s aggregate",
        ["max_context"] = "K tokens",
    };

    /// <summary>The rows of <c>radar_assumptions.csv</c>.</summary>
    public IReadOnlyList<RadarAssumption> Assumptions { get; }

    /// <summary>The rubric's criteria, in file order.</summary>
    public IReadOnlyList<MaturityCriterion> Rubric { get; }

    /// <summary>Every score row.</summary>
    public IReadOnlyList<MaturityScore> Scores { get; }

    private FigureInputs(IReadOnlyList<RadarAssumption> assumptions, IReadOnlyList<MaturityCriterion> rubric, IReadOnlyList<MaturityScore> scores)
    {
        Assumptions = assumptions;
        Rubric = rubric;
        Scores = scores;
    }

    /// <summary>The assumed value of <paramref name="platformId"/> on <paramref name="axisId"/>; a missing row is an input error.</summary>
    public RadarAssumption Assumption(string platformId, string axisId) =>
        Assumptions.SingleOrDefault(a => a.PlatformId == platformId && a.AxisId == axisId)
        ?? throw new BundleInputException($"data/{FileNames[0]}", $"no row for platform '{platformId}' on axis '{axisId}' (Fig. 1 needs it)");

    /// <summary>The software-maturity score of a platform [0-10]: the sum of its criterion points.</summary>
    public Interval MaturityScoreOf(string platformId) =>
        Scores.Where(s => s.PlatformId == platformId).Select(s => s.Points).Aggregate(Interval.Point(0), (a, b) => a + b);

    /// <summary>The highest score the rubric allows (2 points per criterion).</summary>
    public double MaturityMaximum => 2.0 * Rubric.Count;

    /// <summary>Loads and validates the three files under <paramref name="dataDirectory"/>/figures.</summary>
    public static FigureInputs Load(string dataDirectory)
    {
        string P(int i) => Path.Combine(dataDirectory, FileNames[i]);

        var assumptions = new List<RadarAssumption>();
        var table = CsvTable.Load(P(0), "platform_id", "axis", "value", "unit", "source", "rationale");
        foreach (var row in table.Rows)
        {
            var axis = row.Required("axis");
            if (!AssumableAxes.TryGetValue(axis, out var unit)) throw row.Error("axis", $"'{axis}' is not an axis Fig. 1 takes from this file ({string.Join(", ", AssumableAxes.Keys)})");
            if (row.Required("unit") != unit) throw row.Error("unit", $"'{row["unit"]}' should be '{unit}' for axis {axis}");
            var value = row.Interval("value");
            if (value.Lo <= 0) throw row.Error("value", "must be positive (the radar's ratio axes are logarithmic)");
            if ((InputCatalog.MagnitudeViolation(value.Lo) ?? InputCatalog.MagnitudeViolation(value.Hi)) is { } magnitude) throw row.Error("value", $"{value} {magnitude}");
            var a = new RadarAssumption(row.Required("platform_id"), axis, value, unit, CheckSource(row, "source"), row.Required("rationale"), row.Line);
            if (assumptions.Any(x => x.PlatformId == a.PlatformId && x.AxisId == a.AxisId)) throw row.Error("axis", $"second row for {a.PlatformId} on {axis}");
            assumptions.Add(a);
        }

        var rubric = new List<MaturityCriterion>();
        foreach (var row in CsvTable.Load(P(1), "criterion_id", "criterion", "points_0", "points_1", "points_2").Rows)
        {
            var c = new MaturityCriterion(row.Required("criterion_id"), row.Required("criterion"), [row.Required("points_0"), row.Required("points_1"), row.Required("points_2")]);
            if (rubric.Any(x => x.Id == c.Id)) throw row.Error("criterion_id", $"'{c.Id}' appears twice");
            rubric.Add(c);
        }

        var scores = new List<MaturityScore>();
        var scoreTable = CsvTable.Load(P(2), "platform_id", "criterion_id", "score", "source", "rationale");
        foreach (var row in scoreTable.Rows)
        {
            var platform = row.Required("platform_id");
            if (!ScoredPlatforms.Contains(platform)) throw row.Error("platform_id", $"'{platform}' is not a radar platform ({string.Join(", ", ScoredPlatforms)})");
            var criterion = row.Required("criterion_id");
            if (rubric.All(c => c.Id != criterion)) throw row.Error("criterion_id", $"'{criterion}' is not in software_maturity_rubric.csv");
            var points = row.Interval("score");
            if (points.Lo < 0 || points.Hi > 2) throw row.Error("score", "points must lie in 0-2");
            if (scores.Any(s => s.PlatformId == platform && s.CriterionId == criterion)) throw row.Error("criterion_id", $"{platform} is scored twice on '{criterion}'");
            scores.Add(new MaturityScore(platform, criterion, points, CheckSource(row, "source"), row.Required("rationale")));
        }
        foreach (var platform in ScoredPlatforms)
        {
            var missing = rubric.Where(c => !scores.Any(s => s.PlatformId == platform && s.CriterionId == c.Id)).Select(c => c.Id).ToList();
            if (missing.Count > 0) throw new BundleInputException(scoreTable.Path, $"platform '{platform}' has no score on: {string.Join(", ", missing)}");
        }
        return new FigureInputs(assumptions, rubric, scores);
    }

    /// <summary>A source is <c>bundle-assumption</c> or a paper locator (§, Table, Appendix, Fig.).</summary>
    private static string CheckSource(CsvRow row, string column)
    {
        var source = row.Required(column);
        string[] locators = [BundleAssumption, "§", "Table", "Appendix", "Fig."];
        if (!locators.Any(l => source.StartsWith(l, StringComparison.Ordinal)))
        {
            throw row.Error(column, $"'{source}' is neither bundle-assumption nor a paper locator (§, Table, Appendix, Fig.)");
        }
        return source;
    }
}
