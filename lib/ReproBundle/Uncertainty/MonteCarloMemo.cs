using System.Collections.Concurrent;
using System.Globalization;

namespace ReproBundle.Uncertainty;

/// <summary>
/// Monte Carlo runs already made, by model and settings: the scenarios of <see cref="UncertaintyAnalysis.Run"/> and the
/// claim checks' own runs (<c>Audit.UncertaintyClaimChecks</c>: the shared-utilization scenarios and the r-invariance
/// runs, drawn again for every audit). The reviewer's comparison runs the paper's scenarios beside the reviewer's and
/// audits the paper's data, the reviewer's and each override alone; most overrides change no drawn input, so most of
/// those models equal one already drawn. The draws are seeded, so an equal model with equal settings gives equal
/// results, and a model whose inputs differ has another key.
/// </summary>
public sealed class MonteCarloMemo
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _runs = new(StringComparer.Ordinal);

    /// <summary>The result kept under <paramref name="key"/>, or <paramref name="run"/>'s, kept (run once, whatever the threads).</summary>
    internal T GetOrRun<T>(string key, Func<T> run) =>
        (T)_runs.GetOrAdd(key, _ => new Lazy<object>(() => run()!, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary><see cref="UncertaintyAnalysis.RunScenario"/> of <paramref name="model"/>, kept under its <see cref="KeyOf"/>.</summary>
    internal ScenarioResult Scenario(UncertaintyModel model, MonteCarloSettings settings) =>
        GetOrRun(KeyOf(model, settings), () => UncertaintyAnalysis.RunScenario(model, settings));

    /// <summary>
    /// Everything a run of <paramref name="model"/> with <paramref name="settings"/> depends on or shows: the scenario
    /// (which includes whether utilization is shared), each quantity's names, unit, prior (kind and both ends, to the last
    /// bit) and reason, the samples, seed and threads.
    /// </summary>
    internal static string KeyOf(UncertaintyModel model, MonteCarloSettings settings)
    {
        static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var quantities = model.Quantities.Select(q => $"{q.Id}:{q.Symbol}:{q.DataName}:{q.Unit}:{q.Prior.Kind}:{R(q.Prior.Range.Lo)}:{R(q.Prior.Range.Hi)}:{q.Why}");
        return $"{model.Scenario}|{string.Join("|", quantities)}|{settings.Samples}:{settings.Seed}:{settings.Threads}";
    }
}
