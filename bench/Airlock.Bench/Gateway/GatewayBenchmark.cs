using System.Diagnostics;
using Airlock.Bench.Load;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Gateway;

/// <summary>
/// The gateway figures, side by side in one run against one stand-in provider: latency overhead (interleaved single calls
/// direct / through the gateway / through nginx on one dedicated thread: each run's p50 and p99 minus the direct ones), the
/// same for calls that resend a 20-turn conversation (as agents do), and requests per second and CPU per call through the
/// gateway and through nginx at the same concurrency (alternating which goes first). Every figure is the median of the runs.
/// </summary>
public static class GatewayBenchmark
{
    public static async Task RunAsync(Figures figures, HttpLoadOptions load, Progress progress, string stateDir, CancellationToken cancellationToken)
    {
        await using var rig = await GatewayRig.StartAsync(stateDir, cancellationToken).ConfigureAwait(false);
        await using var gateway = await rig.StartGatewayAsync(Path.Combine(stateDir, "gateway"), "gateway", cancellationToken: cancellationToken).ConfigureAwait(false);
        var nginxBinary = NginxProxy.Binary();
        await using var nginx = nginxBinary is null ? null
            : await NginxProxy.StartAsync(nginxBinary, rig.Provider.Address, Path.Combine(stateDir, "nginx"), cancellationToken).ConfigureAwait(false);
        progress.Say($"gateway: provider {rig.Provider.Address}, gateway {gateway.Address} (pid {gateway.Pid}), nginx {nginx?.Address.ToString() ?? "not installed"}");

        using var direct = new ModelCalls(rig.Provider.Address, null, load.Concurrency);
        using var viaGateway = new ModelCalls(gateway.Address, rig.Token, load.Concurrency);
        using var viaNginx = nginx is null ? null : new ModelCalls(nginx.Address, null, load.Concurrency);

        var samples = Math.Max(200, (int)(load.Duration.TotalSeconds * 200));
        await DedicatedThreads.Run(1, _ => Latencies(samples / 4, direct, viaGateway, viaNginx), "gateway-warmup").ConfigureAwait(false);
        var p50 = new List<double>();
        var p99 = new List<double>();
        var nginxP50 = new List<double>();
        for (var run = 0; run < load.Runs; run++)
        {
            var s = (Direct: new List<double>(), Gateway: new List<double>(), Nginx: new List<double>());
            await DedicatedThreads.Run(1, _ => s = Latencies(samples, direct, viaGateway, viaNginx), "gateway-latency").ConfigureAwait(false);
            p50.Add(Percentiles.Of(s.Gateway, 50) - Percentiles.Of(s.Direct, 50));
            p99.Add(Percentiles.Of(s.Gateway, 99) - Percentiles.Of(s.Direct, 99));
            if (s.Nginx.Count > 0) nginxP50.Add(Percentiles.Of(s.Nginx, 50) - Percentiles.Of(s.Direct, 50));
            progress.Say($"gateway latency run {run + 1}/{load.Runs}: direct p50 {Percentiles.Of(s.Direct, 50):0.000} ms, gateway p50 {Percentiles.Of(s.Gateway, 50):0.000} / p99 {Percentiles.Of(s.Gateway, 99):0.000} ms, nginx p50 {Percentiles.Of(s.Nginx, 50):0.000} ms");
        }
        figures.Add("gateway.overhead_p50_ms", Percentiles.Median(p50), 3);
        figures.Add("gateway.overhead_p99_ms", Percentiles.Median(p99), 3);
        if (nginxP50.Count > 0) figures.Add("gateway.nginx_overhead_p50_ms", Percentiles.Median(nginxP50), 3);
        await HistoryAsync(figures, rig, gateway, samples / 2, load.Runs, progress).ConfigureAwait(false);

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

    /// <summary>Overhead when every call resends a 20-turn conversation (~25 KB): only the new message is scanned.</summary>
    private static async Task HistoryAsync(Figures figures, GatewayRig rig, GatewayProcess gateway, int samples, int runs, Progress progress)
    {
        var history = ModelCalls.Conversation(20);
        using var direct = new ModelCalls(rig.Provider.Address, null, 1, history);
        using var viaGateway = new ModelCalls(gateway.Address, rig.Token, 1, history);
        await DedicatedThreads.Run(1, _ => Latencies(samples / 4, direct, viaGateway, null), "gateway-history-warmup").ConfigureAwait(false);
        var p50 = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var s = (Direct: new List<double>(), Gateway: new List<double>(), Nginx: new List<double>());
            await DedicatedThreads.Run(1, _ => s = Latencies(samples, direct, viaGateway, null), "gateway-history").ConfigureAwait(false);
            p50.Add(Percentiles.Of(s.Gateway, 50) - Percentiles.Of(s.Direct, 50));
            progress.Say($"gateway history run {run + 1}/{runs}: direct p50 {Percentiles.Of(s.Direct, 50):0.000} ms, gateway p50 {Percentiles.Of(s.Gateway, 50):0.000} ms");
        }
        figures.Add("gateway.history_overhead_p50_ms", Percentiles.Median(p50), 3);
        figures.Add("gateway.history_request_kb", Math.Round(history.Length / 1024.0, 1), 1);
    }

    private static (List<double> Direct, List<double> Gateway, List<double> Nginx) Latencies(int count, ModelCalls direct, ModelCalls gateway, ModelCalls? nginx)
    {
        var result = (Direct: new List<double>(count), Gateway: new List<double>(count), Nginx: new List<double>(count));
        for (var i = 0; i < count; i++)
        {
            result.Direct.Add(direct.Call($"lat-d-{i}"));
            result.Gateway.Add(gateway.Call($"lat-g-{i}"));
            if (nginx is not null) result.Nginx.Add(nginx.Call($"lat-n-{i}"));
        }
        return result;
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
