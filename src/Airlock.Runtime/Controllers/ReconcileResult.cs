namespace Airlock.Runtime.Controllers;

/// <summary>What a reconcile asks of the controller: nothing, a requeue with backoff, or a requeue at a time.</summary>
public readonly record struct ReconcileResult(bool Requeue, TimeSpan? RequeueAfter)
{
    /// <summary>Done until the object (or something it owns) changes.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Try again soon, with the per-item backoff.</summary>
    public static ReconcileResult RequeueWithBackoff => new(true, null);

    /// <summary>Reconcile again after the delay (a deadline: TTL, timeout, expiry); resets the backoff.</summary>
    public static ReconcileResult After(TimeSpan delay) => new(false, delay);
}
