using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>One write the reconciler decided on: create a missing child, or patch one that differs from its desired state.</summary>
public sealed record ChildChange(ChildChangeKind Kind, IKubernetesObject<V1ObjectMeta> Desired)
{
    public override string ToString() => $"{Kind} {Desired.Kind} {Desired.Metadata.Name}";
}
