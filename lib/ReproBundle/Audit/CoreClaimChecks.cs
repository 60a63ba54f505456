using ReproBundle.Audit.Sections;
using ReproBundle.Data;

namespace ReproBundle.Audit;

/// <summary>
/// The checks of every claim that needs only <c>data/</c>: one provider per section of the paper, each a short file in
/// <c>lib/ReproBundle/Audit/Sections/</c> a referee can read beside the paper. The registry's, the Monte Carlo's and the
/// figures' claims have their own providers (<see cref="RegistryClaimChecks"/>, <see cref="UncertaintyClaimChecks"/>,
/// <see cref="FigureClaimChecks"/>) in the same folder.
/// </summary>
public sealed class CoreClaimChecks : IClaimCheckProvider
{
    /// <summary>Creates the checks of every section over loaded data.</summary>
    public CoreClaimChecks(PaperData data)
    {
        var checks = new Dictionary<string, ClaimCheck>(StringComparer.Ordinal);
        foreach (var section in Sections(data))
        {
            foreach (var (id, check) in section.Checks)
            {
                if (!checks.TryAdd(id, check)) throw new InvalidOperationException($"two section providers check claim '{id}'");
            }
        }
        Checks = checks;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ClaimCheck> Checks { get; }

    private static IReadOnlyList<IClaimCheckProvider> Sections(PaperData data) =>
    [
        new AbstractClaims(data), new Section1Claims(data), new Section2Claims(data), new Table1Claims(data), new Table2Claims(data),
        new AppendixCClaims(data), new Section4_3Claims(data), new Section5Claims(data), new Section9Claims(data), new Section10Claims(data),
        new AppendixBClaims(data),
    ];

    /// <summary>Where the checks live, relative to the repository root.</summary>
    public const string SectionsFolder = "lib/ReproBundle/Audit/Sections";

    /// <summary>
    /// The file that holds (or should hold) the check of <paramref name="claimId"/>, by the section prefix of its id: what
    /// a person who adds a row to <c>claims.csv</c> edits.
    /// </summary>
    public static string FileFor(string claimId)
    {
        (string Prefix, string File)[] byPrefix =
        [
            ("abstract.eleven", "RegistryClaimChecks.cs"), ("abstract.", "AbstractClaims.cs"), ("s1.", "Section1Claims.cs"), ("s2_", "Section2Claims.cs"),
            ("t1.", "Table1Claims.cs"), ("t2.", "Table2Claims.cs"), ("s3_", "Table2Claims.cs"), ("s4_1.", "Table2Claims.cs"), ("s4_2.", "AppendixCClaims.cs"),
            ("appc.mc_", "UncertaintyClaimChecks.cs"), ("appc.", "AppendixCClaims.cs"), ("s4_3.", "Section4_3Claims.cs"),
            ("s5.software", "FigureClaimChecks.cs"), ("s5.b8", "RegistryClaimChecks.cs"), ("s5.", "Section5Claims.cs"), ("s6.", "RegistryClaimChecks.cs"),
            ("s9.majority", "RegistryClaimChecks.cs"), ("s9.", "Section9Claims.cs"), ("o1.", "RegistryClaimChecks.cs"), ("o8.", "RegistryClaimChecks.cs"),
            ("o2.mc_", "UncertaintyClaimChecks.cs"), ("o5.mc_", "UncertaintyClaimChecks.cs"), ("o", "Section10Claims.cs"), ("appb.", "AppendixBClaims.cs"),
        ];
        var file = byPrefix.FirstOrDefault(p => claimId.StartsWith(p.Prefix, StringComparison.Ordinal)).File;
        return file is null ? $"{SectionsFolder}/ (the provider of the claim's section)" : $"{SectionsFolder}/{file}";
    }
}
