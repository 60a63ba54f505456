using System.Globalization;
using System.Text.Json;
using ReproBundle.Data;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Data;

/// <summary>
/// Issue 9: every name <c>reproduce --assumptions</c> accepts changes at least one output file. Each name is overridden with
/// a different value inside its domain and the pipeline runs in-process (no PNG, a small Monte Carlo); the output hashes
/// of MANIFEST.json are compared with a run without overrides.
/// </summary>
public class EveryOverrideChangesAnOutputTests
{
    private static readonly MonteCarloSettings SmallMonteCarlo = new(2_000, MonteCarloSettings.DefaultSeed, 1);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Baseline = new(() => RunAndHash(null));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var n in AssumptionOverrides.Names(Paper.Data)) data.Add(n.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Overriding_the_name_changes_at_least_one_output_file(string name)
    {
        var overridable = AssumptionOverrides.Names(Paper.Data).Single(n => n.Name == name);
        var current = overridable.Current ?? Interval.Point(1000);
        var changed = Different(current, overridable.Domain);
        Assert.NotEqual(current, changed);
        Assert.Null(InputCatalog.Violation(overridable.Domain, changed));
        if (overridable.PointOnly) Assert.True(changed.IsPoint);

        var hashes = RunAndHash((name, changed));

        // With an assumptions file the comparison (claims_diff.*) is written and the reviewer's banner heads claims_audit.md and the
        // site's home page, whatever the name reaches: those files would count as changed for any name, so they are not counted.
        string[] changedByAnyOverride = ["claims_audit.md", "site/index.html"];
        var differing = hashes.Where(kv => !kv.Key.StartsWith("claims_diff", StringComparison.Ordinal) && !changedByAnyOverride.Contains(kv.Key))
            .Where(kv => !Baseline.Value.TryGetValue(kv.Key, out var h) || h != kv.Value).Select(kv => kv.Key).ToList();
        Assert.True(differing.Count > 0, $"{name}: {current} -> {changed} changes no output file");
    }

    [Fact]
    public void Every_input_is_accepted_by_assumptions()
    {
        var accepted = AssumptionOverrides.Names(Paper.Data).Select(n => n.Name).ToHashSet();
        Assert.All(InputCatalog.Bindings, b => Assert.Contains(b.Name, accepted));
    }

    /// <summary>A value inside <paramref name="domain"/> that differs from <paramref name="v"/>: 10% in from the ends or scaled by 0.9 / 1.1.</summary>
    private static Interval Different(Interval v, InputDomain domain) => domain switch
    {
        InputDomain.Fraction => new Interval(v.Lo * 0.9, v.Hi * 0.9),
        InputDomain.Share when v.IsPoint => Interval.Point(v.Lo == 0 ? 0.5 : v.Lo * 0.9),
        InputDomain.Share => new Interval(v.Lo + 0.1 * v.Width, v.Hi - 0.1 * v.Width),
        _ => new Interval(v.Lo * 1.1, v.Hi * 1.1),
    };

    private static IReadOnlyDictionary<string, string> RunAndHash((string Name, Interval Value)? over)
    {
        using var dir = TestPaths.NewTempDir();
        string? assumptions = null;
        if (over is { } o)
        {
            string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
            assumptions = Path.Combine(dir.Path, "assumptions.json");
            File.WriteAllText(assumptions, o.Value.IsPoint
                ? $"{{\"{o.Name}\": {F(o.Value.Lo)}}}"
                : $"{{\"{o.Name}\": {{\"lo\": {F(o.Value.Lo)}, \"hi\": {F(o.Value.Hi)}}}}}");
        }
        var output = Path.Combine(dir.Path, "out");
        Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, output, assumptions, Png: false, MonteCarlo: SmallMonteCarlo), TextWriter.Null);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MANIFEST.json")));
        return manifest.RootElement.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
