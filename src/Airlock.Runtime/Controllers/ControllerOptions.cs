using Airlock.Runtime.Queue;

namespace Airlock.Runtime.Controllers;

/// <summary>How a controller runs.</summary>
public sealed record ControllerOptions
{
    /// <summary>Workers reconciling in parallel (never two on the same key).</summary>
    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>Retry delays; <see cref="RateLimiters.ControllerDefault{T}"/> when null.</summary>
    public Func<IRateLimiter<ObjectKey>>? RateLimiter { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
