using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("ReproBundle.Tests.NotebookKernelsFirst", "ReproBundle.Tests")]

namespace ReproBundle.Tests;

/// <summary>
/// The tests that start a real Chromium. On a 2-core machine a browser started beside another one (or beside a
/// notebook kernel) is starved until a tab or the launch times out, so this collection runs alone, after every other
/// test, never in parallel with another test. (BrowserFaultTests start only fake browsers, shell scripts, and run with
/// the rest.) Its tests share one <c>reproduce</c> run with PNGs (<see cref="ReproducePngRun"/>).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyProcesses : ICollectionFixture<ReproducePngRun>
{
    public const string Name = "Chromium";
}

/// <summary>
/// The tests that run notebooks (the in-process kernel, the pinned dotnet-repl) and the file-based twins
/// (<c>dotnet run</c>): one after the other, because the in-process runner changes the process's working directory
/// and the notebooks' environment variables while it runs, and two kernels side by side starve each other. The
/// collection runs beside the light tests (it changes nothing they read: those pass absolute paths and set their
/// children's environment) and starts first, as the longest chain of the suite; it never overlaps
/// <see cref="HeavyProcesses"/>, which runs alone after everything else. Its one real browser (the notebook pages test)
/// therefore never meets another real browser.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NotebookKernels
{
    public const string Name = "Notebook kernels and twins";
}

/// <summary>
/// Starts <see cref="NotebookKernels"/> first (it is the longest chain of tests that must run one after the other, so
/// the light tests fill the other core around it), then every other collection in name order.
/// </summary>
public sealed class NotebookKernelsFirst : ITestCollectionOrderer
{
    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == NotebookKernels.Name ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
