using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Lists, then watches from the list's resourceVersion; on 410 Gone lists again and delivers the difference
/// (adds, updates, and deletes whose final state is unknown). Other failures are retried with
/// exponential backoff and jitter, re-watching from the last resourceVersion seen.
/// </summary>
public sealed partial class SharedInformer<T> : ISharedInformer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IListWatch<T> _source;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly Lock _deliveryLock = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IResourceEventHandler<T>[] _handlers = [];
    private volatile string _resourceVersion = "";

    public SharedInformer(IListWatch<T> source, InformerOptions? options = null, ILogger? logger = null)
    {
        _source = source;
        _options = options ?? new InformerOptions();
        _logger = logger ?? NullLogger.Instance;
        _name = typeof(T).Name;
    }

    public InformerCache<T> Cache { get; } = new();

    public bool HasSynced => _synced.Task.IsCompleted;

    public string LastSyncResourceVersion => _resourceVersion;

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public IDisposable AddEventHandler(IResourceEventHandler<T> handler)
    {
        lock (_deliveryLock)
        {
            foreach (var obj in Cache.List()) Invoke(h => h.OnAdd(obj, true), handler);
            _handlers = [.. _handlers, handler];
        }
        return new Registration(this, handler);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var resync = _options.ResyncPeriod > TimeSpan.Zero ? ResyncLoopAsync(cancellationToken) : Task.CompletedTask;
        var backoff = new Backoff(_options.InitialBackoff, _options.MaxBackoff);
        var needList = true;
        var expiredInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await ListAndReplaceAsync(cancellationToken).ConfigureAwait(false);
                    needList = false;
                }
                await WatchAsync(cancellationToken).ConfigureAwait(false);
                backoff.Reset();
                expiredInARow = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (ResourceExpiredException)
            {
                Log.ResourceExpired(_logger, _name, _resourceVersion);
                needList = true;
                // Relist at once the first time; back off if the server keeps answering 410.
                if (++expiredInARow > 1) await DelayAsync(backoff.Next(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var delay = backoff.Next();
                Log.ListWatchFailed(_logger, _name, delay, e);
                await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }
        await resync.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ListAndReplaceAsync(CancellationToken cancellationToken)
    {
        var list = await _source.ListAsync(cancellationToken).ConfigureAwait(false);
        lock (_deliveryLock)
        {
            var initial = !HasSynced;
            var seen = new HashSet<ObjectKey>();
            foreach (var item in list.Items)
            {
                var obj = Transform(item);
                seen.Add(ObjectKey.Of(obj));
                var old = Cache.Upsert(obj);
                if (old is null) Deliver(h => h.OnAdd(obj, initial));
                else if (old.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion) Deliver(h => h.OnUpdate(old, obj));
            }
            foreach (var key in Cache.Keys())
            {
                if (seen.Contains(key)) continue;
                var gone = Cache.Remove(key);
                if (gone is not null) Deliver(h => h.OnDelete(gone, true));
            }
            _resourceVersion = list.ResourceVersion;
        }
        _synced.TrySetResult();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in _source.WatchAsync(_resourceVersion, cancellationToken).ConfigureAwait(false))
        {
            var rv = e.Object?.Metadata?.ResourceVersion;
            switch (e.Type)
            {
                case WatchEventType.Bookmark:
                    break;
                case WatchEventType.Added or WatchEventType.Modified:
                    Apply(Transform(e.Object!));
                    break;
                case WatchEventType.Deleted:
                    Delete(e.Object!);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected watch event {e.Type} for {_name}.");
            }
            if (!string.IsNullOrEmpty(rv)) _resourceVersion = rv;
        }
    }

    private void Apply(T obj)
    {
        lock (_deliveryLock)
        {
            var old = Cache.Upsert(obj);
            if (old is null) Deliver(h => h.OnAdd(obj, false));
            else Deliver(h => h.OnUpdate(old, obj));
        }
    }

    private void Delete(T obj)
    {
        lock (_deliveryLock)
        {
            Cache.Remove(ObjectKey.Of(obj));
            Deliver(h => h.OnDelete(obj, false));
        }
    }

    private async Task ResyncLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _options.Time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!HasSynced) continue;
            lock (_deliveryLock)
            {
                foreach (var obj in Cache.List()) Deliver(h => h.OnUpdate(obj, obj));
            }
        }
    }

    private T Transform(T obj) => _options.Transform is { } transform ? (T)transform(obj) : obj;

    private void Deliver(Action<IResourceEventHandler<T>> action)
    {
        foreach (var handler in _handlers) Invoke(action, handler);
    }

    private void Invoke(Action<IResourceEventHandler<T>> action, IResourceEventHandler<T> handler)
    {
        try
        {
            action(handler);
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_logger, _name, e);
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, _options.Time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);

    private void RemoveHandler(IResourceEventHandler<T> handler)
    {
        lock (_deliveryLock) _handlers = [.. _handlers.Where(h => !ReferenceEquals(h, handler))];
    }

    private sealed class Registration(SharedInformer<T> informer, IResourceEventHandler<T> handler) : IDisposable
    {
        public void Dispose() => informer.RemoveHandler(handler);
    }
}
