namespace Airlock.Runtime.Queue;

/// <summary>Decides how long an item waits before it is retried.</summary>
public interface IRateLimiter<in T>
{
    /// <summary>Delay before the item may be processed again; records one more failure.</summary>
    TimeSpan When(T item);

    /// <summary>Stops tracking the item (call after a success).</summary>
    void Forget(T item);

    /// <summary>How many times the item has failed since it was last forgotten.</summary>
    int NumRequeues(T item);
}
