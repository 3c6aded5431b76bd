using Airlock.Api.Tasks;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// Every call the reconciler makes to the API server, behind one small interface (the API server in production, a
/// recorder in tests): its writes, and the two uncached reads it makes only before failing a started task.
/// </summary>
public interface ISandboxWriter
{
    /// <summary>Creates a child; returns it as stored.</summary>
    Task<IKubernetesObject<V1ObjectMeta>> CreateAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken);

    /// <summary>
    /// Patches a child to exactly its desired state (its Airlock labels and annotations, owner references and whole content;
    /// the labels and annotations of others stay), guarded by <paramref name="current"/>'s uid and resourceVersion; returns
    /// it as stored.
    /// </summary>
    Task<IKubernetesObject<V1ObjectMeta>> PatchAsync(IKubernetesObject<V1ObjectMeta> desired, IKubernetesObject<V1ObjectMeta> current, CancellationToken cancellationToken);

    /// <summary>Deletes a child (background propagation, precondition on its uid); a child already gone is not an error.</summary>
    Task DeleteAsync(IKubernetesObject<V1ObjectMeta> child, CancellationToken cancellationToken);

    /// <summary>Replaces <c>metadata.finalizers</c> (guarded by the task's resourceVersion); returns the task as stored.</summary>
    Task<AgentTask> SetFinalizersAsync(AgentTask task, IReadOnlyList<string> finalizers, CancellationToken cancellationToken);

    /// <summary>
    /// Merge-patches the status subresource; returns the task as stored. With <paramref name="guarded"/> the patch carries the
    /// task's resourceVersion, so it fails with 409 Conflict when the task changed since it was read.
    /// </summary>
    Task<AgentTask> PatchStatusAsync(AgentTask task, AgentTaskStatus status, CancellationToken cancellationToken, bool guarded = false);

    /// <summary>The pod as the API server has it now (no cache); null when it does not exist.</summary>
    Task<V1Pod?> ReadPodAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>The task as the API server has it now (no cache); null when it does not exist.</summary>
    Task<AgentTask?> ReadTaskAsync(string @namespace, string name, CancellationToken cancellationToken);
}
