using System.Reflection;
using ReproBundle.Data;
using Xunit;

namespace ReproBundle.Tests.Data;

/// <summary>One mapping between the names of data/inputs.csv and the typed <see cref="PaperInputs"/>.</summary>
public class InputCatalogTests
{
    private static IEnumerable<(string Path, object? Value)> Leaves(PaperInputs x) =>
        typeof(PaperInputs).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract")
            .SelectMany(p => p.PropertyType == typeof(AgentDensityInputs)
                ? typeof(AgentDensityInputs).GetProperties().Select(q => ($"{p.Name}.{q.Name}", q.GetValue(p.GetValue(x))))
                : [(p.Name, p.GetValue(x))]);

    [Fact]
    public void Every_name_of_inputs_csv_sets_exactly_one_typed_property_and_every_property_has_a_name()
    {
        var paper = Paper.Data.Values;
        var before = Leaves(paper).ToDictionary(l => l.Path, l => l.Value);
        var covered = new List<string>();
        foreach (var b in InputCatalog.Bindings)
        {
            var changed = Leaves(b.With(paper, Interval.Point(0.123))).Where(l => !Equals(l.Value, before[l.Path])).Select(l => l.Path).ToList();
            Assert.True(changed.Count == 1, $"{b.Name} sets {string.Join(", ", changed)}");
            covered.Add(changed[0]);
        }
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
        Assert.Equal(Paper.Data.Inputs.Keys.Order(StringComparer.Ordinal), InputCatalog.Bindings.Select(b => b.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_typed_inputs_hold_the_printed_values()
    {
        var x = Paper.Data.Values;
        Assert.Equal(new Interval(200e9, 400e9), x.ActiveParameters);          // §3.1 "P_active in [200, 400] B"
        Assert.Equal(new Interval(0, 1), x.SramFraction);                     // §3.2 "0-100%"
        Assert.Equal(new AgentDensityInputs(30000, 3, 0.7, 25, 5), x.AppendixCH100);
        Assert.Equal(new AgentDensityInputs(12000, 3, 0.8, 500, 5), x.AppendixCAsic);
        Assert.Equal(0.5, x.Fp4ShortfallFactor);
        Assert.Equal(10e6, x.DeploymentUsd);
    }

    [Fact]
    public void A_worked_example_value_given_as_a_range_in_inputs_csv_is_rejected_with_its_file_and_line()
    {
        using var copy = TestPaths.CopyOfData();
        var dataDir = Path.Combine(copy.Path, "data");
        var path = Path.Combine(dataDir, "inputs.csv");
        var lines = File.ReadAllLines(path);
        int i = Array.FindIndex(lines, l => l.StartsWith("appc.h100.tok_s,", StringComparison.Ordinal));
        lines[i] = lines[i].Replace("appc.h100.tok_s,25,", "appc.h100.tok_s,20-30,");
        File.WriteAllLines(path, lines);

        var e = Assert.Throws<BundleInputException>(() => PaperData.Load(dataDir));

        Assert.Contains($"inputs.csv:{i + 1}", e.Message);
        Assert.Contains("single number", e.Message);
    }

    /// <summary>Loads a copy of data/ whose inputs.csv lines were changed by <paramref name="edit"/>; returns the load error.</summary>
    private static BundleInputException LoadWithInputs(Action<List<string>> edit)
    {
        using var copy = TestPaths.CopyOfData();
        var dataDir = Path.Combine(copy.Path, "data");
        var path = Path.Combine(dataDir, "inputs.csv");
        var lines = File.ReadAllLines(path).ToList();
        edit(lines);
        File.WriteAllLines(path, lines);
        return Assert.Throws<BundleInputException>(() => PaperData.Load(dataDir));
    }

    [Fact]
    public void A_name_in_inputs_csv_that_nothing_reads_is_rejected_at_load_with_its_file_and_line()
    {
        // The row §1's printed footprint had before it became the claim s1.weight_footprint: no equation reads it.
        var e = LoadWithInputs(lines => lines.Insert(3, "s1.weight_footprint_bytes,140e9,bytes,\"§1 \"\"the ~140 GB weight footprint\"\"\",,"));

        Assert.Contains("inputs.csv:4", e.Message);
        Assert.Contains("unknown input 's1.weight_footprint_bytes'", e.Message);
    }

    [Fact]
    public void A_name_the_model_reads_that_is_missing_from_inputs_csv_is_rejected_at_load_naming_the_file_and_the_name()
    {
        var e = LoadWithInputs(lines => lines.RemoveAll(l => l.StartsWith("model.sram_fraction,", StringComparison.Ordinal)));

        Assert.Contains("inputs.csv", e.Message);
        Assert.Contains("lacks input(s): model.sram_fraction", e.Message);
    }

    [Fact]
    public void A_single_number_input_cannot_silently_take_a_range()
    {
        var tokS = InputCatalog.ByName["appc.h100.tok_s"];

        Assert.Throws<InvalidOperationException>(() => tokS.With(Paper.Data.Values, new Interval(20, 30)));
    }

    [Fact]
    public void The_Monte_Carlo_draws_r_over_the_range_it_is_given()
    {
        // The r-invariance claim check draws r over 1-100 tok/s; the model must carry that range, not its low end.
        var model = ReproBundle.Uncertainty.UncertaintyModel.From(Paper.Data, ReproBundle.Uncertainty.UncertaintyScenario.PaperRanges, new Interval(1, 100));

        Assert.All(model.Quantities.Where(q => q.Symbol.StartsWith("r_", StringComparison.Ordinal)), q => Assert.Equal(new Interval(1, 100), q.Prior.Range));
    }
}
