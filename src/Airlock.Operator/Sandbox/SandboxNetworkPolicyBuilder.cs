using Airlock.Api.Tasks;
using Airlock.Operator.Network;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>
/// The sandbox's default-deny NetworkPolicy: ingress only through an unexpired debug opening; egress only to cluster DNS,
/// the gateway, the egress proxy and the task's CIDRs (never link-local or metadata addresses).
/// </summary>
public static class SandboxNetworkPolicyBuilder
{
    public static V1NetworkPolicy Build(AgentTask task, SandboxSettings settings)
    {
        var spec = task.Spec;
        var egress = new List<V1NetworkPolicyEgressRule>
        {
            ToSystemPods(settings, settings.GatewayPodLabels, settings.GatewayPodPort),
            ToSystemPods(settings, settings.EgressProxyPodLabels, settings.EgressProxyPodPort),
        };
        if (settings.ClusterDnsInNetworkPolicy)
        {
            egress.Insert(0, new()
            {
                To = [new V1NetworkPolicyPeer { NamespaceSelector = Selector(settings.DnsNamespaceLabels), PodSelector = Selector(settings.DnsPodLabels) }],
                Ports = [Port("UDP", 53), Port("TCP", 53)],
            });
        }
        foreach (var rule in spec.Egress ?? [])
        {
            if (rule.Cidr is null || !ForbiddenNetworks.TryParseCidr(rule.Cidr, out var network)) continue;
            // A CIDR inside a forbidden range is refused by validation; skipping it here fails closed if validation was bypassed.
            if (ForbiddenNetworks.Containing(network) is not null || network.PrefixLength == 0) continue;
            egress.Add(new V1NetworkPolicyEgressRule
            {
                To = [new V1NetworkPolicyPeer { IpBlock = IpBlock(network) }],
                Ports = rule.EffectivePorts.Select(p => Port("TCP", p)).ToList(),
            });
        }
        if (spec.Permissions is { Count: > 0 } && settings.ApiServerCidrs.Count > 0)
        {
            egress.Add(new V1NetworkPolicyEgressRule
            {
                To = settings.ApiServerCidrs.Select(c => new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = c } }).ToList(),
                Ports = [Port("TCP", settings.ApiServerPort)],
            });
        }

        var policy = new V1NetworkPolicy
        {
            ApiVersion = "networking.k8s.io/v1",
            Kind = "NetworkPolicy",
            Metadata = ChildMetadata.For(task, SandboxNames.Sandbox(task.Metadata.Name), "sandbox"),
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = Selector(SandboxSelector(task)),
                PolicyTypes = ["Ingress", "Egress"],
                Ingress = DebugIngress(spec.Debug, settings),
                Egress = egress,
            },
        };
        return DesiredHash.Stamp(policy);
    }

    /// <summary>True while the task's debug opening is unexpired at <paramref name="now"/>.</summary>
    public static bool DebugOpen(DebugAccess? debug, DateTime now) => debug?.ExpiresAt is { } expires && expires.ToUniversalTime() > now;

    /// <summary>Labels that select exactly the task's sandbox pod.</summary>
    public static Dictionary<string, string> SandboxSelector(AgentTask task) =>
        new() { [Api.AirlockLabels.Task] = SandboxNames.TaskLabelValue(task.Metadata.Name), [Api.AirlockLabels.Component] = "agent" };

    /// <summary>
    /// While the debug window is open: the debug ports from the egress proxy's pods (the authenticated <c>airlock debug</c>
    /// tunnel) and from the task's <c>allowFrom</c> ranges (the fallback). Closed: no ingress at all.
    /// </summary>
    private static List<V1NetworkPolicyIngressRule> DebugIngress(DebugAccess? debug, SandboxSettings settings)
    {
        if (debug is null || !DebugOpen(debug, settings.Clock.GetUtcNow().UtcDateTime) || debug.Ports.Count == 0) return [];
        var sources = new List<V1NetworkPolicyPeer>
        {
            new()
            {
                NamespaceSelector = Selector(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = settings.SystemNamespace }),
                PodSelector = Selector(settings.EgressProxyPodLabels),
            },
        };
        sources.AddRange((debug.AllowFrom ?? [])
            .Select(c => ForbiddenNetworks.TryParseCidr(c, out var n) && n.PrefixLength > 0 ? n.ToString() : null)
            .OfType<string>()
            .Select(c => new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = c } }));
        return [new V1NetworkPolicyIngressRule { FromProperty = sources, Ports = debug.Ports.Select(p => Port("TCP", p)).ToList() }];
    }

    private static V1NetworkPolicyEgressRule ToSystemPods(SandboxSettings settings, IReadOnlyDictionary<string, string> podLabels, int port) => new()
    {
        To =
        [
            new V1NetworkPolicyPeer
            {
                NamespaceSelector = Selector(new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = settings.SystemNamespace }),
                PodSelector = Selector(podLabels),
            },
        ],
        Ports = [Port("TCP", port)],
    };

    private static V1IPBlock IpBlock(System.Net.IPNetwork network)
    {
        var except = ForbiddenNetworks.Inside(network).Select(r => r.ToString()).ToList();
        return new V1IPBlock { Cidr = network.ToString(), Except = except.Count > 0 ? except : null };
    }

    private static V1LabelSelector Selector(IReadOnlyDictionary<string, string> labels) =>
        new() { MatchLabels = labels.ToDictionary(l => l.Key, l => l.Value) };

    private static V1NetworkPolicyPort Port(string protocol, int port) => new() { Protocol = protocol, Port = port };
}
