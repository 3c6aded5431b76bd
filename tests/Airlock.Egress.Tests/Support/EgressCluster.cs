using System.Net;
using Airlock.Api;
using Airlock.Api.Schema;
using Airlock.Api.Tasks;
using Airlock.Egress.Audit;
using Airlock.Egress.Hosting;
using Airlock.Egress.Proxy;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// A local control plane with the Airlock CRDs and an egress proxy against it, plus helpers that make a Running task
/// with a Running sandbox pod (what the operator would do) so tests can act as that pod from its 127.x address.
/// </summary>
public sealed class EgressCluster : IAsyncDisposable
{
    private EgressCluster(TestCluster cluster, EgressProxyHost proxy, MemoryAuditLog audit)
    {
        Cluster = cluster;
        Proxy = proxy;
        Audit = audit;
    }

    public TestCluster Cluster { get; }

    public EgressProxyHost Proxy { get; }

    public MemoryAuditLog Audit { get; }

    /// <summary>The signal seal the proxy seals its anomaly Events with (as the operator's Secret would give it).</summary>
    public static Runtime.Events.SignalSeal SignalSeal { get; } = Runtime.Events.SignalSeal.Generate();

    public IKubernetes Client => Cluster.Client;

    public IPEndPoint ProxyEndpoint => Proxy.Endpoint;

    /// <param name="configure">Changes to the proxy's options (for example a metrics endpoint).</param>
    public static async Task<EgressCluster> StartAsync(ProxyLimits? limits = null, Func<EgressProxyOptions, EgressProxyOptions>? configure = null)
    {
        var cluster = await TestCluster.StartPrivateAsync();
        cluster.RequireLocal();
        await InstallCrdsAsync(cluster.Client);
        var audit = new MemoryAuditLog();
        var options = new EgressProxyOptions
        {
            ResolveOverrides = new Dictionary<string, IReadOnlyList<IPAddress>>
            {
                ["allowed.test"] = [IPAddress.Loopback],
                ["other.test"] = [IPAddress.Loopback],
                ["meta.test"] = [IPAddress.Parse("169.254.169.254")],
                ["internal.test"] = [IPAddress.Parse("10.96.0.10")],
            },
            Limits = limits ?? new ProxyLimits { HeadReadTimeout = TimeSpan.FromSeconds(1) },
            UsageFlushInterval = TimeSpan.FromMilliseconds(200),
            AnomalyThreshold = 3,
            AuditLog = audit,
            SignalSeal = SignalSeal,
        };
        var proxy = await EgressProxyHost.StartAsync(cluster.Client, configure is null ? options : configure(options));
        return new EgressCluster(cluster, proxy, audit);
    }

    /// <summary>
    /// A namespace with a Running task named <paramref name="name"/> (spec from <paramref name="spec"/>) and its Running
    /// sandbox pod; returns the pod's address once the proxy knows it.
    /// </summary>
    public async Task<(string Namespace, IPAddress PodIp)> StartSandboxAsync(AgentTaskSpec spec, string name = "agent", string phase = AgentTaskPhase.Running)
    {
        var ns = (await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = "egress-" } })).Metadata.Name;
        var podIp = await StartPodAsync(ns, name);
        await CreateTaskAsync(ns, name, spec, phase);
        if (phase == AgentTaskPhase.Running)
            await Eventually.UntilAsync(() => Proxy.Directory.FindBySource(podIp) is not null, $"the proxy to know {podIp} as {ns}/{name}");
        return (ns, podIp);
    }

    public async Task<IPAddress> StartPodAsync(string ns, string task)
    {
        await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = task + "-agent", Labels = new Dictionary<string, string> { [AirlockLabels.Task] = task, [AirlockLabels.Component] = "agent" } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "agent", Image = "ghcr.io/acme/agent:1" }] },
        }, ns);
        var pod = await Eventually.ValueAsync(async () =>
        {
            var p = await Client.CoreV1.ReadNamespacedPodAsync(task + "-agent", ns);
            return p.Status?.Phase == "Running" && p.Status.PodIP is { Length: > 0 } ? p : null;
        }, "the sandbox pod to run with an IP");
        return IPAddress.Parse(pod.Status.PodIP);
    }

    public async Task CreateTaskAsync(string ns, string name, AgentTaskSpec spec, string phase)
    {
        spec.Image = "ghcr.io/acme/agent@sha256:" + new string('a', 64);
        var task = new AgentTask { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = spec };
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync(task, AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural);
        await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"" + phase + "\"}}", V1Patch.PatchType.MergePatch), AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name);
    }

    public Task SetPhaseAsync(string ns, string name, string phase) =>
        Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"" + phase + "\"}}", V1Patch.PatchType.MergePatch), AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name);

    public async Task<AgentTask> ReadTaskAsync(string ns, string name) =>
        KubernetesJson.Deserialize<AgentTask>(KubernetesJson.Serialize(
            await Client.CustomObjects.GetNamespacedCustomObjectAsync(AgentsGroup.Name, AgentsGroup.Version, ns, AgentTask.KubePlural, name)));

    private static async Task InstallCrdsAsync(IKubernetes client)
    {
        foreach (var definition in AirlockCrds.All) await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CrdGenerator.Generate(definition));
        foreach (var definition in AirlockCrds.All)
        {
            await Eventually.UntilAsync(async () =>
            {
                var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(definition.Name);
                return crd.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true;
            }, $"CRD {definition.Name} to be established");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
