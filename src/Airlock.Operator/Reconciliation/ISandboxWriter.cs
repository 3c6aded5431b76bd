using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>Every write the reconciler makes, behind one small interface (the API server in production, a recorder in tests).</summary>
public interface ISandboxWriter
{
    /// <summary>Creates a child; returns it as stored.</summary>
    Task<IKubernetesObject<V1ObjectMeta>> CreateAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken);

    /// <summary>Merge-patches a child to its desired state; returns it as stored.</summary>
    Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(IKubernetesObject<V1ObjectMeta> desired, CancellationToken cancellationToken);

    /// <summary>Deletes a child (background propagation, precondition on its uid); a child already gone is not an error.</summary>
    Task DeleteAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken);

    /// <summary>Replaces <c>metadata.finalizers</c> (guarded by the task's resourceVersion); returns the task as stored.</summary>
    Task<AgentTask> SetFinalizersAsync(AgentTask task, IReadOnlyList<string> finalizers, CancellationToken cancellationToken);

    /// <summary>Merge-patches the status subresource; returns the task as stored.</summary>
    Task<AgentTask> PatchStatusAsync(AgentTask task, AgentTaskStatus status, CancellationToken cancellationToken);
}
