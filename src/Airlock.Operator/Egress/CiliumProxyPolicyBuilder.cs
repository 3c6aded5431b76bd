using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Operator.Network;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>
/// The egress-proxy side, one per task in the system namespace: the proxy pods may reach the task's hosts (<c>toFQDNs</c>)
/// and CIDRs on the task's ports. Cilium ORs the policies of all tasks, so even a compromised or confused proxy reaches only
/// hosts that some live task allows. Pure.
/// </summary>
/// <remarks>
/// The DNS rule's <c>matchPattern: "*"</c> is there so Cilium's DNS proxy sees the proxy's lookups and learns the addresses
/// behind the names (how <c>toFQDNs</c> works); it restricts nothing, as the proxy's own lookups are only ever of names a
/// task allows, and the chart's NetworkPolicy gives the proxy plain DNS anyway.
/// </remarks>
public static class CiliumProxyPolicyBuilder
{
    /// <summary>The policy, or null when the task names neither hosts nor CIDRs (the proxy then has nowhere to go for it).</summary>
    public static CiliumNetworkPolicy? Build(AgentTask task, SandboxSettings settings)
    {
        var egress = new JsonArray { CiliumRules.DnsTo(settings, [new JsonObject { ["matchPattern"] = "*" }]) };
        var rules = task.Spec.Egress ?? [];
        // One rule per distinct port set keeps the output short and stable (ordered by ports, then names).
        foreach (var group in rules.Where(r => r.Host is not null && r.Cidr is null).GroupBy(PortKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var selectors = new JsonArray();
            foreach (var host in group.Select(r => r.Host!.TrimEnd('.').ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                selectors.Add(CiliumRules.FqdnSelector(host));
            egress.Add(new JsonObject { ["toFQDNs"] = selectors, ["toPorts"] = Ports(group.First()) });
        }
        foreach (var rule in rules.Where(r => r.Cidr is not null && r.Host is null))
        {
            // Same guard as the NetworkPolicy builder: validation refuses these, dropping them fails closed if it was bypassed.
            if (!ForbiddenNetworks.TryParseCidr(rule.Cidr!, out var network) || network.PrefixLength == 0 || ForbiddenNetworks.Containing(network) is not null) continue;
            var set = new JsonObject { ["cidr"] = network.ToString() };
            var except = ForbiddenNetworks.Inside(network).Select(r => JsonValue.Create(r.ToString())).ToArray();
            if (except.Length > 0) set["except"] = new JsonArray(except);
            egress.Add(new JsonObject { ["toCIDRSet"] = new JsonArray { set }, ["toPorts"] = Ports(rule) });
        }
        if (egress.Count == 1) return null;
        var ns = task.Metadata.NamespaceProperty ?? "";
        return DesiredHash.Stamp(new CiliumNetworkPolicy
        {
            Metadata = new()
            {
                Name = CiliumNames.Proxy(ns, task.Metadata.Name),
                NamespaceProperty = settings.SystemNamespace,
                Labels = CiliumNames.ProxyLabels(task),
                Annotations = new Dictionary<string, string> { [CiliumNames.TaskAnnotation] = CiliumNames.TaskKey(ns, task.Metadata.Name) },
            },
            Spec = new JsonObject
            {
                ["description"] = $"airlock: what the egress proxy may reach for task {ns}/{task.Metadata.Name}",
                ["endpointSelector"] = new JsonObject { ["matchLabels"] = CiliumRules.Labels(settings.EgressProxyPodLabels) },
                ["egress"] = egress,
            },
        });
    }

    private static string PortKey(EgressRule rule) => string.Join(',', rule.EffectivePorts.Order());

    private static JsonArray Ports(EgressRule rule)
    {
        var ports = new JsonArray();
        foreach (var port in rule.EffectivePorts.Distinct().Order()) ports.Add(CiliumRules.Port(port, "TCP"));
        return new JsonArray { new JsonObject { ["ports"] = ports } };
    }
}
