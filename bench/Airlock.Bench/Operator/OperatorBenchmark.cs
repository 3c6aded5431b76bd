using System.Diagnostics;
using Airlock.Api.Tasks;
using Airlock.Bench.Hosting;
using Airlock.Bench.Reporting;
using k8s.Models;

namespace Airlock.Bench.Operator;

/// <summary>
/// The operator figures, in one run against one control plane hosted by the bench process, the operator being
/// <c>bin/airlock operator</c> in its own process (as in a cluster, and so its memory is its own): the raw write limit and
/// the operator's burst side by side, requests per task, idle writes, create-to-Running latency at a steady rate, and
/// resident memory with many tasks cached.
/// </summary>
public sealed partial class OperatorBenchmark(BenchCluster cluster, string airlockBinary, OperatorBenchOptions options, Progress progress)
{
    public const string OperatorAccount = "airlock-operator";

    private static readonly string OperatorUser = BenchCluster.ServiceAccountUser(OperatorAccount);

    public async Task RunAsync(Figures figures, CancellationToken cancellationToken)
    {
        var kubeconfig = await cluster.WriteServiceAccountKubeconfigAsync(OperatorAccount, cancellationToken).ConfigureAwait(false);
        var raw = new List<BurstResult>();
        var bursts = new List<BurstResult>();
        var baseline = new List<BurstResult>();
        OperatorProcess? host = null;
        try
        {
            if (options.WarmupTasks > 0)
            {
                // The control plane lives in this process: its first bursts also pay its JIT, which would go to the raw run
                // (a 200-task warm-up left the next raw burst as cold as the first on a loaded machine: a full burst, then).
                await RawBurstAsync("warmup-raw", options.BurstTasks, cancellationToken, "raw warm-up").ConfigureAwait(false);
                await cluster.DeleteNamespaceAsync("warmup-raw", options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
            }
            for (var round = 0; round < options.Rounds; round++)
            {
                var last = round == options.Rounds - 1;
                raw.Add(await RawBurstAsync($"raw-{round}", options.BurstTasks, cancellationToken).ConfigureAwait(false));
                await cluster.DeleteNamespaceAsync($"raw-{round}", options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
                if (options.BaselineBinary is { } baselineBinary)
                    baseline.Add(await BaselineBurstAsync(baselineBinary, kubeconfig, $"baseline-{round}", cancellationToken).ConfigureAwait(false));
                host = await StartOperatorAsync(airlockBinary, OperatorAccount, kubeconfig, cancellationToken).ConfigureAwait(false);
                if (round == 0 && host.ResidentMegabytes is { } startRss) figures.Add("operator.rss_mb_started", startRss, 1);
                await WarmUpAsync(host, $"warmup-{round}", cancellationToken).ConfigureAwait(false);
                bursts.Add(await OperatorBurstAsync($"burst-{round}", host, options.BurstTasks, cancellationToken).ConfigureAwait(false));
                if (round == 0 && host.ResidentMegabytes is { } burstRss) figures.Add("operator.rss_mb_after_burst", burstRss, 1);
                progress.Say($"round {round + 1} of {options.Rounds}: throughput ratio {bursts[^1].TasksPerSecond / raw[^1].TasksPerSecond:0.000}"
                    + (baseline.Count > 0 ? $" (baseline operator {baseline[^1].TasksPerSecond / raw[^1].TasksPerSecond:0.000})" : ""));
                if (last) break;
                // The next round starts from an empty cluster and a fresh operator; the operator is stopped first, so the
                // cleanup (finalizers dropped, the namespace deleted) costs no reconciles.
                await host.DisposeAsync().ConfigureAwait(false);
                host = null;
                await BurstCleanup.RunAsync(cluster, $"burst-{round}", options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
                if (options.WarmupTasks > 0) await BurstCleanup.RunAsync(cluster, $"warmup-{round}", options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
            }
            AddBurstFigures(figures, raw, bursts);
            if (baseline.Count > 0) AddBaselineFigures(figures, raw, baseline);
            var steadyTasks = 0;
            await PhaseAsync(figures, "idle", () => IdleAsync(figures, cancellationToken)).ConfigureAwait(false);
            await PhaseAsync(figures, "steady", async () => steadyTasks = await SteadyAsync(figures, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (options.MemoryTasks > 0 && host is not null)
            {
                var operatorHost = host;
                await PhaseAsync(figures, "memory", () => MemoryAsync(figures, operatorHost, options.BurstTasks + options.WarmupTasks + steadyTasks, cancellationToken)).ConfigureAwait(false);
            }
        }
        finally
        {
            if (host is not null) await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void AddBurstFigures(Figures figures, List<BurstResult> raw, List<BurstResult> bursts)
    {
        var operatorRate = Percentiles.Median(bursts.Select(b => b.TasksPerSecond).ToList());
        var rawRate = Percentiles.Median(raw.Select(b => b.TasksPerSecond).ToList());
        var ratios = raw.Zip(bursts, (r, b) => b.TasksPerSecond / r.TasksPerSecond).ToList();
        figures.Add("operator.tasks_per_second", operatorRate, 1);
        figures.Add("operator.raw_write_limit_tasks_per_second", rawRate, 1);
        figures.Add("operator.throughput_ratio", Percentiles.Median(ratios), 3);
        figures.Add("operator.throughput_ratio_min", ratios.Min(), 3);
        figures.Add("operator.throughput_ratio_max", ratios.Max(), 3);
        figures.Add("operator.rounds", ratios.Count);
        figures.Add("operator.burst_seconds", Percentiles.Median(bursts.Select(b => b.Seconds).ToList()), 2);
        figures.Add("operator.burst_tasks", options.BurstTasks);
        var requests = bursts[^1].Requests;
        figures.Add("operator.api_requests_per_task", (double)requests.Reconciler / options.BurstTasks, 2);
        figures.Add("operator.api_requests_per_task_with_events", (double)(requests.Reconciler + requests.Events) / options.BurstTasks, 2);
        figures.Add("operator.list_watch_requests_in_burst", requests.ListWatch);
        figures.Add("operator.cpu_ms_per_task", Percentiles.Median(bursts.Select(b => b.OperatorCpu.TotalMilliseconds / b.Tasks).ToList()), 1);
        figures.Add("controlplane.cpu_ms_per_task_raw", Percentiles.Median(raw.Select(b => b.ControlPlaneCpu.TotalMilliseconds / b.Tasks).ToList()), 1);
        figures.Add("controlplane.cpu_ms_per_task_operator", Percentiles.Median(bursts.Select(b => b.ControlPlaneCpu.TotalMilliseconds / b.Tasks).ToList()), 1);
    }

    private async Task<OperatorProcess> StartOperatorAsync(string binary, string name, string kubeconfig, CancellationToken cancellationToken)
    {
        var host = OperatorProcess.Start(binary, kubeconfig, name, cluster.StateDir, leaderElect: false);
        await host.WaitReadyAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        progress.Say($"operator pid {host.Pid} ready (log {host.LogPath})");
        return host;
    }

    private async Task<BurstResult> RawBurstAsync(string ns, int count, CancellationToken cancellationToken, string label = "raw write limit")
    {
        await cluster.CreateNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
        await using var pods = await ReachedTracker<V1Pod>.StartAsync(cluster.ControlPlane.CreateClient(), ns, p => p.Status?.Phase == "Running", cancellationToken).ConfigureAwait(false);
        var tasks = Enumerable.Range(0, count).Select(i => BenchTasks.New(ns, BenchTasks.Name("raw", i))).ToList();
        var load = new TaskLoad(cluster.Admin);
        var writer = new RawChildWriter(cluster.ControlPlane.CreateClient());
        progress.Say($"{label}: {tasks.Count} tasks, children created directly by {options.RawWorkers} workers");
        var cpuBefore = ProcessCpu.Current();
        var start = Stopwatch.GetTimestamp();
        var writing = writer.RunAsync(options.RawWorkers, cancellationToken);
        await load.BurstAsync(tasks, options.CreateConcurrency, writer.EnqueueAsync, cancellationToken).ConfigureAwait(false);
        writer.Complete();
        await writing.ConfigureAwait(false);
        await pods.WaitForCountAsync(tasks.Count, options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start, pods.LastReachedAt(tasks.Select(t => SandboxPodName(t)))).TotalSeconds;
        var result = new BurstResult(tasks.Count, seconds, default) { ControlPlaneCpu = ProcessCpu.Current() - cpuBefore };
        progress.Say($"{label}: {result.TasksPerSecond:0.0} tasks/s ({seconds:0.00} s, {result.ControlPlaneCpu.TotalMilliseconds / tasks.Count:0.0} ms CPU/task)");
        return result;
    }

    private async Task<BurstResult> OperatorBurstAsync(string ns, OperatorProcess host, int count, CancellationToken cancellationToken, string label = "operator burst")
    {
        await cluster.CreateNamespaceAsync(ns, cancellationToken).ConfigureAwait(false);
        await using var running = await StartTaskTrackerAsync(ns, cancellationToken).ConfigureAwait(false);
        var tasks = Enumerable.Range(0, count).Select(i => BenchTasks.New(ns, BenchTasks.Name("burst", i))).ToList();
        var load = new TaskLoad(cluster.Admin);
        progress.Say($"{label}: {tasks.Count} tasks");
        var before = RequestTally.Of(cluster.Counters, OperatorUser);
        var mixBefore = RequestMix.Of(cluster.Counters, OperatorUser);
        var cpuBefore = ProcessCpu.Current();
        var operatorCpuBefore = ProcessCpu.Of(host.Pid) ?? TimeSpan.Zero;
        var start = Stopwatch.GetTimestamp();
        await load.BurstAsync(tasks, options.CreateConcurrency, cancellationToken: cancellationToken).ConfigureAwait(false);
        await running.WaitForCountAsync(tasks.Count, options.PhaseTimeout, cancellationToken).ConfigureAwait(false);
        var requests = RequestTally.Of(cluster.Counters, OperatorUser) - before;
        var seconds = Stopwatch.GetElapsedTime(start, running.LastReachedAt(tasks.Select(t => t.Metadata.Name))).TotalSeconds;
        var result = new BurstResult(tasks.Count, seconds, requests)
        {
            ControlPlaneCpu = ProcessCpu.Current() - cpuBefore,
            OperatorCpu = (ProcessCpu.Of(host.Pid) ?? operatorCpuBefore) - operatorCpuBefore,
        };
        progress.Say($"{label}: {result.TasksPerSecond:0.0} tasks/s ({seconds:0.00} s), {(double)requests.Reconciler / tasks.Count:0.00} requests/task, "
            + $"{result.OperatorCpu.TotalMilliseconds / tasks.Count:0.0} ms operator CPU/task, {result.ControlPlaneCpu.TotalMilliseconds / tasks.Count:0.0} ms control-plane CPU/task");
        progress.Say($"{label} requests per task: {RequestMix.Of(cluster.Counters, OperatorUser).Since(mixBefore).PerTask(tasks.Count)}");
        return result;
    }

    /// <summary>A freshly started operator gets a small burst first: bursts hit a long-running, JIT-warm operator, and the raw run is warm too.</summary>
    private async Task WarmUpAsync(OperatorProcess host, string ns, CancellationToken cancellationToken)
    {
        if (options.WarmupTasks > 0) await OperatorBurstAsync(ns, host, options.WarmupTasks, cancellationToken, "operator warm-up").ConfigureAwait(false);
    }

    private Task<ReachedTracker<AgentTask>> StartTaskTrackerAsync(string ns, CancellationToken cancellationToken) =>
        ReachedTracker<AgentTask>.StartAsync(cluster.ControlPlane.CreateClient(), ns, t => t.Status?.Phase == AgentTaskPhase.Running, cancellationToken);

    private static string SandboxPodName(AgentTask task) => Airlock.Operator.Sandbox.SandboxNames.Agent(task.Metadata.Name);

    private async Task PhaseAsync(Figures figures, string phase, Func<Task> run)
    {
        try
        {
            await run().ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            progress.Say($"{phase}: {e.Message}");
            figures.Add($"operator.{phase}_error", e.Message);
        }
    }
}
