using System.Net;
using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Bench.Hosting;
using Airlock.Bench.Load;
using Airlock.Bench.Operator;
using Airlock.Bench.Reporting;
using Airlock.Egress.Hosting;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Egress;

/// <summary>
/// <c>egress.overhead_p50_ms</c>: an agent's request through the egress proxy (identity by pod address, allowlist,
/// resolution, audit) against the same request straight to the same loopback server, interleaved one by one on a
/// dedicated client thread. Each run's figure is p50(proxy) − p50(direct); the reported figure is the median of the runs.
/// <c>egress.keepalive_overhead_p50_ms</c> is the same for requests on one kept-alive connection (a session's second and
/// later requests: the proxy reuses its upstream connection) against kept-alive requests straight to a keep-alive server.
/// </summary>
public static class EgressBenchmark
{
    private const string Host = "upstream.bench";

    public static async Task<bool> RunAsync(Figures figures, HttpLoadOptions load, Progress progress, string stateDir, CancellationToken cancellationToken)
    {
        await using var cluster = await BenchCluster.StartAsync(stateDir, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using var server = new OneShotHttpServer();
        await using var keepAliveServer = new KeepAliveHttpServer();
        await using var proxy = await EgressProxyHost.StartAsync(cluster.Admin, new EgressProxyOptions
        {
            ResolveOverrides = new Dictionary<string, IReadOnlyList<IPAddress>> { [Host] = [IPAddress.Loopback] },
        }, cancellationToken).ConfigureAwait(false);
        var pod = await StartSandboxAsync(cluster.Admin, [server.Endpoint.Port, keepAliveServer.Endpoint.Port], cancellationToken).ConfigureAwait(false);
        await Poll.UntilAsync(() => proxy.Directory.FindBySource(pod) is not null, TimeSpan.FromSeconds(30), "the proxy to know the pod", cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        progress.Say($"egress: proxy {proxy.ProxyUrl}, server {server.Endpoint}, agent pod {pod}");

        var samplesPerRun = Math.Max(200, (int)(load.Duration.TotalSeconds * 300));
        var plain = new List<double>();
        var plainP99 = new List<double>();
        var tunnel = new List<double>();
        var direct = new List<double>();
        var keepAlive = new List<double>();
        var servers = new Servers(server.Endpoint, keepAliveServer.Endpoint);
        await DedicatedThreads.Run(1, _ => Measure(samplesPerRun / 5, pod, proxy.Endpoint, servers), "egress-warmup").ConfigureAwait(false);
        for (var run = 0; run < load.Runs; run++)
        {
            Samples? samples = null;
            await DedicatedThreads.Run(1, _ => samples = Measure(samplesPerRun, pod, proxy.Endpoint, servers), "egress-load").ConfigureAwait(false);
            var s = samples!;
            plain.Add(Percentiles.Of(s.Forwarded, 50) - Percentiles.Of(s.Direct, 50));
            plainP99.Add(Percentiles.Of(s.Forwarded, 99) - Percentiles.Of(s.Direct, 99));
            tunnel.Add(Percentiles.Of(s.Tunnelled, 50) - Percentiles.Of(s.Direct, 50));
            direct.Add(Percentiles.Of(s.Direct, 50));
            keepAlive.Add(Percentiles.Of(s.KeptAliveForwarded, 50) - Percentiles.Of(s.KeptAliveDirect, 50));
            progress.Say($"egress run {run + 1}/{load.Runs}: direct p50 {Percentiles.Of(s.Direct, 50):0.000} ms, via proxy {Percentiles.Of(s.Forwarded, 50):0.000} ms, "
                + $"CONNECT {Percentiles.Of(s.Tunnelled, 50):0.000} ms; kept alive: direct {Percentiles.Of(s.KeptAliveDirect, 50):0.000} ms, "
                + $"via proxy {Percentiles.Of(s.KeptAliveForwarded, 50):0.000} ms");
        }
        figures.Add("egress.overhead_p50_ms", Percentiles.Median(plain), 3);
        figures.Add("egress.overhead_p99_ms", Percentiles.Median(plainP99), 3);
        figures.Add("egress.connect_overhead_p50_ms", Percentiles.Median(tunnel), 3);
        figures.Add("egress.keepalive_overhead_p50_ms", Percentiles.Median(keepAlive), 3);
        figures.Add("egress.direct_p50_ms", Percentiles.Median(direct), 3);
        figures.Add("egress.samples_per_run", samplesPerRun);
        return true;
    }

    private sealed record Servers(IPEndPoint OneShot, IPEndPoint KeepAlive);

    private sealed record Samples(List<double> Direct, List<double> Forwarded, List<double> Tunnelled, List<double> KeptAliveDirect, List<double> KeptAliveForwarded);

    private static Samples Measure(int count, IPAddress pod, IPEndPoint proxy, Servers servers)
    {
        var samples = new Samples(new List<double>(count), new List<double>(count), new List<double>(count), new List<double>(count), new List<double>(count));
        var port = servers.KeepAlive.Port;
        using var keptDirect = new KeepAliveClient(pod, servers.KeepAlive, $"GET /bench HTTP/1.1\r\nHost: {Host}:{port}\r\n\r\n");
        using var keptForwarded = new KeepAliveClient(pod, proxy, $"GET http://{Host}:{port}/bench HTTP/1.1\r\nHost: {Host}:{port}\r\n\r\n");
        // The first request on each opens the connections; the figure is about the ones after it.
        keptDirect.Exchange();
        keptForwarded.Exchange();
        for (var i = 0; i < count; i++)
        {
            samples.Direct.Add(EgressExchange.Direct(pod, servers.OneShot, Host));
            samples.Forwarded.Add(EgressExchange.Forwarded(pod, proxy, Host, servers.OneShot.Port));
            samples.Tunnelled.Add(EgressExchange.Tunnelled(pod, proxy, Host, servers.OneShot.Port));
            samples.KeptAliveDirect.Add(keptDirect.Exchange());
            samples.KeptAliveForwarded.Add(keptForwarded.Exchange());
        }
        return samples;
    }

    /// <summary>A Running sandbox pod (the kubelet gives it a 127.x address) and its Running task allowing the servers' ports.</summary>
    private static async Task<IPAddress> StartSandboxAsync(IKubernetes client, List<int> ports, CancellationToken cancellationToken)
    {
        const string ns = "egress-bench";
        const string name = "agent";
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = name + "-agent", Labels = new Dictionary<string, string> { [AirlockLabels.Task] = name, [AirlockLabels.Component] = "agent" } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "agent", Image = "ghcr.io/acme/agent:1" }] },
        }, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        IPAddress? address = null;
        await Poll.UntilAsync(async () =>
        {
            var pod = await client.CoreV1.ReadNamespacedPodAsync(name + "-agent", ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (pod.Status?.Phase != "Running" || pod.Status.PodIP is not { Length: > 0 } ip) return false;
            address = IPAddress.Parse(ip);
            return true;
        }, TimeSpan.FromSeconds(30), "the agent pod to run", cancellationToken: cancellationToken).ConfigureAwait(false);
        var task = BenchTasks.New(ns, name);
        task.Spec.Egress = [new EgressRule { Host = Host, Ports = ports }];
        await BenchTasks.CreateAsync(client, task, cancellationToken).ConfigureAwait(false);
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"Running\"}}", V1Patch.PatchType.MergePatch), AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return address!;
    }
}
