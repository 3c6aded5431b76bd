using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Runtime.Informers;

/// <summary>
/// Hands out one informer per (type, scope), so every controller watching a type shares one watch and one
/// cache. Informers created after <see cref="Start"/> start at once.
/// </summary>
public sealed class SharedInformerFactory : IAsyncDisposable
{
    private readonly IListWatchProvider _provider;
    private readonly InformerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly InformerScope _defaultScope;
    private readonly ConcurrentDictionary<(Type, InformerScope), ISharedInformer> _informers = new();
    private readonly List<Task> _running = [];
    private readonly Lock _lock = new();
    private CancellationTokenSource? _stop;

    public SharedInformerFactory(
        IListWatchProvider provider, InformerOptions? options = null, ILoggerFactory? loggerFactory = null, InformerScope? defaultScope = null)
    {
        _provider = provider;
        _options = options ?? new InformerOptions();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _defaultScope = defaultScope ?? InformerScope.All;
    }

    /// <summary>True when every informer made so far has synced.</summary>
    public bool HasSynced => _informers.Values.All(i => i.HasSynced);

    public ISharedInformer<T> GetInformer<T>(InformerScope? scope = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var key = (typeof(T), scope ?? _defaultScope);
        lock (_lock)
        {
            if (_informers.TryGetValue(key, out var existing)) return (ISharedInformer<T>)existing;
            var informer = new SharedInformer<T>(
                _provider.Create<T>(key.Item2), _options, _loggerFactory.CreateLogger("Airlock.Runtime.Informers." + typeof(T).Name));
            _informers[key] = informer;
            if (_stop is not null) StartOne(informer, _stop.Token);
            return informer;
        }
    }

    /// <summary>Starts every informer (and any made later) until <see cref="StopAsync"/> or the token.</summary>
    public void Start(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_stop is not null) return;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            foreach (var informer in _informers.Values) StartOne(informer, _stop.Token);
        }
    }

    public Task WaitForCacheSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_informers.Values.Select(i => i.WaitForSyncAsync(cancellationToken)));

    public async Task StopAsync()
    {
        Task[] running;
        lock (_lock)
        {
            if (_stop is null) return;
            _stop.Cancel();
            running = [.. _running];
        }
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void StartOne(ISharedInformer informer, CancellationToken cancellationToken) =>
        _running.Add(Task.Run(() => informer.RunAsync(cancellationToken), CancellationToken.None));
}
