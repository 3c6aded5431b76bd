using System.Collections.Concurrent;
using System.Globalization;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// Read-your-writes over lagging informer caches. The reconciler remembers what the API server returned for its own
/// writes; until the cache has caught up (its resourceVersion reached the written one) the remembered object wins. This
/// is what keeps a reconcile triggered a moment after a write from creating, patching or deleting the same thing twice.
/// </summary>
public sealed class RecentWrites
{
    private static readonly TimeSpan TombstoneLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(Type, string, string), Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>> _transform;

    /// <param name="time">The clock of tombstone lifetimes.</param>
    /// <param name="transform">
    /// Applied in place to every remembered object: pass the informers' cache transform, so what this returns is what the
    /// cache would hold (nothing the reconciler reads is lost) and a burst's backlog of written pods keeps no container
    /// specs. By default only managedFields are dropped.
    /// </param>
    public RecentWrites(TimeProvider? time = null, Func<IKubernetesObject<V1ObjectMeta>, IKubernetesObject<V1ObjectMeta>>? transform = null)
    {
        _time = time ?? TimeProvider.System;
        _transform = transform ?? Lean;
    }

    public int Count => _entries.Count;

    /// <summary>Remembers an object as written (created, patched, or its status patched); the object is transformed in place.</summary>
    public void Written(IKubernetesObject<V1ObjectMeta> obj) =>
        _entries[Key(obj)] = new Entry(_transform(obj), false, _time.GetUtcNow());

    /// <summary>
    /// Remembers a delete: the cached copy (at or below that resourceVersion) counts as gone. Only managedFields are dropped
    /// (the object usually is a cached copy already, which is never transformed twice).
    /// </summary>
    public void Deleted(IKubernetesObject<V1ObjectMeta> obj) =>
        _entries[Key(obj)] = new Entry(_transform(obj), true, _time.GetUtcNow());

    /// <summary>The freshest view of one object: the cached copy, or what this operator wrote more recently.</summary>
    public T? Resolve<T>(string @namespace, string name, T? cached)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = (typeof(T), @namespace, name);
        if (!_entries.TryGetValue(key, out var entry)) return cached;
        if (entry.Tombstone)
        {
            if (cached is null || _time.GetUtcNow() - entry.At > TombstoneLifetime || cached.Metadata.Uid != entry.Object.Metadata.Uid)
            {
                _entries.TryRemove(new KeyValuePair<(Type, string, string), Entry>(key, entry));
                return cached;
            }
            return IsNewer(cached, entry.Object) ? cached : null;
        }
        if (cached is not null && (cached.Metadata.Uid != entry.Object.Metadata.Uid || !IsNewer(entry.Object, cached)))
        {
            // The cache has caught up (or holds another incarnation): it is the truth from now on.
            _entries.TryRemove(new KeyValuePair<(Type, string, string), Entry>(key, entry));
            return cached;
        }
        return (T)entry.Object;
    }

    /// <summary>
    /// Drops managedFields in place, as the informer caches do: nothing in the operator reads them, and a burst leaves
    /// tens of thousands of written objects here until each task is reconciled again.
    /// </summary>
    private static IKubernetesObject<V1ObjectMeta> Lean(IKubernetesObject<V1ObjectMeta> obj)
    {
        if (obj.Metadata is { } meta) meta.ManagedFields = null;
        return obj;
    }

    /// <summary>
    /// True when <paramref name="obj"/> is exactly what this operator last wrote for that name (same uid and resourceVersion):
    /// the watch echoing its own write, which the reconcile that made it already accounted for. The entry is dropped, since
    /// the informer cache now holds that version.
    /// </summary>
    public bool IsEcho(IKubernetesObject<V1ObjectMeta> obj)
    {
        var key = Key(obj);
        if (!_entries.TryGetValue(key, out var entry) || entry.Tombstone) return false;
        var written = entry.Object.Metadata;
        if (written.Uid != obj.Metadata.Uid || string.IsNullOrEmpty(written.ResourceVersion) || written.ResourceVersion != obj.Metadata.ResourceVersion) return false;
        _entries.TryRemove(new KeyValuePair<(Type, string, string), Entry>(key, entry));
        return true;
    }

    /// <summary>Forgets everything remembered about one name of one type.</summary>
    public void Forget<T>(string @namespace, string name) => _entries.TryRemove((typeof(T), @namespace, name), out _);

    /// <summary>
    /// True when <paramref name="a"/> has a higher resourceVersion than <paramref name="b"/>. ResourceVersions are opaque
    /// to clients; when either does not parse as a number the cache is trusted (the entry is treated as not newer).
    /// </summary>
    private static bool IsNewer(IKubernetesObject<V1ObjectMeta> a, IKubernetesObject<V1ObjectMeta> b) =>
        ulong.TryParse(a.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
        && ulong.TryParse(b.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && x > y;

    private static (Type, string, string) Key(IKubernetesObject<V1ObjectMeta> obj) =>
        (obj.GetType(), obj.Metadata.NamespaceProperty ?? "", obj.Metadata.Name);

    private sealed record Entry(IKubernetesObject<V1ObjectMeta> Object, bool Tombstone, DateTimeOffset At);
}
