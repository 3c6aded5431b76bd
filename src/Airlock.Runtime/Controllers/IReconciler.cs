using k8s;
using k8s.Models;

namespace Airlock.Runtime.Controllers;

/// <summary>
/// Brings the world in line with one object. Return a result to requeue; throw to retry with backoff.
/// Read from informer caches, not with fresh lists.
/// </summary>
public interface IReconciler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest<T> request, CancellationToken cancellationToken);
}
