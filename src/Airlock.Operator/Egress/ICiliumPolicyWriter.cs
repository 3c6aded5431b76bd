namespace Airlock.Operator.Egress;

/// <summary>The Cilium controller's writes, behind one small interface (the API server in production, a recorder in tests).</summary>
public interface ICiliumPolicyWriter
{
    Task CreateAsync(CiliumNetworkPolicy policy, CancellationToken cancellationToken);

    /// <summary>Merge-patches the policy to <paramref name="desired"/> (labels, annotations, spec).</summary>
    Task PatchAsync(CiliumNetworkPolicy desired, CancellationToken cancellationToken);

    /// <summary>Deletes the policy (uid precondition); one already gone is not an error.</summary>
    Task DeleteAsync(CiliumNetworkPolicy policy, CancellationToken cancellationToken);
}
