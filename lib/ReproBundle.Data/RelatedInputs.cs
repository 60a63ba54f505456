namespace ReproBundle.Data;

/// <summary>One row of <c>data/related_inputs.csv</c>: one place of the paper that states a quantity.</summary>
/// <param name="Quantity">The quantity name that sets every place it groups (e.g. <c>h100.decode_tok_s</c>).</param>
/// <param name="Name">The overridable name of this place (see data/README.md).</param>
/// <param name="Reason">Where the paper prints it and what reads it.</param>
public sealed record RelatedInput(string Quantity, string Name, string Reason);

/// <summary>A quantity name and the places it sets.</summary>
/// <param name="Name">The quantity name (e.g. <c>utilization</c>).</param>
/// <param name="Places">Its places, in file order.</param>
public sealed record QuantityName(string Name, IReadOnlyList<RelatedInput> Places);

/// <summary>
/// The quantity names (issue 25): one name per physical quantity the paper states in several places (the H100's decode
/// speed in §1, Table 1, Table 2 and Appendix C; the ASIC node cost in §3.3 and Appendix C; utilization in §3.2, Table 2
/// and both worked examples; ...), from <c>data/related_inputs.csv</c>. In an assumptions file a quantity name sets every
/// place it groups; a place can still be set alone, and the more specific name wins. Quantities nest (a place may be in a
/// quantity and in a larger one that holds all of it) but never partly overlap, so "more specific" is always defined.
/// </summary>
public sealed class RelatedInputs
{
    /// <summary>The file name in data/.</summary>
    public const string FileName = "related_inputs.csv";

    /// <summary>Every row in file order.</summary>
    public IReadOnlyList<RelatedInput> Rows { get; }

    /// <summary>Every quantity name with its places, in order of first appearance.</summary>
    public IReadOnlyList<QuantityName> Quantities { get; }

    private RelatedInputs(IReadOnlyList<RelatedInput> rows)
    {
        Rows = rows;
        Quantities = [.. rows.GroupBy(r => r.Quantity, StringComparer.Ordinal).Select(g => new QuantityName(g.Key, [.. g]))];
    }

    /// <summary>
    /// Reads and checks the file: every name is one <c>--assumptions</c> accepts, no quantity lists a name twice, no
    /// quantity name is also a place's name, and two quantities that share a place nest (one holds all the other's places).
    /// </summary>
    public static RelatedInputs Load(string dataDirectory, PaperData data)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var table = CsvTable.Load(path, "quantity", "name", "reason");
        var known = AssumptionOverrides.Names(data).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var rows = new List<RelatedInput>();
        var read = new List<(RelatedInput Row, CsvRow Source)>();
        foreach (var row in table.Rows)
        {
            var quantity = row.Required("quantity");
            var name = row.Required("name");
            if (known.Contains(quantity)) throw row.Error("quantity", $"'{AssumptionOverrides.Echo(quantity)}' is already the name of one place; a quantity name must differ from every place's name");
            if (!known.Contains(name)) throw row.Error("name", $"'{AssumptionOverrides.Echo(name)}' is not an overridable name (see data/README.md)");
            if (!seen.Add((quantity, name))) throw row.Error("name", $"'{name}' is listed twice under {quantity}");
            var r = new RelatedInput(quantity, name, row.Required("reason"));
            rows.Add(r);
            read.Add((r, row));
        }
        HashSet<string> Places(string quantity) => rows.Where(r => r.Quantity == quantity).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (r, source) in read)
        {
            foreach (var other in rows.Where(o => o.Name == r.Name && o.Quantity != r.Quantity).Select(o => o.Quantity).Distinct())
            {
                HashSet<string> a = Places(r.Quantity), b = Places(other);
                if (!a.IsSubsetOf(b) && !b.IsSubsetOf(a))
                {
                    throw source.Error("name", $"'{r.Name}' is under {other} and {r.Quantity}, but neither holds all of the other's places: quantities may nest, not partly overlap");
                }
            }
        }
        return new RelatedInputs(rows);
    }

    /// <summary>The quantity called <paramref name="name"/>, or null.</summary>
    public QuantityName? Quantity(string name) => Quantities.FirstOrDefault(q => q.Name == name);

    /// <summary>The largest quantity that holds <paramref name="name"/> (a place or a quantity name), or null.</summary>
    public QuantityName? Largest(string name)
    {
        var places = Quantity(name)?.Places.Select(p => p.Name).ToList() ?? [name];
        return Quantities.Where(q => places.All(p => q.Places.Any(r => r.Name == p))).OrderByDescending(q => q.Places.Count).FirstOrDefault();
    }

    /// <summary>
    /// The places of the largest quantity holding <paramref name="name"/> that <paramref name="name"/> does not set (empty
    /// when it is in none): what an override of <paramref name="name"/> alone leaves at the paper's value.
    /// </summary>
    public IReadOnlyList<RelatedInput> Others(string name)
    {
        var own = Quantity(name)?.Places.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [name];
        return Largest(name) is { } q ? [.. q.Places.Where(p => !own.Contains(p.Name))] : [];
    }
}
