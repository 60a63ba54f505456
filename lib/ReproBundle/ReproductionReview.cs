using ReproBundle.Audit;
using ReproBundle.Data;
using ReproBundle.Figures;
using ReproBundle.Registry;
using ReproBundle.Review;
using ReproBundle.Uncertainty;

namespace ReproBundle;

/// <summary>
/// The reviewer's side of the pipeline (issues 14 and 25): what one name of an assumptions file or of <c>explain</c> reaches.
/// </summary>
public static partial class Reproduction
{
    /// <summary>What one name of the reviewer's file reaches, with its fan-out over the places it sets.</summary>
    private static OverrideReach ReviewerReach(AssumptionEntry entry, AssumptionOverrides overrides, PaperData paperData, RelatedInputs related,
        IReadOnlyList<string> claims, IReadOnlyList<string> headlines, IReadOnlyList<string> tables, IReadOnlyList<string> figures, bool monteCarlo)
    {
        var catalog = AssumptionOverrides.Names(paperData).ToDictionary(n => n.Name, StringComparer.Ordinal);
        var place = entry.IsQuantity ? null : catalog[entry.Key];
        var set = overrides.Items.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        return new OverrideReach(entry.Key, place?.Current, place?.Source ?? "", entry.Value, $"{Path.GetFileName(overrides.FilePath)}:{entry.Line}",
            claims, headlines, tables, figures, monteCarlo, [.. related.Others(entry.Key).Where(r => !set.Contains(r.Name))])
        {
            Sets = entry.IsQuantity ? entry.Sets : [],
            LeftToMoreSpecific = entry.LeftToMoreSpecific,
            Why = entry.Why,
        };
    }

    /// <summary>
    /// <c>explain NAME</c>: what one overridable name or quantity name feeds. Each place the name sets is perturbed (its value
    /// times 1.1, or times 0.9 where a fraction would pass 1; 1000 where data/ holds n/a; the places of a quantity each by a
    /// slightly different factor, so that a ratio of two of them cannot hide the change) and the claims, headline numbers,
    /// tables and figures that change are listed, with whether the Monte Carlo draws it and the other names of the same
    /// quantity. With <paramref name="assumptionsFile"/> the baseline is the reviewer's inputs. An unknown name is bad input
    /// (exit 2) with the nearest known names.
    /// </summary>
    public static OverrideReach Explain(string dataDirectory, string name, MonteCarloSettings? monteCarlo = null, string? assumptionsFile = null) =>
        new ExplainSession(dataDirectory, monteCarlo, assumptionsFile).Explain(name);

    /// <summary>
    /// The inputs of <c>explain</c> loaded once (data/, the claims, the registry, the figure inputs, one Monte Carlo run),
    /// so several names can be explained against the same baseline.
    /// </summary>
    public sealed class ExplainSession
    {
        private readonly PaperData _data;
        private readonly RelatedInputs _related;
        private readonly IReadOnlyList<Claim> _claims;
        private readonly BottleneckRegistry _registry;
        private readonly FigureInputs _figureInputs;
        private readonly UncertaintyResult _uncertainty;
        private readonly IReadOnlyDictionary<string, OverridableName> _catalog;
        private readonly IReadOnlyList<AuditRow> _audit;
        private readonly IReadOnlyList<(string Name, string Description, string Unit, double? Value)> _headlines;
        private readonly IReadOnlyDictionary<string, string> _tables;
        private readonly IReadOnlyDictionary<string, string> _figures;
        private readonly bool _reviewerBaseline;

        /// <summary>Loads the baseline: data/ as it is, or with the reviewer's <paramref name="assumptionsFile"/> merged in.</summary>
        public ExplainSession(string dataDirectory, MonteCarloSettings? monteCarlo = null, string? assumptionsFile = null)
        {
            var paper = PaperData.Load(dataDirectory);
            _reviewerBaseline = assumptionsFile is not null;
            _related = RelatedInputs.Load(dataDirectory, paper);
            _data = assumptionsFile is null ? paper : AssumptionOverrides.Load(assumptionsFile, paper).Apply(paper);
            _catalog = AssumptionOverrides.Names(_data).ToDictionary(n => n.Name, StringComparer.Ordinal);
            _claims = Claim.Load(Path.Combine(dataDirectory, "claims.csv"));
            _registry = BottleneckRegistry.Load(dataDirectory);
            _figureInputs = FigureInputs.Load(dataDirectory);
            _uncertainty = UncertaintyAnalysis.Run(_data, monteCarlo ?? MonteCarloSettings.Default);
            _audit = Audit(_data, _uncertainty);
            _headlines = ClaimsDiff.Headlines(_data, _uncertainty);
            _tables = TableHashes(_data, _uncertainty);
            _figures = OverrideReach.FigureTexts(_data, _figureInputs, _uncertainty);
        }

        /// <summary>Every name <c>explain</c> accepts: the places and the quantity names.</summary>
        public IEnumerable<string> Names => _catalog.Keys.Concat(_related.Quantities.Select(q => q.Name));

        /// <summary>The quantity names of data/related_inputs.csv.</summary>
        public IReadOnlyList<QuantityName> Quantities => _related.Quantities;

        private IReadOnlyList<AuditRow> Audit(PaperData d, UncertaintyResult u) => ClaimsAudit.Run(_claims, ClaimCheckProviders(d, _registry, u, _figureInputs));

        /// <summary>What <paramref name="name"/> (a place or a quantity name) reaches when perturbed.</summary>
        public OverrideReach Explain(string name)
        {
            var quantity = _related.Quantity(name);
            if (!_catalog.ContainsKey(name) && quantity is null)
            {
                var near = AssumptionOverrides.Nearest(name, Names, 6);
                throw new BundleInputException("explain NAME", $"unknown name '{AssumptionOverrides.Echo(name)}'{(near.Count > 0 ? $" (nearest known names: {string.Join(", ", near)})" : "")}; the names are listed in data/README.md");
            }
            var places = quantity is null ? [_catalog[name]] : quantity.Places.Select(p => _catalog[p.Name]).ToList();
            var perturbed = places.Select((p, i) =>
            {
                var current = p.Current ?? Interval.Point(1000);
                var fraction = p.Domain is InputDomain.Fraction or InputDomain.Share;
                var scale = fraction && current.Hi * 1.1 > 1 ? 0.9 - 0.01 * i : 1.1 + 0.01 * i;
                return new AssumptionOverride(p.Name, new Interval(current.Lo * scale, current.Hi * scale), 0, p.Current, quantity is null ? null : name);
            }).ToList();
            var changed = AssumptionOverrides.FromItems("explain", perturbed).Apply(_data);
            var changedUncertainty = UncertaintyAnalysis.WithMonteCarloOf(changed, _uncertainty);
            var drawn = _uncertainty.Scenarios.SelectMany(s => s.Model.Quantities).SelectMany(q => q.DataNames).ToHashSet(StringComparer.Ordinal);
            var single = quantity is null ? _catalog[name] : null;
            return new OverrideReach(name, single?.Current, single?.Source ?? "", null, "",
                ChangedClaims(_audit, Audit(changed, changedUncertainty)),
                ChangedHeadlines(_headlines, ClaimsDiff.Headlines(changed, changedUncertainty)),
                ChangedFiles(_tables, TableHashes(changed, changedUncertainty)),
                OverrideReach.Changed(_figures, OverrideReach.FigureTexts(changed, _figureInputs, changedUncertainty)),
                places.Any(p => drawn.Contains(p.Name)), _related.Others(name))
            {
                Sets = quantity is null ? [] : perturbed,
                BaselineLabel = _reviewerBaseline ? "yours" : "paper",
            };
        }
    }
}
