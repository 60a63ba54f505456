using ReproBundle.Registry;
using Xunit;

namespace ReproBundle.Tests.Registry;

public class DependencyGraphTests
{
    [Fact]
    public void The_seed_graph_has_the_four_inferred_edges_and_no_cycle()
    {
        var registry = RegistryTestData.Seed();

        Assert.Equal([("B16", "B6"), ("B17", "B11"), ("B17", "B8"), ("B18", "B4")], DependencyGraph.Edges(registry));
        Assert.Empty(DependencyGraph.FindCycles(registry.Entries));
    }

    [Fact]
    public void The_layout_puts_each_entry_one_layer_right_of_its_deepest_dependency_and_is_deterministic()
    {
        var registry = RegistryTestData.Seed();

        var layout = DependencyGraph.Layout(registry);

        Assert.Equal(18, layout.Count);
        Assert.All(layout.Where(n => n.Id is "B16" or "B17" or "B18"), n => Assert.Equal(1, n.Layer));
        Assert.All(layout.Where(n => n.Id is not ("B16" or "B17" or "B18")), n => Assert.Equal(0, n.Layer));
        Assert.Equal(layout, DependencyGraph.Layout(registry));
        // Layer 1 is ordered by the mean position of the dependencies: B18 (-> B4) before B16 (-> B6) before B17 (-> B8, B11).
        Assert.Equal(["B18", "B16", "B17"], layout.Where(n => n.Layer == 1).OrderBy(n => n.Position).Select(n => n.Id));
    }

    [Fact]
    public void A_cycle_is_found_and_rotated_to_start_at_its_smallest_entry()
    {
        var seed = RegistryTestData.Seed().Entries;
        var entries = seed.Select(e => e.Id switch
        {
            "B2" => e with { DependsOn = [new DependencyEdge("B5", "bundle-inference", "test")] },
            "B5" => e with { DependsOn = [new DependencyEdge("B7", "bundle-inference", "test")] },
            "B7" => e with { DependsOn = [new DependencyEdge("B2", "bundle-inference", "test")] },
            _ => e,
        }).ToList();

        var cycle = Assert.Single(DependencyGraph.FindCycles(entries));

        Assert.Equal(["B2", "B5", "B7", "B2"], cycle);
    }
}
