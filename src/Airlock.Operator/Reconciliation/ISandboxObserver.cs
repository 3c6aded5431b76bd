using Airlock.Api.Tasks;

namespace Airlock.Operator.Reconciliation;

/// <summary>Reads a task's children from informer caches: never a fresh list per reconcile.</summary>
public interface ISandboxObserver
{
    /// <summary>The children named after <paramref name="task"/> that it controls (owner uid matches); others count as absent.</summary>
    ObservedSandbox Observe(AgentTask task);

    /// <summary>
    /// For the finalizer: also children that lost their controller reference but still carry the task's label (an
    /// orphaning delete strips ownerReferences before the finalizer runs).
    /// </summary>
    ObservedSandbox ObserveForCleanup(AgentTask task);
}
