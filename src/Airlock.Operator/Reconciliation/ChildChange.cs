using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// One write the reconciler decided on: create a missing child, or patch one that differs from its desired state
/// (<paramref name="Current"/> is the copy it differs from: its resourceVersion guards the patch).
/// </summary>
public sealed record ChildChange(ChildChangeKind Kind, IKubernetesObject<V1ObjectMeta> Desired, IKubernetesObject<V1ObjectMeta>? Current = null)
{
    /// <summary>True for a patch of a child changed outside Airlock (rather than one whose desired state changed).</summary>
    public bool RepairsDrift => Kind == ChildChangeKind.Patch && DriftMarker.IsDrifted(Current);

    public override string ToString() => $"{Kind} {Desired.Kind} {Desired.Metadata.Name}";
}
