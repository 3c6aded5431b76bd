namespace Airlock.Runtime.Queue;

/// <summary>A work queue with delayed and rate-limited (backoff) adds.</summary>
public interface IRateLimitingQueue<T> : IWorkQueue<T>
    where T : notnull
{
    /// <summary>Adds the item once the delay has passed (one shared timer, not one per item).</summary>
    void AddAfter(T item, TimeSpan delay);

    /// <summary>Number of items waiting for their delay to pass.</summary>
    int WaitingCount { get; }

    /// <summary>Drops the item's waiting delayed add, if any (an item already in the queue stays there).</summary>
    void Unschedule(T item);

    /// <summary>Adds the item after the rate limiter's delay (per-item backoff and the overall bucket).</summary>
    void AddRateLimited(T item);

    /// <summary>Resets the item's backoff (call after a success).</summary>
    void Forget(T item);

    int NumRequeues(T item);
}
