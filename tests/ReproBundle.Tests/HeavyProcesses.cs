using Xunit;

namespace ReproBundle.Tests;

/// <summary>
/// The tests that start Chromium or a notebook kernel. On a 2-core machine, running them side by side starves
/// each of them until a browser tab or a kernel times out, so this collection runs alone, after or before the
/// rest, never in parallel with another test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyProcesses
{
    public const string Name = "Chromium and notebook kernels";
}
