using System.Text.Json.Nodes;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>
/// The sandbox side: DNS only to the cluster DNS pods, and only the fixed names of <see cref="SandboxDnsNames"/>. No
/// <c>toFQDNs</c>: the sandbox reaches hosts through the egress proxy alone, never directly (Cilium ORs every policy that
/// selects a pod, so a direct FQDN grant here would let the agent bypass the proxy and its audit). Pure.
/// </summary>
/// <remarks>
/// The Kubernetes NetworkPolicy then carries no DNS rule of its own (<see cref="SandboxSettings.ClusterDnsInNetworkPolicy"/>
/// is false when this layer is on): per Cilium's documentation, a plain L4 rule for the same peer and port voids the L7
/// part of another, which would reopen DNS to every name.
/// </remarks>
public static class CiliumSandboxPolicyBuilder
{
    public static CiliumNetworkPolicy Build(AgentTask task, SandboxSettings settings, CiliumSettings cilium)
    {
        var names = new JsonArray();
        foreach (var name in SandboxDnsNames.For(task, settings, cilium)) names.Add(new JsonObject { ["matchName"] = name });
        var metadata = ChildMetadata.For(task, CiliumNames.Sandbox(task.Metadata.Name), CiliumNames.SandboxComponent);
        metadata.Annotations = new Dictionary<string, string> { [CiliumNames.TaskAnnotation] = CiliumNames.TaskKey(task.Metadata.NamespaceProperty ?? "", task.Metadata.Name) };
        return DesiredHash.Stamp(new CiliumNetworkPolicy
        {
            Metadata = metadata,
            Spec = new JsonObject
            {
                ["description"] = $"airlock: DNS of sandbox {task.Metadata.Name}, fixed cluster-internal names only (egress goes through the proxy)",
                ["endpointSelector"] = new JsonObject { ["matchLabels"] = CiliumRules.Labels(SandboxNetworkPolicyBuilder.SandboxSelector(task)) },
                ["egress"] = new JsonArray { CiliumRules.DnsTo(settings, names) },
            },
        });
    }
}
