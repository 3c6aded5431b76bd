using Airlock.Bench.Reporting;

namespace Airlock.Bench.Operator;

/// <summary>
/// A second operator build measured in the same run (<see cref="OperatorBenchOptions.BaselineBinary"/>): each round bursts it
/// right after the raw writer and before the operator under test, so a change is judged side by side, not across runs on a
/// machine whose load moves.
/// </summary>
public sealed partial class OperatorBenchmark
{
    private async Task<BurstResult> BaselineBurstAsync(string binary, string kubeconfig, string ns, CancellationToken cancellationToken)
    {
        var baseline = await StartOperatorAsync(binary, OperatorAccount + "-baseline", kubeconfig, cancellationToken).ConfigureAwait(false);
        try
        {
            await WarmUpAsync(baseline, ns + "-warmup", cancellationToken).ConfigureAwait(false);
            return await OperatorBurstAsync(ns, baseline, options.BurstTasks, cancellationToken, "baseline operator burst").ConfigureAwait(false);
        }
        finally
        {
            await baseline.DisposeAsync().ConfigureAwait(false);
            await BurstCleanup.RunAsync(cluster, ns, options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
            if (options.WarmupTasks > 0) await BurstCleanup.RunAsync(cluster, ns + "-warmup", options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void AddBaselineFigures(Figures figures, List<BurstResult> raw, List<BurstResult> baseline)
    {
        figures.Add("operator.baseline_tasks_per_second", Percentiles.Median(baseline.Select(b => b.TasksPerSecond).ToList()), 1);
        figures.Add("operator.baseline_throughput_ratio", Percentiles.Median(raw.Zip(baseline, (r, b) => b.TasksPerSecond / r.TasksPerSecond).ToList()), 3);
        figures.Add("operator.baseline_api_requests_per_task", Percentiles.Median(baseline.Select(b => (double)b.Requests.Reconciler / b.Tasks).ToList()), 2);
        figures.Add("operator.baseline_cpu_ms_per_task", Percentiles.Median(baseline.Select(b => b.OperatorCpu.TotalMilliseconds / b.Tasks).ToList()), 1);
        figures.Add("controlplane.cpu_ms_per_task_baseline", Percentiles.Median(baseline.Select(b => b.ControlPlaneCpu.TotalMilliseconds / b.Tasks).ToList()), 1);
    }
}
