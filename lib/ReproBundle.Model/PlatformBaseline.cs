namespace ReproBundle;

/// <summary>One row of Table 1 (§2.2) as printed, every column a range. See <c>data/table1_baselines.csv</c>.</summary>
/// <param name="Id">Short id (<c>h100</c>, <c>b200</c>, <c>groq</c>, <c>cerebras</c>, <c>etched</c>).</param>
/// <param name="Platform">The platform name as printed.</param>
/// <param name="Status"><c>published</c> (vendor benchmark) or <c>vendor-claim</c> (unaudited).</param>
/// <param name="ChipsPerDeployment">Chips in one deployment [chips].</param>
/// <param name="CapexUsd">CapEx of one deployment [USD]; null where the paper prints n/a.</param>
/// <param name="TokensPerSecondPerDeployment">Single-stream decode throughput of one deployment [tokens/s].</param>
/// <param name="TokensPerSecondPerChipPrinted">The printed per-chip column [tokens/s]; null for n/a.</param>
/// <param name="SystemPowerWatts">System power [W].</param>
/// <param name="EnergyJoulesPerTokenPrinted">The printed energy-per-token column [J/token].</param>
/// <param name="Precision">Number format of the benchmark (BF16, FP8, unstated).</param>
/// <param name="Reference">Key into <c>references.bib</c>.</param>
/// <param name="Source">Paper locator.</param>
/// <param name="Note">How the printed cell reads (approximation marks, footnotes).</param>
public sealed record PlatformBaseline(
    string Id, string Platform, string Status, Interval ChipsPerDeployment, Interval? CapexUsd,
    Interval TokensPerSecondPerDeployment, Interval? TokensPerSecondPerChipPrinted, Interval SystemPowerWatts,
    Interval EnergyJoulesPerTokenPrinted, string Precision, string Reference, string Source, string Note);

/// <summary>
/// Table 1 (§2.2) by platform, typed: the loader builds it once from <c>data/table1_baselines.csv</c> (a missing
/// platform is a load error), so no code looks a row up by its id.
/// </summary>
/// <param name="H100">"H100 SXM".</param>
/// <param name="B200">"B200".</param>
/// <param name="Groq">"Groq LPU (cluster)".</param>
/// <param name="Cerebras">"Cerebras WSE-3".</param>
/// <param name="Etched">"Etched Sohu" (vendor claim, unaudited).</param>
public sealed record Table1Rows(PlatformBaseline H100, PlatformBaseline B200, PlatformBaseline Groq, PlatformBaseline Cerebras, PlatformBaseline Etched)
{
    /// <summary>The platform ids in printed order; the loader requires each exactly once.</summary>
    public static readonly IReadOnlyList<string> PlatformIds = ["h100", "b200", "groq", "cerebras", "etched"];

    /// <summary>Builds the typed rows from rows in any order, or returns the first missing id.</summary>
    public static (Table1Rows? Rows, string? MissingId) From(IReadOnlyList<PlatformBaseline> rows)
    {
        PlatformBaseline? R(string id) => rows.FirstOrDefault(r => r.Id == id);
        var missing = PlatformIds.FirstOrDefault(id => R(id) is null);
        return missing is not null ? (null, missing) : (new Table1Rows(R("h100")!, R("b200")!, R("groq")!, R("cerebras")!, R("etched")!), null);
    }
}
