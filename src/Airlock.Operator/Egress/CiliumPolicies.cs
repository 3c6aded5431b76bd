namespace Airlock.Operator.Egress;

/// <summary>The two CiliumNetworkPolicies of one task: DNS for its sandbox, and where the egress proxy may go for it (null: nowhere).</summary>
public sealed record CiliumPolicies(CiliumNetworkPolicy Sandbox, CiliumNetworkPolicy? Proxy);
