namespace Airlock.Operator.Egress;

/// <summary>
/// The optional Cilium layer (<c>airlock operator --cilium-policies</c>, chart value <c>cilium.enabled</c>): what the policy
/// builders need beyond <see cref="Sandbox.SandboxSettings"/>. Values only.
/// </summary>
public sealed record CiliumSettings
{
    /// <summary>The cluster's DNS domain (kubelet <c>--cluster-domain</c>): the search path the sandbox's resolver walks ends in it.</summary>
    public string ClusterDomain { get; init; } = "cluster.local";

    public static CiliumSettings Default { get; } = new();
}
