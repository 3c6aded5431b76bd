using Airlock.Bench.Load;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Gateway;

/// <summary>
/// Latency overhead of proxies over direct calls: one call at a time on one dedicated thread, interleaved (direct, then each
/// proxy in turn), so every proxy meets the same moment of a noisy machine. Each run's p50 and p99 minus the direct ones; the
/// figure is the median of the runs.
/// </summary>
public static class GatewayLatency
{
    /// <summary>A proxy under test: its figure prefix (<c>gateway.overhead</c> gives <c>gateway.overhead_p50_ms</c>), a short name, its calls.</summary>
    public sealed record Target(string Figure, string Name, ModelCalls Calls);

    public static async Task MeasureAsync(Figures figures, ModelCalls direct, IReadOnlyList<Target> targets, int samples, int runs, string label, Progress progress)
    {
        await DedicatedThreads.Run(1, _ => Sample(Math.Max(20, samples / 4), direct, targets), $"{label}-warmup").ConfigureAwait(false);
        var p50 = targets.Select(_ => new List<double>()).ToArray();
        var p99 = targets.Select(_ => new List<double>()).ToArray();
        for (var run = 0; run < runs; run++)
        {
            List<double>[] s = [];
            await DedicatedThreads.Run(1, _ => s = Sample(samples, direct, targets), label).ConfigureAwait(false);
            var (d50, d99) = (Percentiles.Of(s[0], 50), Percentiles.Of(s[0], 99));
            var line = $"{label} run {run + 1}/{runs}: direct p50 {d50:0.000} ms";
            for (var t = 0; t < targets.Count; t++)
            {
                var (g50, g99) = (Percentiles.Of(s[t + 1], 50), Percentiles.Of(s[t + 1], 99));
                p50[t].Add(g50 - d50);
                p99[t].Add(g99 - d99);
                line += $", {targets[t].Name} p50 {g50:0.000} / p99 {g99:0.000} ms";
            }
            progress.Say(line);
        }
        for (var t = 0; t < targets.Count; t++)
        {
            figures.Add(targets[t].Figure + "_p50_ms", Percentiles.Median(p50[t]), 3);
            figures.Add(targets[t].Figure + "_p99_ms", Percentiles.Median(p99[t]), 3);
        }
    }

    /// <summary>Milliseconds per call: index 0 direct, then one list per target.</summary>
    private static List<double>[] Sample(int count, ModelCalls direct, IReadOnlyList<Target> targets)
    {
        var result = new List<double>[targets.Count + 1];
        for (var i = 0; i < result.Length; i++) result[i] = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            result[0].Add(direct.Call("lat-d"));
            for (var t = 0; t < targets.Count; t++) result[t + 1].Add(targets[t].Calls.Call("lat-" + targets[t].Name));
        }
        return result;
    }
}
