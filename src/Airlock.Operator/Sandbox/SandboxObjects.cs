using k8s;
using k8s.Models;

namespace Airlock.Operator.Sandbox;

/// <summary>Everything the operator creates for one task. Role and RoleBinding exist only when the task asks for permissions.</summary>
public sealed record SandboxObjects(
    V1ServiceAccount ServiceAccount,
    V1Role? Role,
    V1RoleBinding? RoleBinding,
    V1ConfigMap Prompt,
    V1NetworkPolicy NetworkPolicy,
    V1Pod Pod)
{
    /// <summary>All children in creation order: the NetworkPolicy comes before the Pod so the pod never runs unconfined.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> All =>
        new IKubernetesObject<V1ObjectMeta>?[] { ServiceAccount, Role, RoleBinding, Prompt, NetworkPolicy, Pod }
            .OfType<IKubernetesObject<V1ObjectMeta>>()
            .ToList();
}
