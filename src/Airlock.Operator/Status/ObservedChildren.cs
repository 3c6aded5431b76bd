using k8s.Models;

namespace Airlock.Operator.Status;

/// <summary>What the reconciler saw of a task's sandbox in its informer cache.</summary>
/// <param name="Pod">The sandbox pod, or null when there is none.</param>
/// <param name="ChildrenExist">True when any child (ServiceAccount, ConfigMap, NetworkPolicy…) exists.</param>
public sealed record ObservedChildren(V1Pod? Pod, bool ChildrenExist)
{
    public static ObservedChildren None { get; } = new(null, false);
}
