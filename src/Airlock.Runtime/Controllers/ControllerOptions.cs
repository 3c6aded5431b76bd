using Airlock.Runtime.Queue;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Controllers;

/// <summary>How a controller runs.</summary>
public sealed record ControllerOptions
{
    /// <summary>Workers reconciling in parallel (never two on the same key).</summary>
    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>Retry delays; <see cref="RateLimiters.ControllerDefault{T}"/> when null.</summary>
    public Func<IRateLimiter<ObjectKey>>? RateLimiter { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Adds and updates (of the primary or any watched type) for which this returns true enqueue nothing: the watch echoing
    /// the controller's own write, which the reconcile that made it has already accounted for. Deletes always enqueue.
    /// </summary>
    public Func<IKubernetesObject<V1ObjectMeta>, bool>? IgnoreEcho { get; init; }
}
