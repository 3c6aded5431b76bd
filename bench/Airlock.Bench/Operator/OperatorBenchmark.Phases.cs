using System.Diagnostics;
using Airlock.Bench.Hosting;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Operator;

public sealed partial class OperatorBenchmark
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long after going quiet the memory is first read: the operator compacts its heap and trims the C heap once it has
    /// been quiet for a couple of seconds (HeapSettler), so reading at once would sometimes catch the burst's garbage.
    /// </summary>
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(10);

    /// <summary>Writes the operator makes while the burst's tasks sit Running, once its own last writes have settled.</summary>
    private async Task IdleAsync(Figures figures, CancellationToken cancellationToken)
    {
        progress.Say("idle: waiting for the operator's writes to settle");
        var quietFor = TimeSpan.FromSeconds(5);
        var last = RequestTally.Of(cluster.Counters, OperatorUser).Writes;
        var quietSince = Stopwatch.GetTimestamp();
        await Poll.UntilAsync(() =>
        {
            var now = RequestTally.Of(cluster.Counters, OperatorUser).Writes;
            if (now != last)
            {
                last = now;
                quietSince = Stopwatch.GetTimestamp();
            }
            return Stopwatch.GetElapsedTime(quietSince) >= quietFor;
        }, TimeSpan.FromSeconds(90), "the operator's writes to settle", TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        progress.Say($"idle: counting writes for {options.IdleWindow.TotalSeconds:0} s with {options.BurstTasks + options.WarmupTasks} tasks Running");
        var before = RequestTally.Of(cluster.Counters, OperatorUser);
        await Task.Delay(options.IdleWindow, cancellationToken).ConfigureAwait(false);
        var during = RequestTally.Of(cluster.Counters, OperatorUser) - before;
        figures.Add("operator.idle_writes_per_minute", during.Writes / options.IdleWindow.TotalMinutes, 2);
        figures.Add("operator.idle_requests_per_minute", during.All / options.IdleWindow.TotalMinutes, 2);
        progress.Say($"idle: {during.Writes} writes, {during.All} requests in {options.IdleWindow.TotalSeconds:0} s");
    }

    /// <summary>Create-to-Running latency at a steady arrival rate well below capacity; returns how many tasks it created.</summary>
    private async Task<int> SteadyAsync(Figures figures, CancellationToken cancellationToken)
    {
        const string ns = "steady";
        await cluster.CreateNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
        await using var running = await StartTaskTrackerAsync(ns, cancellationToken).ConfigureAwait(false);
        var count = (int)Math.Round(options.SteadyRate * options.SteadyDuration.TotalSeconds);
        var tasks = Enumerable.Range(0, count).Select(i => BenchTasks.New(ns, BenchTasks.Name("steady", i))).ToList();
        var load = new TaskLoad(cluster.Admin);
        progress.Say($"steady: {options.SteadyRate:0.#} tasks/s for {options.SteadyDuration.TotalSeconds:0} s ({count} tasks)");
        var cpuBefore = ProcessCpu.Current();
        await load.SteadyAsync(tasks, options.SteadyRate, cancellationToken).ConfigureAwait(false);
        try
        {
            await running.WaitForCountAsync(count, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            progress.Say($"steady: {e.Message}");
        }
        figures.Add("controlplane.cpu_ms_per_task_steady", (ProcessCpu.Current() - cpuBefore).TotalMilliseconds / count, 1);
        var latencies = new List<double>(count);
        foreach (var task in tasks)
        {
            var name = task.Metadata.Name;
            if (load.SentAt.TryGetValue(name, out var sent) && running.TryGetReachedAt(name, out var reached))
                latencies.Add(Stopwatch.GetElapsedTime(sent, reached).TotalMilliseconds);
        }
        figures.Add("operator.p50_ms", Percentiles.Of(latencies, 50), 1);
        figures.Add("operator.p90_ms", Percentiles.Of(latencies, 90), 1);
        figures.Add("operator.p99_ms", Percentiles.Of(latencies, 99), 1);
        figures.Add("operator.max_ms", latencies.Count == 0 ? double.NaN : latencies.Max(), 1);
        figures.Add("operator.steady_tasks", count);
        figures.Add("operator.steady_not_running", count - latencies.Count);
        progress.Say($"steady: p50 {Percentiles.Of(latencies, 50):0.0} ms, p99 {Percentiles.Of(latencies, 99):0.0} ms, {count - latencies.Count} not Running");
        return count;
    }

    /// <summary>
    /// Waits (at most <see cref="QuietTimeout"/>) until the operator has finished the work the last tasks caused: its CPU
    /// time grows by less than a tenth of a core over two seconds. The memory figure describes the operator holding the
    /// tasks in its caches, not the tail of the burst that brought them; the highest reading on the way is reported beside it.
    /// </summary>
    private static async Task<(double Seconds, double PeakMegabytes)> WaitUntilQuietAsync(OperatorProcess host, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var peak = host.ResidentMegabytes ?? 0;
        var before = ProcessCpu.Of(host.Pid);
        while (Stopwatch.GetElapsedTime(start) < QuietTimeout)
        {
            await Task.Delay(QuietWindow, cancellationToken).ConfigureAwait(false);
            peak = Math.Max(peak, host.ResidentMegabytes ?? 0);
            var after = ProcessCpu.Of(host.Pid);
            if (before is null || after is null) break;
            if ((after.Value - before.Value).TotalSeconds < QuietWindow.TotalSeconds * 0.1) break;
            before = after;
        }
        return (Stopwatch.GetElapsedTime(start).TotalSeconds, peak);
    }

    /// <summary>Tops the cluster up to <see cref="OperatorBenchOptions.MemoryTasks"/> Running tasks, then reads the operator's VmRSS.</summary>
    private async Task MemoryAsync(Figures figures, OperatorProcess host, int existing, CancellationToken cancellationToken)
    {
        const string ns = "mass";
        var missing = Math.Max(0, options.MemoryTasks - existing);
        await cluster.CreateNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
        await using var running = await StartTaskTrackerAsync(ns, cancellationToken).ConfigureAwait(false);
        var tasks = Enumerable.Range(0, missing).Select(i => BenchTasks.New(ns, BenchTasks.Name("mass", i))).ToList();
        progress.Say($"memory: {missing} more tasks, to {options.MemoryTasks} in the operator's caches");
        var start = Stopwatch.GetTimestamp();
        await new TaskLoad(cluster.Admin).BurstAsync(tasks, options.CreateConcurrency, cancellationToken: cancellationToken).ConfigureAwait(false);
        await running.WaitForCountAsync(missing, options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        figures.Add("operator.mass_tasks_per_second", missing / seconds, 1);
        var (settleSeconds, peak) = await WaitUntilQuietAsync(host, cancellationToken).ConfigureAwait(false);
        figures.Add("operator.rss_mb_10k_tasks_peak", peak, 1);
        figures.Add("operator.quiet_after_seconds", settleSeconds, 1);
        await Task.Delay(SettleWait, cancellationToken).ConfigureAwait(false);
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            if (host.ResidentMegabytes is { } rss) samples.Add(rss);
        }
        figures.Add("operator.rss_mb_10k_tasks", Percentiles.Median(samples), 1);
        figures.Add("operator.rss_tasks", options.MemoryTasks);
        figures.Add("controlplane.bench_process_rss_mb", Environment.WorkingSet / 1024.0 / 1024, 0);
        progress.Say($"memory: operator VmRSS {Percentiles.Median(samples):0.0} MiB with {options.MemoryTasks} tasks ({missing / seconds:0.0} tasks/s to get there)");
        if (Environment.GetEnvironmentVariable("AIRLOCK_BENCH_MEMORY_HOLD_SECONDS") is { } hold && int.TryParse(hold, out var holdSeconds))
        {
            progress.Say($"memory: holding operator pid {host.Pid} for {holdSeconds} s (AIRLOCK_BENCH_MEMORY_HOLD_SECONDS)");
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds), cancellationToken).ConfigureAwait(false);
        }
    }
}
