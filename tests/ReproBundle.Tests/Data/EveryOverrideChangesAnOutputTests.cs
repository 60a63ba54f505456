using System.Globalization;
using System.Text.Json;
using ReproBundle.Data;
using ReproBundle.Review;
using ReproBundle.Uncertainty;
using Xunit;

namespace ReproBundle.Tests.Data;

/// <summary>
/// Issue 9: every name <c>reproduce --assumptions</c> accepts reaches at least one output. Proved from ONE reproduce run
/// (in-process, no PNG, a small Monte Carlo) whose assumptions file sets every name to a different value inside its
/// domain: the run finds what each override reaches applied alone (claims, headline numbers, tables, figures, the Monte
/// Carlo; the banner's lines). For one name of each kind (an input range, a single-number input, a Table 1 cell, a Table 2
/// cell, a bundle assumption that only a figure and a table read) the output files' hashes of MANIFEST.json are also
/// compared end to end with a run without overrides.
/// </summary>
public class EveryOverrideChangesAnOutputTests
{
    private static readonly MonteCarloSettings SmallMonteCarlo = new(2_000, MonteCarloSettings.DefaultSeed, 1);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Baseline = new(() => RunAndHash([]).Hashes);

    /// <summary>The one run that overrides every name at once.</summary>
    private static readonly Lazy<IReadOnlyList<OverrideReach>> EveryName = new(() =>
    {
        var overrides = AssumptionOverrides.Names(Paper.Data).Select(n => (n.Name, Decisive(n.Current ?? Interval.Point(1000), n.Domain))).ToList();
        return RunAndHash(overrides).Reaches;
    });

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var n in AssumptionOverrides.Names(Paper.Data)) data.Add(n.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Overriding_the_name_reaches_an_output(string name)
    {
        var reach = Assert.Single(EveryName.Value, r => r.Name == name);
        Assert.True(reach.Claims.Count + reach.Headlines.Count + reach.Tables.Count + reach.Figures.Count > 0 || reach.MonteCarlo,
            $"{name}: {reach.PaperValue} -> {reach.ReviewerValue} {reach.Reaches}");
    }

    [Fact]
    public void The_one_run_overrides_every_name_with_a_different_value_inside_its_domain()
    {
        Assert.Equal(AssumptionOverrides.Names(Paper.Data).Select(n => n.Name).Order(StringComparer.Ordinal), EveryName.Value.Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var overridable in AssumptionOverrides.Names(Paper.Data))
        {
            var current = overridable.Current ?? Interval.Point(1000);
            var changed = Decisive(current, overridable.Domain);
            Assert.NotEqual(current, changed);
            Assert.Null(InputCatalog.Violation(overridable.Domain, changed));
            if (overridable.PointOnly) Assert.True(changed.IsPoint, overridable.Name);
        }
    }

    /// <summary>One name per kind, each checked end to end on the output files.</summary>
    public static TheoryData<string> OneNamePerKind() =>
        ["asic.node_cost_usd", "appc.h100.tok_s", "table1.groq.power_w", "table2.decode_single.asic", "etched.server_capex_usd"];

    [Theory]
    [MemberData(nameof(OneNamePerKind))]
    public void Overriding_the_name_alone_changes_an_output_file(string name)
    {
        var overridable = AssumptionOverrides.Names(Paper.Data).Single(n => n.Name == name);
        var hashes = RunAndHash([(name, Different(overridable.Current ?? Interval.Point(1000), overridable.Domain))]).Hashes;

        // With an assumptions file the comparison (claims_diff.*) is written and the reviewer's banner heads claims_audit.md and the
        // site's home page, whatever the name reaches: those files would count as changed for any name, so they are not counted.
        string[] changedByAnyOverride = ["claims_audit.md", "site/index.html"];
        var differing = hashes.Where(kv => !kv.Key.StartsWith("claims_diff", StringComparison.Ordinal) && !changedByAnyOverride.Contains(kv.Key))
            .Where(kv => !Baseline.Value.TryGetValue(kv.Key, out var h) || h != kv.Value).Select(kv => kv.Key).ToList();
        Assert.True(differing.Count > 0, $"{name} changes no output file");
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

    /// <summary>
    /// The one run's value: half of a positive quantity (so a count formed by rounding up, such as the GPUs that hold a model,
    /// moves too: 10% more HBM still needs 2 H100s for 140 GB, half of it 4), else <see cref="Different"/>.
    /// </summary>
    private static Interval Decisive(Interval v, InputDomain domain) => domain == InputDomain.Positive ? new Interval(v.Lo * 0.5, v.Hi * 0.5) : Different(v, domain);

    private static (IReadOnlyDictionary<string, string> Hashes, IReadOnlyList<OverrideReach> Reaches) RunAndHash(IReadOnlyList<(string Name, Interval Value)> overrides)
    {
        using var dir = TestPaths.NewTempDir();
        string? assumptions = null;
        if (overrides.Count > 0)
        {
            string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
            string Value(Interval v) => v.IsPoint ? F(v.Lo) : $"{{\"lo\": {F(v.Lo)}, \"hi\": {F(v.Hi)}}}";
            assumptions = Path.Combine(dir.Path, "assumptions.json");
            File.WriteAllText(assumptions, "{" + string.Join(",\n", overrides.Select(o => $"\"{o.Name}\": {Value(o.Value)}")) + "}\n");
        }
        var output = Path.Combine(dir.Path, "out");
        var result = Reproduction.Run(new ReproduceOptions(TestPaths.DataDir, output, assumptions, Png: false, MonteCarlo: SmallMonteCarlo), TextWriter.Null);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "MANIFEST.json")));
        var hashes = manifest.RootElement.GetProperty("outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return (hashes, result.Reaches);
    }
}
