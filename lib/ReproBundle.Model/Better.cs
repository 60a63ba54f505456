namespace ReproBundle;

/// <summary>Which way a Table 2 metric improves, which fixes how its ratio is formed.</summary>
public enum Better
{
    /// <summary>Higher is better (throughput, context): ratio = ASIC / H100.</summary>
    Higher,

    /// <summary>Lower is better (energy, latency, cost): ratio = H100 / ASIC.</summary>
    Lower,
}
