using System.Diagnostics;
using Airlock.Runtime.Informers;
using Airlock.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Airlock.Runtime.Controllers;

/// <summary>
/// Runs a reconciler over a rate-limited work queue fed by its watches, with a fixed pool of workers.
/// Each <see cref="RunAsync"/> gets a fresh queue, so a controller can be stopped (leadership lost) and run again.
/// </summary>
public sealed partial class Controller<T> : IRunnable
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ISharedInformer<T> _primary;
    private readonly IReconciler<T> _reconciler;
    private readonly IReadOnlyList<IControllerWatch> _watches;
    private readonly ControllerOptions _options;
    private readonly ILogger _logger;
    private readonly ControllerMetrics _metrics;
    private readonly WorkQueueMetrics _queueMetrics;
    private volatile IRateLimitingQueue<ObjectKey>? _queue;

    public Controller(
        string name,
        ISharedInformer<T> primary,
        IReconciler<T> reconciler,
        IEnumerable<IControllerWatch>? watches = null,
        ControllerOptions? options = null,
        ILogger? logger = null,
        CollectorRegistry? registry = null)
    {
        Name = name;
        _primary = primary;
        _reconciler = reconciler;
        _options = options ?? new ControllerOptions();
        _logger = logger ?? NullLogger.Instance;
        _watches = [new MappedWatch<T>(primary, o => [ObjectKey.Of(o)], _options.IgnoreEcho), .. watches ?? []];
        _metrics = new ControllerMetrics(name, registry);
        _queueMetrics = new WorkQueueMetrics(name, registry);
        _metrics.MaxConcurrentReconciles.Set(_options.MaxConcurrentReconciles);
    }

    public string Name { get; }

    /// <summary>The queue of the current run (null when not running), for tests and diagnostics.</summary>
    public IRateLimitingQueue<ObjectKey>? Queue => _queue;

    /// <summary>Adds a key by hand (e.g. from another controller).</summary>
    public void Enqueue(ObjectKey key) => _queue?.Add(key);

    /// <summary>Waits for the watched caches, then reconciles until cancelled. In-flight reconciles see the cancellation.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = new RateLimitingQueue<ObjectKey>(
            _options.RateLimiter?.Invoke() ?? RateLimiters.ControllerDefault<ObjectKey>(_options.Time), _queueMetrics, _options.Time);
        var registrations = new List<IDisposable>();
        try
        {
            foreach (var watch in _watches) registrations.Add(watch.Register(queue));
            await Task.WhenAll(_watches.Select(w => w.Informer.WaitForSyncAsync(cancellationToken))).ConfigureAwait(false);
            _queue = queue;
            Log.Started(_logger, Name, _options.MaxConcurrentReconciles);
            var workers = Enumerable.Range(0, _options.MaxConcurrentReconciles)
                .Select(_ => Task.Run(() => WorkerAsync(queue, cancellationToken), CancellationToken.None));
            using (cancellationToken.Register(queue.ShutDown))
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var registration in registrations) registration.Dispose();
            queue.ShutDown();
            _queue = null;
            Log.Stopped(_logger, Name);
        }
    }

    private async Task WorkerAsync(IRateLimitingQueue<ObjectKey> queue, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = await queue.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (next.Shutdown) return;
            try
            {
                if (!cancellationToken.IsCancellationRequested) await ReconcileOneAsync(queue, next.Item, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                queue.Done(next.Item);
            }
        }
    }

    private async Task ReconcileOneAsync(IRateLimitingQueue<ObjectKey> queue, ObjectKey key, CancellationToken cancellationToken)
    {
        var request = new ReconcileRequest<T>(key, _primary.Cache.Get(key));
        ReconcileResult result;
        _metrics.ActiveWorkers.Inc();
        var started = Stopwatch.GetTimestamp();
        try
        {
            result = await _reconciler.ReconcileAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            _metrics.Errors.Inc();
            _metrics.Result("error");
            Log.ReconcileFailed(_logger, Name, key.Namespace, key.Name, queue.NumRequeues(key), e);
            queue.AddRateLimited(key);
            return;
        }
        finally
        {
            _metrics.Time.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            _metrics.ActiveWorkers.Dec();
        }

        // A finished reconcile decides the key's next timed visit: whatever an earlier reconcile of the key asked for (a
        // deadline since recomputed, a retry now served) is dropped, so a superseded requeue costs no extra reconcile.
        queue.Unschedule(key);
        if (result.RequeueAfter is { } after && after > TimeSpan.Zero)
        {
            queue.Forget(key);
            queue.AddAfter(key, after);
            _metrics.Result("requeue_after");
        }
        else if (result.Requeue)
        {
            queue.AddRateLimited(key);
            _metrics.Result("requeue");
        }
        else
        {
            queue.Forget(key);
            _metrics.Result("success");
        }
    }
}
