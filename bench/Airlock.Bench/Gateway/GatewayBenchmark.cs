using System.Diagnostics;
using Airlock.Bench.Load;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Gateway;

/// <summary>
/// The gateway figures, side by side in one run against one stand-in provider (see <see cref="GatewayLatency"/>): latency
/// overhead through the gateway as shipped, through the same gateway with the guardrails off and with an fsync per audit
/// commit (what each costs), and through nginx; the same for calls that resend a 20-turn conversation (as agents do); then
/// requests per second and CPU per call through the gateway and through nginx at the same concurrency (alternating which
/// goes first). Every figure is the median of the runs.
/// </summary>
public static class GatewayBenchmark
{
    public static async Task RunAsync(Figures figures, HttpLoadOptions load, Progress progress, string stateDir, CancellationToken cancellationToken)
    {
        await using var rig = await GatewayRig.StartAsync(stateDir, cancellationToken).ConfigureAwait(false);
        await using var gateway = await rig.StartGatewayAsync(Path.Combine(stateDir, "gateway"), "gateway", cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var unguarded = await rig.StartGatewayAsync(Path.Combine(stateDir, "gateway-unguarded"), "gateway-unguarded", ["--guardrails", "off"],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var fsync = await rig.StartGatewayAsync(Path.Combine(stateDir, "gateway-fsync"), "gateway-fsync", ["--audit-durability", "power-loss"],
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var nginxBinary = NginxProxy.Binary();
        await using var nginx = nginxBinary is null ? null
            : await NginxProxy.StartAsync(nginxBinary, rig.Provider.Address, Path.Combine(stateDir, "nginx"), cancellationToken).ConfigureAwait(false);
        progress.Say($"gateway: provider {rig.Provider.Address}, gateway {gateway.Address} (pid {gateway.Pid}), nginx {nginx?.Address.ToString() ?? "not installed"}");

        using var direct = new ModelCalls(rig.Provider.Address, null, load.Concurrency);
        using var viaGateway = new ModelCalls(gateway.Address, rig.Token, load.Concurrency);
        using var viaUnguarded = new ModelCalls(unguarded.Address, rig.Token, 1);
        using var viaFsync = new ModelCalls(fsync.Address, rig.Token, 1);
        using var viaNginx = nginx is null ? null : new ModelCalls(nginx.Address, null, load.Concurrency);

        var samples = Math.Max(200, (int)(load.Duration.TotalSeconds * 200));
        List<GatewayLatency.Target> targets =
        [
            new("gateway.overhead", "gateway", viaGateway),
            new("gateway.overhead_without_guardrails", "unguarded", viaUnguarded),
            new("gateway.overhead_audit_fsync", "fsync", viaFsync),
        ];
        if (viaNginx is not null) targets.Add(new("gateway.nginx_overhead", "nginx", viaNginx));
        await GatewayLatency.MeasureAsync(figures, direct, targets, samples, load.Runs, "gateway latency", progress).ConfigureAwait(false);

        var history = ModelCalls.Conversation(20);
        using var directHistory = new ModelCalls(rig.Provider.Address, null, 1, history);
        using var gatewayHistory = new ModelCalls(gateway.Address, rig.Token, 1, history);
        await GatewayLatency.MeasureAsync(figures, directHistory, [new("gateway.history_overhead", "gateway", gatewayHistory)], samples / 2, load.Runs,
            "gateway history", progress).ConfigureAwait(false);
        figures.Add("gateway.history_request_kb", Math.Round(history.Length / 1024.0, 1), 1);

        // Warm both paths at full concurrency first (tiered JIT, connection pools), unmeasured.
        var warm = load with { Duration = TimeSpan.FromSeconds(Math.Max(1, load.Duration.TotalSeconds / 2)) };
        await ThroughputAsync(viaGateway, warm, gateway.Pid, withChildren: false).ConfigureAwait(false);
        if (viaNginx is not null) await ThroughputAsync(viaNginx, warm, nginx!.Pid, withChildren: true).ConfigureAwait(false);
        var gatewayRps = new List<double>();
        var nginxRps = new List<double>();
        var ratios = new List<double>();
        var gatewayCpu = new List<double>();
        var nginxCpu = new List<double>();
        for (var run = 0; run < load.Runs; run++)
        {
            Throughput g, n = Throughput.None;
            if (viaNginx is not null && run % 2 == 1)
            {
                n = await ThroughputAsync(viaNginx, load, nginx!.Pid, withChildren: true).ConfigureAwait(false);
                g = await ThroughputAsync(viaGateway, load, gateway.Pid, withChildren: false).ConfigureAwait(false);
            }
            else
            {
                g = await ThroughputAsync(viaGateway, load, gateway.Pid, withChildren: false).ConfigureAwait(false);
                if (viaNginx is not null) n = await ThroughputAsync(viaNginx, load, nginx!.Pid, withChildren: true).ConfigureAwait(false);
            }
            gatewayRps.Add(g.PerSecond);
            nginxRps.Add(n.PerSecond);
            ratios.Add(g.PerSecond / n.PerSecond);
            gatewayCpu.Add(g.CpuMicrosecondsPerCall);
            nginxCpu.Add(n.CpuMicrosecondsPerCall);
            progress.Say($"gateway throughput run {run + 1}/{load.Runs}: gateway {g.PerSecond:0} req/s ({g.CpuMicrosecondsPerCall:0} µs CPU a call), "
                + $"nginx {n.PerSecond:0} req/s ({n.CpuMicrosecondsPerCall:0} µs CPU a call) ({load.Concurrency} connections)");
        }
        figures.Add("gateway.rps", Percentiles.Median(gatewayRps), 0);
        figures.Add("gateway.nginx_rps", Percentiles.Median(nginxRps), 0);
        figures.Add("gateway.rps_ratio_vs_nginx", viaNginx is null ? double.NaN : Percentiles.Median(ratios), 3);
        figures.Add("gateway.cpu_us_per_call", Percentiles.Median(gatewayCpu), 0);
        if (viaNginx is not null) figures.Add("gateway.nginx_cpu_us_per_call", Percentiles.Median(nginxCpu), 0);
        figures.Add("gateway.load_connections", load.Concurrency);
    }

    /// <summary>
    /// Completed calls per second with <see cref="HttpLoadOptions.Concurrency"/> dedicated threads each keeping one call in
    /// flight, and the CPU the proxy process (<paramref name="pid"/>) used per call meanwhile.
    /// </summary>
    private static async Task<Throughput> ThroughputAsync(ModelCalls calls, HttpLoadOptions load, int pid, bool withChildren)
    {
        long completed = 0;
        var cpuBefore = ProcessCpu.Seconds(pid, withChildren);
        var end = Stopwatch.GetTimestamp() + (long)(load.Duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await DedicatedThreads.Run(load.Concurrency, worker =>
        {
            for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
            {
                calls.Call($"rps-{worker}-{i}");
                Interlocked.Increment(ref completed);
            }
        }, "gateway-rps").ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = ProcessCpu.Seconds(pid, withChildren) - cpuBefore;
        return new Throughput(completed / seconds, cpu is { } used && completed > 0 ? used * 1e6 / completed : double.NaN);
    }
}
