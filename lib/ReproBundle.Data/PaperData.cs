namespace ReproBundle.Data;

/// <summary>
/// Everything the bundle reads from <c>data/</c>: the named inputs with provenance, Table 1 and Table 2 as
/// printed, and the bibliography keys. Loading validates every cell and reports the first problem as
/// <c>file:line: column 'x': reason</c>. data/ is never written.
/// </summary>
public sealed class PaperData
{
    /// <summary>The folder the data was read from.</summary>
    public string DataDirectory { get; }

    /// <summary>Named inputs (<c>inputs.csv</c>) with their provenance, by name.</summary>
    public IReadOnlyDictionary<string, InputValue> Inputs { get; }

    /// <summary>The same inputs, typed: what every equation reads.</summary>
    public PaperInputs Values { get; }

    /// <summary>Table 1 rows in printed order.</summary>
    public IReadOnlyList<PlatformBaseline> Table1 { get; }

    /// <summary>Table 2 rows in printed order.</summary>
    public IReadOnlyList<Table2Row> Table2 { get; }

    /// <summary>Table 1 by platform, typed (<see cref="ReproBundle.Table1Rows"/>).</summary>
    public Table1Rows Table1Rows { get; }

    /// <summary>Table 2 by row, typed (<see cref="ReproBundle.Table2Rows"/>).</summary>
    public Table2Rows Table2Rows { get; }

    /// <summary>Every key defined in <c>references.bib</c>.</summary>
    public IReadOnlySet<string> ReferenceKeys { get; }

    /// <summary>The data files read, relative to <see cref="DataDirectory"/>, for the manifest.</summary>
    public IReadOnlyList<string> Files { get; }

    private PaperData(string dir, IReadOnlyDictionary<string, InputValue> inputs, IReadOnlyList<PlatformBaseline> table1,
        IReadOnlyList<Table2Row> table2, IReadOnlySet<string> referenceKeys, IReadOnlyList<string> files)
    {
        DataDirectory = dir;
        Inputs = inputs;
        Values = InputCatalog.ToPaperInputs(inputs);
        Table1 = table1;
        Table2 = table2;
        Table1Rows = ReproBundle.Table1Rows.From(table1) is ({ } t1, _) ? t1 : throw new ArgumentException("Table 1 lacks a platform", nameof(table1));
        Table2Rows = ReproBundle.Table2Rows.From(table2) is ({ } t2, _) ? t2 : throw new ArgumentException("Table 2 lacks a row", nameof(table2));
        ReferenceKeys = referenceKeys;
        Files = files;
    }

    /// <summary>The input record of <paramref name="name"/>, with its source.</summary>
    public InputValue Input(string name) =>
        Inputs.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"no input named '{name}' in inputs.csv");

    /// <summary>The file names this loader reads, in the order it reads them.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["inputs.csv", "table1_baselines.csv", "table2_projections.csv", "references.bib"];

    /// <summary>Loads and validates <paramref name="dataDirectory"/>.</summary>
    public static PaperData Load(string dataDirectory)
    {
        if (!Directory.Exists(dataDirectory))
        {
            throw new BundleInputException(dataDirectory, "data folder not found");
        }
        string P(string name) => Path.Combine(dataDirectory, name);
        var referenceKeys = LoadReferenceKeys(P("references.bib"));
        var inputs = LoadInputs(P("inputs.csv"), referenceKeys);
        var table1 = LoadTable1(P("table1_baselines.csv"), referenceKeys);
        var table2 = LoadTable2(P("table2_projections.csv"));
        return new PaperData(dataDirectory, inputs, table1, table2, referenceKeys, FileNames);
    }

    /// <summary>Returns a copy whose named inputs are replaced by <paramref name="overrides"/> (already validated).</summary>
    public PaperData WithInputs(IReadOnlyDictionary<string, InputValue> overrides)
    {
        var merged = new Dictionary<string, InputValue>(Inputs, StringComparer.Ordinal);
        foreach (var (name, value) in overrides) merged[name] = value;
        return new PaperData(DataDirectory, merged, Table1, Table2, ReferenceKeys, Files);
    }

    /// <summary>Returns a copy whose Table 1 and Table 2 rows are replaced (already validated), for reviewer overrides of table cells.</summary>
    public PaperData WithTables(IReadOnlyList<PlatformBaseline> table1, IReadOnlyList<Table2Row> table2) =>
        new(DataDirectory, Inputs, table1, table2, ReferenceKeys, Files);

    /// <summary>The entry keys of a BibTeX file, read by <see cref="BibReference.Load"/> (duplicate keys are an error).</summary>
    public static IReadOnlySet<string> LoadReferenceKeys(string path) =>
        BibReference.Load(path).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    private static void CheckReference(CsvRow row, string column, IReadOnlySet<string> keys)
    {
        var key = row[column];
        if (key.Length > 0 && !keys.Contains(key))
        {
            throw row.Error(column, $"reference '{key}' is not a key of references.bib");
        }
    }

    private static Dictionary<string, InputValue> LoadInputs(string path, IReadOnlySet<string> referenceKeys)
    {
        var table = CsvTable.Load(path, "name", "value", "unit", "source", "reference", "note");
        var result = new Dictionary<string, InputValue>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var name = row.Required("name");
            if (!InputCatalog.Domains.TryGetValue(name, out var domain))
            {
                throw row.Error("name", $"unknown input '{name}' (known inputs are listed in data/README.md)");
            }
            if (result.ContainsKey(name))
            {
                throw row.Error("name", $"input '{name}' is defined twice");
            }
            var value = row.Interval("value");
            if (InputCatalog.Violation(domain, value) is { } violation)
            {
                throw row.Error("value", $"'{name}' = {value} {violation}");
            }
            if (InputCatalog.ByName[name].PointOnly && !value.IsPoint)
            {
                throw row.Error("value", $"'{name}' = {value} must be a single number, not a range");
            }
            var source = row.Required("source");
            if (source == InputValue.BundleAssumption && row["note"].Length == 0)
            {
                throw row.Error("note", "a bundle assumption needs a written rationale");
            }
            CheckReference(row, "reference", referenceKeys);
            result[name] = new InputValue(name, value, row.Required("unit"), source, row["reference"], row["note"], $"{path}:{row.Line}");
        }
        var missing = InputCatalog.Domains.Keys.Where(k => !result.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new BundleInputException(path, $"lacks input(s): {string.Join(", ", missing)}");
        }
        return result;
    }

    /// <summary>The Table 1 platforms whose CapEx the paper prints (Table 1, §2.2) and §5's cost axis divides by: never "n/a".</summary>
    public static readonly IReadOnlySet<string> CapexRequired = new HashSet<string>(StringComparer.Ordinal) { "h100", "b200", "groq", "cerebras" };

    private static List<PlatformBaseline> LoadTable1(string path, IReadOnlySet<string> referenceKeys)
    {
        var table = CsvTable.Load(path, "platform_id", "platform", "status", "chips_per_deployment", "capex_usd",
            "tok_s_deployment", "tok_s_per_chip_printed", "power_w", "energy_j_per_token_printed", "precision",
            "reference", "source", "note");
        var rows = new List<PlatformBaseline>();
        foreach (var row in table.Rows)
        {
            var status = row.Required("status");
            if (status is not ("published" or "vendor-claim"))
            {
                throw row.Error("status", $"'{status}' is neither 'published' nor 'vendor-claim'");
            }
            CheckReference(row, "reference", referenceKeys);
            var platformId = row.Required("platform_id");
            if (CapexRequired.Contains(platformId) && row.OptionalInterval("capex_usd") is null)
            {
                throw row.Error("capex_usd", $"'n/a' is not allowed for '{platformId}': Fig. 1 and §5's cost comparison need its CapEx (only a platform the paper gives no CapEx for, such as etched, may be n/a)");
            }
            var p = new PlatformBaseline(row.Required("platform_id"), row.Required("platform"), status,
                Positive(row, "chips_per_deployment"), OptionalPositive(row, "capex_usd"), Positive(row, "tok_s_deployment"),
                OptionalPositive(row, "tok_s_per_chip_printed"), Positive(row, "power_w"),
                Positive(row, "energy_j_per_token_printed"), row.Required("precision"), row["reference"],
                row.Required("source"), row["note"]);
            if (rows.Any(r => r.Id == p.Id)) throw row.Error("platform_id", $"platform '{p.Id}' appears twice");
            rows.Add(p);
        }
        if (ReproBundle.Table1Rows.From(rows).MissingId is { } missing) throw new BundleInputException(path, $"lacks Table 1 platform '{missing}'");
        return rows;
    }

    private static List<Table2Row> LoadTable2(string path)
    {
        var table = CsvTable.Load(path, "metric_id", "metric", "unit", "better", "h100", "asic", "ratio_printed", "source", "note");
        var rows = new List<Table2Row>();
        foreach (var row in table.Rows)
        {
            var better = row.Required("better") switch
            {
                "higher" => Better.Higher,
                "lower" => Better.Lower,
                var other => throw row.Error("better", $"'{other}' is neither 'higher' nor 'lower'"),
            };
            var r = new Table2Row(row.Required("metric_id"), row.Required("metric"), row.Required("unit"), better,
                Positive(row, "h100"), Positive(row, "asic"), Positive(row, "ratio_printed"), row.Required("source"), row["note"]);
            if (rows.Any(x => x.MetricId == r.MetricId)) throw row.Error("metric_id", $"metric '{r.MetricId}' appears twice");
            rows.Add(r);
        }
        if (ReproBundle.Table2Rows.From(rows).MissingId is { } missing) throw new BundleInputException(path, $"lacks Table 2 metric '{missing}'");
        return rows;
    }

    private static Interval Positive(CsvRow row, string column)
    {
        var v = row.Interval(column);
        if (v.Lo <= 0) throw row.Error(column, $"{v} must be greater than 0");
        if ((InputCatalog.MagnitudeViolation(v.Lo) ?? InputCatalog.MagnitudeViolation(v.Hi)) is { } m) throw row.Error(column, $"{v} {m}");
        return v;
    }

    private static Interval? OptionalPositive(CsvRow row, string column)
    {
        var v = row.OptionalInterval(column);
        if (v is { Lo: <= 0 }) throw row.Error(column, $"{v} must be greater than 0");
        if (v is { } x && (InputCatalog.MagnitudeViolation(x.Lo) ?? InputCatalog.MagnitudeViolation(x.Hi)) is { } m) throw row.Error(column, $"{x} {m}");
        return v;
    }
}
