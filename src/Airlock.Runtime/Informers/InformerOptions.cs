using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>How an informer runs.</summary>
public sealed record InformerOptions
{
    /// <summary>How often every cached object is re-delivered to handlers as an update; zero disables it.</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>First retry delay after a failed list or watch; doubles (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Applied to each object before it is cached, to keep the cache compact. By default it drops
    /// metadata.managedFields, which controllers do not read and which is often the largest part of an object.
    /// </summary>
    public Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>>? Transform { get; init; } = StripManagedFields;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public static IKubernetesObject<V1ObjectMeta> StripManagedFields(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (obj.Metadata is not null) obj.Metadata.ManagedFields = null;
        return obj;
    }
}
