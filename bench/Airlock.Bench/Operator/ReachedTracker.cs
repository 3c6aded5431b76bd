using System.Collections.Concurrent;
using System.Diagnostics;
using Airlock.Runtime.Informers;
using k8s;
using k8s.Models;

namespace Airlock.Bench.Operator;

/// <summary>
/// Watches one kind in one namespace (an informer over its own client) and notes the first moment each object reaches a
/// state (a task Running, a pod Running), as <see cref="Stopwatch"/> timestamps: what a user watching would see.
/// </summary>
public sealed class ReachedTracker<T> : IAsyncDisposable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly SharedInformerFactory _informers;
    private readonly ISharedInformer<T> _informer;
    private readonly Func<T, bool> _reached;
    private readonly ConcurrentDictionary<string, long> _reachedAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();

    private ReachedTracker(IKubernetes client, string ns, Func<T, bool> reached)
    {
        _reached = reached;
        _informers = new SharedInformerFactory(new KubernetesListWatchProvider(client), new InformerOptions { ResyncPeriod = TimeSpan.Zero });
        _informer = _informers.GetInformer<T>(new InformerScope(ns));
        _informer.AddEventHandler(new ResourceEventHandler<T>
        {
            Added = (obj, _) => Observe(obj),
            Updated = (_, obj) => Observe(obj),
        });
    }

    /// <summary>How many objects have reached the state so far.</summary>
    public int Count => _reachedAt.Count;

    /// <summary>The objects as last seen.</summary>
    public IReadOnlyList<T> Objects => _informer.Cache.List();

    public static async Task<ReachedTracker<T>> StartAsync(IKubernetes client, string ns, Func<T, bool> reached, CancellationToken cancellationToken = default)
    {
        var tracker = new ReachedTracker<T>(client, ns, reached);
        tracker._informers.Start(tracker._stop.Token);
        await tracker._informers.WaitForCacheSyncAsync(cancellationToken).ConfigureAwait(false);
        return tracker;
    }

    public bool TryGetReachedAt(string name, out long timestamp) => _reachedAt.TryGetValue(name, out timestamp);

    /// <summary>The latest reach timestamp among <paramref name="names"/> (those that reached it).</summary>
    public long LastReachedAt(IEnumerable<string> names) => names.Select(n => _reachedAt.TryGetValue(n, out var t) ? t : 0).DefaultIfEmpty(0).Max();

    public async Task WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Count < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
                throw new TimeoutException($"only {Count} of {count} {typeof(T).Name} objects reached the state within {timeout.TotalSeconds:0}s");
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Observe(T obj)
    {
        if (obj.Metadata?.Name is not { } name || _reachedAt.ContainsKey(name) || !_reached(obj)) return;
        _reachedAt.TryAdd(name, Stopwatch.GetTimestamp());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _informers.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
