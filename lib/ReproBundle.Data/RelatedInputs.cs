namespace ReproBundle.Data;

/// <summary>One name of <c>data/related_inputs.csv</c>.</summary>
/// <param name="Group">The quantity the names share (e.g. <c>h100_speed</c>).</param>
/// <param name="Name">An overridable name (see data/README.md).</param>
/// <param name="Reason">Where the paper prints it and what reads it.</param>
public sealed record RelatedInput(string Group, string Name, string Reason);

/// <summary>
/// The names that hold one quantity in several places of the paper (H100 speed in §1, Table 1, Table 2 and Appendix C;
/// the ASIC node cost in §3.3 and Appendix C), from <c>data/related_inputs.csv</c>: an override of one of them leaves
/// the others at the paper's value, which the reviewer's banner says in a one-line hint (issue 14).
/// </summary>
public sealed class RelatedInputs
{
    /// <summary>The file name in data/.</summary>
    public const string FileName = "related_inputs.csv";

    /// <summary>Every row in file order.</summary>
    public IReadOnlyList<RelatedInput> Rows { get; }

    private RelatedInputs(IReadOnlyList<RelatedInput> rows) => Rows = rows;

    /// <summary>Reads and checks the file: every name is one <c>--assumptions</c> accepts, and no name is listed twice.</summary>
    public static RelatedInputs Load(string dataDirectory, PaperData data)
    {
        var path = Path.Combine(dataDirectory, FileName);
        var table = CsvTable.Load(path, "group", "name", "reason");
        var known = AssumptionOverrides.Names(data).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<RelatedInput>();
        foreach (var row in table.Rows)
        {
            var name = row.Required("name");
            if (!known.Contains(name)) throw row.Error("name", $"'{AssumptionOverrides.Echo(name)}' is not an overridable name (see data/README.md)");
            if (!seen.Add(name)) throw row.Error("name", $"'{name}' is listed twice");
            rows.Add(new RelatedInput(row.Required("group"), name, row.Required("reason")));
        }
        return new RelatedInputs(rows);
    }

    /// <summary>The other names of <paramref name="name"/>'s group (empty when it is in none).</summary>
    public IReadOnlyList<RelatedInput> Others(string name) =>
        Rows.FirstOrDefault(r => r.Name == name) is { } own ? Rows.Where(r => r.Group == own.Group && r.Name != name).ToList() : [];
}
