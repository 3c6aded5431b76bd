using Airlock.Operator.Sandbox;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// The pure diff between the desired sandbox and the observed one. Children are compared by the desired-state hash the
/// builders stamp on them: equal hashes mean no write, so a task in steady state costs zero API requests. A child changed
/// outside Airlock is cached with the hash <see cref="DriftMarker.Drifted"/>, so it differs too and is patched back.
/// </summary>
public static class SandboxPlan
{
    /// <summary>
    /// Creates for missing children, patches for children whose hash differs, in the builders' creation order (the
    /// NetworkPolicy before the Pod). The Pod is only ever created: pods are immutable, a changed spec is reported in
    /// status instead. <paramref name="allowPodCreate"/> is false once a pod was created for the task, so a deleted
    /// sandbox is never silently replaced.
    /// </summary>
    public static IReadOnlyList<ChildChange> Diff(SandboxObjects desired, ObservedSandbox observed, bool allowPodCreate)
    {
        var changes = new List<ChildChange>();
        foreach (var child in desired.All)
        {
            var current = Slot(observed, child);
            if (current is null)
            {
                if (child is V1Pod && !allowPodCreate) continue;
                changes.Add(new ChildChange(ChildChangeKind.Create, child));
            }
            else if (child is not V1Pod && DesiredHash.Read(current) != DesiredHash.Read(child))
            {
                changes.Add(new ChildChange(ChildChangeKind.Patch, child, current));
            }
        }
        return changes;
    }

    /// <summary>Children that exist but are no longer desired (a Role and RoleBinding after permissions were removed).</summary>
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Unwanted(SandboxObjects desired, ObservedSandbox observed)
    {
        var unwanted = new List<IKubernetesObject<V1ObjectMeta>>();
        if (desired.Role is null && observed.Role is not null) unwanted.Add(observed.Role);
        if (desired.RoleBinding is null && observed.RoleBinding is not null) unwanted.Add(observed.RoleBinding);
        return unwanted;
    }

    private static IKubernetesObject<V1ObjectMeta>? Slot(ObservedSandbox observed, IKubernetesObject<V1ObjectMeta> child) => child switch
    {
        V1ServiceAccount => observed.ServiceAccount,
        V1Role => observed.Role,
        V1RoleBinding => observed.RoleBinding,
        V1ConfigMap => observed.Prompt,
        V1NetworkPolicy => observed.NetworkPolicy,
        V1Pod => observed.Pod,
        _ => null,
    };
}
