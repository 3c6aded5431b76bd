namespace Airlock.Runtime.Queue;

/// <summary>Ready-made rate limiters.</summary>
public static class RateLimiters
{
    /// <summary>
    /// The controller default (as in client-go): per-item backoff 5 ms → 1000 s, and an overall bucket
    /// of 10 retries per second with a burst of 100.
    /// </summary>
    public static IRateLimiter<T> ControllerDefault<T>(TimeProvider? time = null)
        where T : notnull =>
        new MaxOfRateLimiter<T>(
            new ItemExponentialFailureRateLimiter<T>(),
            new TokenBucketRateLimiter<T>(10, 100, time));
}
