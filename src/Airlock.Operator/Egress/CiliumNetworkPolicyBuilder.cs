using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>
/// Optional defence in depth on clusters with Cilium: a CiliumNetworkPolicy on the sandbox pod whose <c>toFQDNs</c> mirror
/// the task's host list and ports, with the DNS rule Cilium's DNS proxy needs to learn those names' addresses. Pure.
/// </summary>
/// <remarks>
/// Cilium's <c>*</c> stays inside one label, while Airlock's <c>*.domain</c> covers one or more labels; a wildcard host
/// therefore becomes both <c>*.domain</c> and <c>**.domain</c> (multi-label, Cilium 1.16 and later).
/// </remarks>
public static class CiliumNetworkPolicyBuilder
{
    /// <summary>The policy, or null when the task names no hosts (the NetworkPolicy alone then says everything).</summary>
    public static CiliumNetworkPolicy? Build(AgentTask task, SandboxSettings settings)
    {
        var hostRules = (task.Spec.Egress ?? []).Where(r => r.Host is not null && r.Cidr is null).ToList();
        if (hostRules.Count == 0) return null;
        var egress = new JsonArray { DnsRule(settings) };
        // One rule per distinct port set keeps the output short and stable (ordered by ports, then names).
        foreach (var group in hostRules.GroupBy(r => string.Join(',', r.EffectivePorts.Order())).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var selectors = new JsonArray();
            foreach (var host in group.Select(r => r.Host!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                if (host.StartsWith("*.", StringComparison.Ordinal))
                {
                    selectors.Add(new JsonObject { ["matchPattern"] = host });
                    selectors.Add(new JsonObject { ["matchPattern"] = "*" + host });
                }
                else
                {
                    selectors.Add(new JsonObject { ["matchName"] = host });
                }
            }
            var ports = new JsonArray();
            foreach (var port in group.First().EffectivePorts.Order()) ports.Add(Port(port, "TCP"));
            egress.Add(new JsonObject { ["toFQDNs"] = selectors, ["toPorts"] = new JsonArray { new JsonObject { ["ports"] = ports } } });
        }
        return new CiliumNetworkPolicy
        {
            Metadata = ChildMetadata.For(task, SandboxNames.Sandbox(task.Metadata.Name), "sandbox"),
            Spec = new JsonObject
            {
                ["endpointSelector"] = new JsonObject { ["matchLabels"] = Labels(SandboxNetworkPolicyBuilder.SandboxSelector(task), "") },
                ["egress"] = egress,
            },
        };
    }

    /// <summary>DNS to the cluster's DNS pods through Cilium's DNS proxy (<c>rules.dns</c>), which is how toFQDNs learns addresses.</summary>
    private static JsonObject DnsRule(SandboxSettings settings)
    {
        var selector = Labels(settings.DnsPodLabels, "k8s:");
        if (settings.DnsNamespaceLabels.TryGetValue("kubernetes.io/metadata.name", out var dnsNamespace))
            selector["k8s:io.kubernetes.pod.namespace"] = dnsNamespace;
        return new JsonObject
        {
            ["toEndpoints"] = new JsonArray { new JsonObject { ["matchLabels"] = selector } },
            ["toPorts"] = new JsonArray
            {
                new JsonObject
                {
                    ["ports"] = new JsonArray { Port(53, "ANY") },
                    ["rules"] = new JsonObject { ["dns"] = new JsonArray { new JsonObject { ["matchPattern"] = "*" } } },
                },
            },
        };
    }

    private static JsonObject Labels(IReadOnlyDictionary<string, string> labels, string prefix)
    {
        var result = new JsonObject();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal)) result[prefix + key] = value;
        return result;
    }

    private static JsonObject Port(int port, string protocol) =>
        new() { ["port"] = port.ToString(CultureInfo.InvariantCulture), ["protocol"] = protocol };
}
