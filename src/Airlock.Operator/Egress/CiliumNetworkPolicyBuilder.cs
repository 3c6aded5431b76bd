using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Egress;

/// <summary>
/// Optional defence in depth on clusters with Cilium, in two halves that never grant the sandbox anything the proxy would
/// not: <see cref="CiliumSandboxPolicyBuilder"/> narrows the sandbox's DNS to fixed cluster-internal names (no DNS
/// tunnelling), and <see cref="CiliumProxyPolicyBuilder"/> narrows the egress proxy to the hosts live tasks allow. Pure.
/// </summary>
public static class CiliumNetworkPolicyBuilder
{
    public static CiliumPolicies Build(AgentTask task, SandboxSettings settings, CiliumSettings cilium) =>
        new(CiliumSandboxPolicyBuilder.Build(task, settings, cilium), CiliumProxyPolicyBuilder.Build(task, settings));
}
