using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;
using Xunit;

namespace ReproBundle.Tests;

/// <summary>
/// The direction the layers may depend on each other (docs/architecture.md draws the same picture): the model at the
/// bottom, then the loader, then the product's services, the audit, the review, the site, the pipeline and the CLI on top;
/// the notebooks' display project is used only by notebooks, twins and tests. Each layer's list below is what it may use;
/// anything else is an edge against the direction, and any cycle between layers fails on its own.
/// </summary>
public class LayerDirectionTests
{
    private const string Model = "Model", Data = "Data", Charts = "Charts", Output = "Output", Browser = "Browser",
        Exports = "Exports", Figures = "Figures", Uncertainty = "Uncertainty", Registry = "Registry", Notebooks = "Notebooks",
        Audit = "Audit", Review = "Review", Site = "Site", Reproduction = "Reproduction", Cli = "Cli", Escaping = "Escaping";

    private static readonly string[] Services = [Model, Data, Charts, Escaping, Output, Browser];
    private static readonly string[] Sections = [Exports, Figures, Uncertainty, Registry, Notebooks];

    /// <summary>What each layer may depend on (never itself listed; a layer always uses its own types).</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        [Model] = [],
        [Data] = [Model],
        [Charts] = [],
        // One escaper per output kind (plotly.js text, Markdown): text in, text out.
        [Escaping] = [],
        [Output] = [Model, Data],
        [Browser] = [Model, Data, Output],
        // The paper's sections: the tables first, the figures draw from their rows (and hold the chart kit the Monte
        // Carlo's and the registry's charts use).
        [Exports] = Services,
        [Figures] = [.. Services, Exports],
        [Uncertainty] = [.. Services, Exports, Figures],
        [Registry] = [.. Services, Exports, Figures],
        [Notebooks] = Services,
        // The audit recomputes the claims of the figures, the Monte Carlo, the registry and the tables; never the reverse.
        [Audit] = [.. Services, .. Sections],
        [Review] = [.. Services, .. Sections, Audit],
        [Site] = [.. Services, .. Sections, Audit, Review],
        [Reproduction] = [.. Services, .. Sections, Audit, Review, Site],
        [Cli] = [.. Services, .. Sections, Audit, Review, Site, Reproduction],
    };

    private static readonly Assembly ProductAssembly = typeof(Reproduction).Assembly;

    /// <summary>The product's root-namespace types (the pipeline): matched by full name, as "ReproBundle" prefixes every namespace.</summary>
    private static readonly string[] ReproductionTypes = ProductAssembly.GetTypes()
        .Where(t => t.Namespace == "ReproBundle" && !t.IsNested).Select(t => t.FullName!).ToArray();

    /// <summary>How a dependency on each layer is recognised (namespace or type-name prefixes).</summary>
    private static string[] Names(string layer) => layer switch
    {
        Model => typeof(Interval).Assembly.GetTypes().Where(t => t.IsPublic || t.IsNotPublic).Where(t => !t.IsNested && t.Namespace == "ReproBundle")
            .Select(t => t.FullName!).ToArray(),
        Reproduction => ReproductionTypes,
        Cli => ["ReproBundle.Cli"],
        _ => [$"ReproBundle.{layer}"],
    };

    /// <summary>The types of each layer, as NetArchTest selects them.</summary>
    private static PredicateList? Select(string layer)
    {
        var product = Types.InAssembly(ProductAssembly);
        return layer switch
        {
            Model => Types.InAssembly(typeof(Interval).Assembly).That().ResideInNamespace("ReproBundle"),
            Data => Types.InAssembly(typeof(ReproBundle.Data.PaperData).Assembly).That().ResideInNamespace("ReproBundle.Data"),
            Charts => Types.InAssembly(typeof(ReproBundle.Charts.OfflineChartPage).Assembly).That().ResideInNamespace("ReproBundle.Charts"),
            Cli => Types.InAssembly(typeof(ReproBundle.Cli.CliRunner).Assembly).That().ResideInNamespace("ReproBundle.Cli"),
            Reproduction => MayUse.Keys.Where(l => l is not (Model or Data or Charts or Cli or Reproduction))
                .Aggregate(product.That().ResideInNamespace("ReproBundle"), (p, l) => p.And().DoNotResideInNamespace($"ReproBundle.{l}"))
                .And().DoNotResideInNamespace("Microsoft"),
            _ => product.That().ResideInNamespace($"ReproBundle.{layer}"),
        };
    }

    /// <summary>Every (from, to) layer edge with the types of <c>from</c> that make it.</summary>
    private static readonly Lazy<IReadOnlyList<(string From, string To, IReadOnlyList<string> Types)>> Edges = new(() =>
    {
        var edges = new List<(string, string, IReadOnlyList<string>)>();
        foreach (var from in MayUse.Keys)
        {
            foreach (var to in MayUse.Keys.Where(t => t != from))
            {
                var result = Select(from)!.Should().NotHaveDependencyOnAny(Names(to)).GetResult();
                if (!result.IsSuccessful) edges.Add((from, to, result.FailingTypeNames.Where(n => !n.Contains('<')).DefaultIfEmpty(result.FailingTypeNames.First()).Distinct().ToList()));
            }
        }
        return edges;
    });

    [Fact]
    public void Every_namespace_of_the_product_is_a_layer_of_the_direction()
    {
        var unknown = ProductAssembly.GetTypes().Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith("ReproBundle.", StringComparison.Ordinal))
            .Select(ns => ns.Split('.')[1]).Distinct().Where(l => !MayUse.ContainsKey(l)).ToList();
        Assert.True(unknown.Count == 0, $"namespaces with no place in the direction (add them to LayerDirectionTests.MayUse and docs/architecture.md): {string.Join(", ", unknown)}");
        // the selections are not empty, so a renamed namespace cannot make the rules vacuous
        foreach (var layer in MayUse.Keys) Assert.NotEmpty(Select(layer)!.GetTypes());
    }

    [Fact]
    public void No_layer_depends_on_a_layer_the_direction_does_not_allow()
    {
        var against = Edges.Value.Where(e => !MayUse[e.From].Contains(e.To))
            .Select(e => $"{e.From} -> {e.To}: {string.Join(", ", e.Types)}").ToList();
        Assert.True(against.Count == 0, "edges against the direction (docs/architecture.md):\n" + string.Join("\n", against));
    }

    [Fact]
    public void The_layers_have_no_cycle()
    {
        var next = Edges.Value.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var cycles = new List<string>();
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        void Visit(string layer, List<string> path)
        {
            state[layer] = 1;
            path.Add(layer);
            foreach (var to in next.GetValueOrDefault(layer, []))
            {
                if (state.GetValueOrDefault(to) == 1) cycles.Add(string.Join(" -> ", path.SkipWhile(l => l != to).Append(to)));
                else if (state.GetValueOrDefault(to) == 0) Visit(to, path);
            }
            path.RemoveAt(path.Count - 1);
            state[layer] = 2;
        }
        foreach (var layer in MayUse.Keys.Where(l => state.GetValueOrDefault(l) == 0)) Visit(layer, []);
        Assert.True(cycles.Count == 0, "cycles between layers:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_allowed_direction_itself_has_no_cycle()
    {
        // A layer may use only layers that come before it in MayUse's order: the table is a direction, not a web.
        var order = MayUse.Keys.ToList();
        foreach (var (layer, uses) in MayUse)
        {
            foreach (var used in uses) Assert.True(order.IndexOf(used) < order.IndexOf(layer), $"{layer} may use {used}, which comes after it");
        }
    }

    [Fact]
    public void The_product_never_depends_on_the_notebooks_display_project()
    {
        foreach (var assembly in new[] { ProductAssembly, typeof(ReproBundle.Cli.CliRunner).Assembly, typeof(Interval).Assembly, typeof(ReproBundle.Data.PaperData).Assembly })
        {
            Assert.DoesNotContain("ReproBundle.Display", assembly.GetReferencedAssemblies().Select(a => a.Name));
        }
        foreach (var project in new[] { "ReproBundle", "ReproBundle.Cli", "ReproBundle.Model", "ReproBundle.Data", "ReproBundle.Charts" })
        {
            var csproj = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "lib", project, project + ".csproj"));
            var references = csproj.Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include") ?? "").ToList();
            Assert.DoesNotContain(references, r => r.Contains("ReproBundle.Display", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_display_project_is_used_by_the_notebooks_and_their_twins()
    {
        // the other half of the rule: were nothing to use it, the project would be dead weight, not a layer
        Assert.Contains("ReproBundle.Display.dll", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "notebooks", "setup.csx")), StringComparison.Ordinal);
        Assert.Contains("#:project ../lib/ReproBundle.Display/ReproBundle.Display.csproj",
            File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "notebooks", "01-calibrated-baselines.cs")), StringComparison.Ordinal);
    }
}
