using System.Diagnostics;

namespace Airlock.Runtime.Queue;

/// <summary>
/// An overall token bucket shared by every item: each retry reserves a token, and waits for it when
/// the bucket is empty. Protects the API server when many items fail at once.
/// </summary>
public sealed class TokenBucketRateLimiter<T> : IRateLimiter<T>
{
    private readonly Lock _lock = new();
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    /// <param name="perSecond">Tokens added per second.</param>
    /// <param name="burst">Bucket size (and initial tokens).</param>
    /// <param name="time">Clock; the system clock when null.</param>
    public TokenBucketRateLimiter(double perSecond, int burst, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _perSecond = perSecond;
        _burst = burst;
        _tokens = burst;
        _time = time ?? TimeProvider.System;
        _last = _time.GetTimestamp();
    }

    public TimeSpan When(T item)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_last, now).TotalSeconds;
            _last = now;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _perSecond));
            _tokens -= 1;
            if (_tokens >= 0) return TimeSpan.Zero;
            Debug.Assert(_perSecond > 0);
            return TimeSpan.FromSeconds(-_tokens / _perSecond);
        }
    }

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
