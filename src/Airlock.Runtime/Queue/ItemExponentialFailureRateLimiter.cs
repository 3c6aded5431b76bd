using System.Collections.Concurrent;

namespace Airlock.Runtime.Queue;

/// <summary>Per-item exponential backoff: base * 2^failures, capped at max.</summary>
public sealed class ItemExponentialFailureRateLimiter<T>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<T>
    where T : notnull
{
    private readonly ConcurrentDictionary<T, int> _failures = new();

    /// <summary>The controller default: 5 ms doubling up to 1000 s.</summary>
    public ItemExponentialFailureRateLimiter()
        : this(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000))
    {
    }

    public TimeSpan When(T item)
    {
        var failures = _failures.AddOrUpdate(item, 1, (_, n) => n + 1) - 1;
        if (failures >= 62) return maxDelay;
        var ticks = baseDelay.Ticks * Math.Pow(2, failures);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(T item) => _failures.TryRemove(item, out _);

    public int NumRequeues(T item) => _failures.TryGetValue(item, out var n) ? n : 0;
}
