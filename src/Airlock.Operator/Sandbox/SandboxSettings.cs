namespace Airlock.Operator.Sandbox;

/// <summary>Where the cluster's shared pieces are, as the sandbox builders need them. Values only: no I/O.</summary>
public sealed record SandboxSettings
{
    /// <summary>Namespace of the gateway and the egress proxy.</summary>
    public string SystemNamespace { get; init; } = "airlock-system";

    /// <summary>Base URL of the model gateway as agents reach it (its OpenAI-compatible API is at <c>/v1</c>).</summary>
    public string GatewayUrl { get; init; } = "http://airlock-gateway.airlock-system.svc:8080";

    /// <summary>Labels of the gateway pods, for the NetworkPolicy.</summary>
    public IReadOnlyDictionary<string, string> GatewayPodLabels { get; init; } =
        new Dictionary<string, string> { ["app.kubernetes.io/name"] = "airlock-gateway" };

    /// <summary>Port the gateway pods listen on (the NetworkPolicy sees pod ports, not Service ports).</summary>
    public int GatewayPodPort { get; init; } = 8080;

    /// <summary>URL of the egress proxy, set as HTTPS_PROXY and HTTP_PROXY.</summary>
    public string EgressProxyUrl { get; init; } = "http://airlock-egress.airlock-system.svc:3128";

    public IReadOnlyDictionary<string, string> EgressProxyPodLabels { get; init; } =
        new Dictionary<string, string> { ["app.kubernetes.io/name"] = "airlock-egress" };

    public int EgressProxyPodPort { get; init; } = 3128;

    /// <summary>Labels of the namespace holding cluster DNS.</summary>
    public IReadOnlyDictionary<string, string> DnsNamespaceLabels { get; init; } =
        new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "kube-system" };

    /// <summary>Audience of the agents' projected gateway token; the gateway's <c>--token-audience</c> must be the same.</summary>
    public string TokenAudience { get; init; } = Api.Tasks.SandboxContract.TokenAudience;

    /// <summary>
    /// Whether the sandbox NetworkPolicy allows DNS itself. False when the Cilium layer supplies DNS with its name filter
    /// (Egress/CiliumSandboxPolicyBuilder): an L4 rule here would void that filter, as Cilium ORs the policies.
    /// </summary>
    public bool ClusterDnsInNetworkPolicy { get; init; } = true;

    /// <summary>Labels of the cluster DNS pods.</summary>
    public IReadOnlyDictionary<string, string> DnsPodLabels { get; init; } =
        new Dictionary<string, string> { ["k8s-app"] = "kube-dns" };

    /// <summary>
    /// Where the Kubernetes API server is, for tasks with <c>permissions</c> (they need a path to it). Empty: no path is
    /// opened and such tasks cannot reach the API, which fails closed.
    /// </summary>
    public IReadOnlyList<string> ApiServerCidrs { get; init; } = [];

    public int ApiServerPort { get; init; } = 6443;

    /// <summary>UID and GID the agent runs as when the image does not say (65532, "nonroot" in distroless images).</summary>
    public long RunAsUser { get; init; } = 65532;

    /// <summary>The clock: decides whether a debug opening is still open.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static SandboxSettings Default { get; } = new();
}
