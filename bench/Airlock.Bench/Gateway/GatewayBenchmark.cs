using System.Diagnostics;
using Airlock.Bench.Load;
using Airlock.Bench.Reporting;

namespace Airlock.Bench.Gateway;

/// <summary>
/// The gateway figures, side by side in one run against one stand-in provider: latency overhead (interleaved single calls
/// direct / through the gateway / through nginx on one dedicated thread: each run's p50 and p99 minus the direct ones),
/// and requests per second through the gateway and through nginx at the same concurrency (alternating which goes first).
/// Every figure is the median of the runs.
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

        // Warm both paths at full concurrency first (tiered JIT, connection pools), unmeasured.
        var warm = load with { Duration = TimeSpan.FromSeconds(Math.Max(1, load.Duration.TotalSeconds / 2)) };
        await ThroughputAsync(viaGateway, warm).ConfigureAwait(false);
        if (viaNginx is not null) await ThroughputAsync(viaNginx, warm).ConfigureAwait(false);
        var gatewayRps = new List<double>();
        var nginxRps = new List<double>();
        var ratios = new List<double>();
        for (var run = 0; run < load.Runs; run++)
        {
            double g, n = double.NaN;
            if (viaNginx is not null && run % 2 == 1)
            {
                n = await ThroughputAsync(viaNginx, load).ConfigureAwait(false);
                g = await ThroughputAsync(viaGateway, load).ConfigureAwait(false);
            }
            else
            {
                g = await ThroughputAsync(viaGateway, load).ConfigureAwait(false);
                if (viaNginx is not null) n = await ThroughputAsync(viaNginx, load).ConfigureAwait(false);
            }
            gatewayRps.Add(g);
            nginxRps.Add(n);
            ratios.Add(g / n);
            progress.Say($"gateway throughput run {run + 1}/{load.Runs}: gateway {g:0} req/s, nginx {n:0} req/s ({load.Concurrency} connections)");
        }
        figures.Add("gateway.rps", Percentiles.Median(gatewayRps), 0);
        figures.Add("gateway.nginx_rps", Percentiles.Median(nginxRps), 0);
        figures.Add("gateway.rps_ratio_vs_nginx", viaNginx is null ? double.NaN : Percentiles.Median(ratios), 3);
        figures.Add("gateway.load_connections", load.Concurrency);
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

    /// <summary>Completed calls per second with <see cref="HttpLoadOptions.Concurrency"/> dedicated threads each keeping one call in flight.</summary>
    private static async Task<double> ThroughputAsync(ModelCalls calls, HttpLoadOptions load)
    {
        long completed = 0;
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
        return completed / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
