using k8s.Models;

namespace Airlock.Operator.Status;

/// <summary>What the reconciler saw of a task's sandbox in its informer cache.</summary>
/// <param name="Pod">The sandbox pod, or null when there is none.</param>
/// <param name="ChildrenExist">True when any child (ServiceAccount, ConfigMap, NetworkPolicy…) exists.</param>
/// <param name="PodGoneConfirmed">
/// True when a null <paramref name="Pod"/> was confirmed by a read from the API server, not only by a cache: only then may a
/// started task be failed for a lost sandbox.
/// </param>
public sealed record ObservedChildren(V1Pod? Pod, bool ChildrenExist, bool PodGoneConfirmed = false)
{
    public static ObservedChildren None { get; } = new(null, false);
}
