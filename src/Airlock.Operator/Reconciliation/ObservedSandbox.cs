using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>The children of one task as the operator last saw them (informer caches, plus its own recent writes).</summary>
public sealed record ObservedSandbox(
    V1ServiceAccount? ServiceAccount,
    V1Role? Role,
    V1RoleBinding? RoleBinding,
    V1ConfigMap? Prompt,
    V1NetworkPolicy? NetworkPolicy,
    V1Pod? Pod)
{
    public static ObservedSandbox Empty { get; } = new(null, null, null, null, null, null);

    /// <summary>Every child that exists, pod last (deleted first by nobody: order does not matter for deletes).</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> All =>
        new IKubernetesObject<V1ObjectMeta>?[] { ServiceAccount, Role, RoleBinding, Prompt, NetworkPolicy, Pod }
            .OfType<IKubernetesObject<V1ObjectMeta>>()
            .ToList();

    /// <summary>The same observation with <paramref name="child"/> in its slot (after a create or patch).</summary>
    public ObservedSandbox With(IKubernetesObject<V1ObjectMeta> child) => child switch
    {
        V1ServiceAccount sa => this with { ServiceAccount = sa },
        V1Role role => this with { Role = role },
        V1RoleBinding binding => this with { RoleBinding = binding },
        V1ConfigMap prompt => this with { Prompt = prompt },
        V1NetworkPolicy policy => this with { NetworkPolicy = policy },
        V1Pod pod => this with { Pod = pod },
        _ => throw new ArgumentException($"not a sandbox child: {child.GetType().Name}", nameof(child)),
    };
}
