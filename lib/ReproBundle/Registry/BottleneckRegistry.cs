using ReproBundle.Data;

namespace ReproBundle.Registry;

/// <summary>
/// The Bottleneck Registry of §6-7 as loaded from <c>data/registry/</c>: 18 linted entries in number order,
/// and the lint's warnings. Loading fails (with the first problem) when the lint finds an error.
/// </summary>
public sealed class BottleneckRegistry
{
    /// <summary>Creates a registry over already-linted entries.</summary>
    public BottleneckRegistry(string directory, IReadOnlyList<RegistryEntry> entries, IReadOnlyList<RegistryProblem> warnings)
    {
        Directory = directory;
        Entries = entries.OrderBy(e => e.Number).ToList();
        Warnings = warnings;
    }

    /// <summary>The folder the entries were read from.</summary>
    public string Directory { get; }

    /// <summary>The entries, ordered by number.</summary>
    public IReadOnlyList<RegistryEntry> Entries { get; }

    /// <summary>Lint warnings (near-duplicates).</summary>
    public IReadOnlyList<RegistryProblem> Warnings { get; }

    /// <summary>The entry with id <paramref name="id"/>; throws when absent.</summary>
    public RegistryEntry this[string id] => Entries.FirstOrDefault(e => e.Id == id) ?? throw new KeyNotFoundException($"no registry entry {id}");

    /// <summary>True when an entry has id <paramref name="id"/>.</summary>
    public bool Contains(string id) => Entries.Any(e => e.Id == id);

    /// <summary>The newest date any entry carries: the registry's default "as of" date (no clock is read).</summary>
    public DateOnly NewestDate => Entries.Select(e => e.LastChanged).DefaultIfEmpty(DateOnly.MinValue).Max();

    /// <summary>
    /// Loads and lints <c>&lt;data&gt;/registry</c> with the schemas of <c>&lt;data&gt;/schemas</c> and the keys of
    /// <c>&lt;data&gt;/references.bib</c>. Any lint error throws <see cref="BundleInputException"/> whose message is the
    /// first problem, <c>file:line: field: message</c>, followed by how many more there are.
    /// </summary>
    public static BottleneckRegistry Load(string dataDirectory)
    {
        var keys = PaperData.LoadReferenceKeys(Path.Combine(dataDirectory, "references.bib"));
        return Load(Path.Combine(dataDirectory, "registry"), Path.Combine(dataDirectory, "schemas"), keys);
    }

    /// <summary>Loads and lints an explicit registry folder; see <see cref="Load(string)"/>.</summary>
    public static BottleneckRegistry Load(string registryDirectory, string schemaDirectory, IReadOnlySet<string> referenceKeys)
    {
        var result = RegistryLint.Run(registryDirectory, schemaDirectory, referenceKeys);
        var errors = result.Errors.ToList();
        if (errors.Count > 0)
        {
            var first = errors[0];
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more; run lint-registry for all)" : "";
            throw new BundleInputException($"{first.File}:{first.Line}", $"{first.Field}: {first.Message}{more}");
        }
        return new BottleneckRegistry(registryDirectory, result.Entries, result.Problems);
    }

    /// <summary>The data files the registry was read from, relative to the data folder, for the manifest.</summary>
    public IReadOnlyList<string> DataFiles =>
        [.. Entries.Select(e => $"registry/{Path.GetFileName(e.FilePath)}"), .. Entries.Select(e => $"schemas/{RegistryLint.SchemaFileName(e.SchemaVersion)}").Distinct()];
}
