namespace Airlock.Runtime.Queue;

/// <summary>Combines limiters: the longest delay wins.</summary>
public sealed class MaxOfRateLimiter<T>(params IRateLimiter<T>[] limiters) : IRateLimiter<T>
{
    public TimeSpan When(T item)
    {
        var max = TimeSpan.Zero;
        foreach (var limiter in limiters)
        {
            var delay = limiter.When(item);
            if (delay > max) max = delay;
        }
        return max;
    }

    public void Forget(T item)
    {
        foreach (var limiter in limiters) limiter.Forget(item);
    }

    public int NumRequeues(T item)
    {
        var max = 0;
        foreach (var limiter in limiters) max = Math.Max(max, limiter.NumRequeues(item));
        return max;
    }
}
