namespace ReproBundle.Registry;

/// <summary>A node of the laid-out dependency graph.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="Layer">0 for entries that depend on nothing; otherwise one more than the deepest dependency.</param>
/// <param name="Position">Order within the layer, from 0.</param>
/// <param name="X">Horizontal coordinate (the layer).</param>
/// <param name="Y">Vertical coordinate (centred position within the layer).</param>
public sealed record GraphNode(string Id, int Layer, int Position, double X, double Y);

/// <summary>
/// The registry's dependency graph (§7: "bottlenecks link to ... each other (dependency graph)"): cycle search
/// by depth-first search, and a deterministic layered layout computed here (longest-path layering, then
/// ordering inside each layer by the mean position of the dependencies, ties by entry number).
/// </summary>
public static class DependencyGraph
{
    /// <summary>
    /// Every dependency cycle, each as ids from its smallest-numbered member round to it again
    /// (<c>[B2, B5, B2]</c>); empty when the graph is acyclic. Edges to unknown ids are ignored.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindCycles(IReadOnlyList<RegistryEntry> entries)
    {
        var byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 on stack, 2 done
        var stack = new List<string>();
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string id)
        {
            state[id] = 1;
            stack.Add(id);
            foreach (var edge in byId[id].DependsOn.Where(d => byId.ContainsKey(d.Id)))
            {
                var s = state.GetValueOrDefault(edge.Id);
                if (s == 0) Visit(edge.Id);
                else if (s == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(edge.Id)).ToList();
                    var start = cycle.IndexOf(cycle.MinBy(c => byId[c].Number)!);
                    var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
                    rotated.Add(rotated[0]);
                    if (seen.Add(string.Join(">", rotated))) cycles.Add(rotated);
                }
            }
            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
        }

        foreach (var e in entries.OrderBy(e => e.Number))
        {
            if (state.GetValueOrDefault(e.Id) == 0) Visit(e.Id);
        }
        return cycles;
    }

    /// <summary>Every edge as (from, to): <c>from</c> depends on <c>to</c>, in entry then edge order.</summary>
    public static IReadOnlyList<(string From, string To)> Edges(BottleneckRegistry registry) =>
        registry.Entries.SelectMany(e => e.DependsOn.Select(d => (e.Id, d.Id))).ToList();

    /// <summary>
    /// Lays the graph out in layers: an entry sits one layer right of its deepest dependency; inside a layer
    /// entries are ordered by the mean position of their dependencies, then by number. Requires an acyclic
    /// graph (the lint guarantees it).
    /// </summary>
    public static IReadOnlyList<GraphNode> Layout(BottleneckRegistry registry)
    {
        var entries = registry.Entries.OrderBy(e => e.Number).ToList();
        var byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var layer = new Dictionary<string, int>(StringComparer.Ordinal);
        int LayerOf(string id, int depth)
        {
            if (layer.TryGetValue(id, out var l)) return l;
            if (depth > entries.Count) throw new InvalidOperationException("dependency cycle: lint the registry first");
            var deps = byId[id].DependsOn.Where(d => byId.ContainsKey(d.Id)).ToList();
            l = deps.Count == 0 ? 0 : deps.Max(d => LayerOf(d.Id, depth + 1)) + 1;
            layer[id] = l;
            return l;
        }
        foreach (var e in entries) LayerOf(e.Id, 0);

        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>();
        foreach (var group in entries.GroupBy(e => layer[e.Id]).OrderBy(g => g.Key))
        {
            var ordered = group
                .Select(e => (Entry: e, Key: e.DependsOn.Where(d => position.ContainsKey(d.Id)).Select(d => (double)position[d.Id]).DefaultIfEmpty(double.MaxValue).Average()))
                .OrderBy(x => x.Key).ThenBy(x => x.Entry.Number).Select(x => x.Entry).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                position[ordered[i].Id] = i;
                nodes.Add(new GraphNode(ordered[i].Id, group.Key, i, group.Key, i - (ordered.Count - 1) / 2.0));
            }
        }
        return nodes;
    }
}
