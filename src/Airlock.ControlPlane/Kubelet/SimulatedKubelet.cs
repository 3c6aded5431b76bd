using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// A kubelet without containers: a client of the API server (as the real kubelet is) that schedules pods onto one
/// node, gives each a distinct 127.x.y.z IP and moves it through its phases. The decisions are <see cref="PodLifecycle"/>'s;
/// this class only lists, watches, writes and keeps one timer queue for every pod's deadlines.
/// </summary>
public sealed partial class SimulatedKubelet(IKubernetes client, KubeletOptions options,
    ILogger<SimulatedKubelet>? logger = null, TimeProvider? timeProvider = null)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly IKubernetes _client = client;
    private readonly KubeletOptions _options = options;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, V1Pod> _pods = new(StringComparer.Ordinal);
    private readonly PodAddressPool _addresses = new();
    private readonly KeyedWorkQueue _queue = new();
    private readonly DeadlineQueue _deadlines = new(timeProvider ?? TimeProvider.System);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableHashSet<string> _runtimeClasses = ImmutableHashSet.Create<string>(StringComparer.Ordinal);
    private long _eventSequence;

    /// <summary>Completes once the node is registered and the first lists of RuntimeClasses and pods are in.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The pod addresses currently held (pods not yet deleted).</summary>
    public int AddressesInUse => _addresses.Count;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await RegisterNodeAsync(cancellationToken).ConfigureAwait(false);

        var runtimeClasses = new ListWatcher<V1RuntimeClass>("runtimeclasses",
            async ct =>
            {
                var list = await _client.NodeV1.ListRuntimeClassAsync(cancellationToken: ct).ConfigureAwait(false);
                return (list.Items, list.Metadata?.ResourceVersion);
            },
            (rv, onError, ct) => _client.NodeV1.WatchListRuntimeClassAsync(resourceVersion: rv, allowWatchBookmarks: true,
                timeoutSeconds: 300, onError: onError, cancellationToken: ct),
            OnRuntimeClassesListed, OnRuntimeClassEvent, _logger);
        var pods = new ListWatcher<V1Pod>("pods",
            async ct =>
            {
                var list = await _client.CoreV1.ListPodForAllNamespacesAsync(cancellationToken: ct).ConfigureAwait(false);
                return (list.Items, list.Metadata?.ResourceVersion);
            },
            (rv, onError, ct) => _client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: rv, allowWatchBookmarks: true,
                timeoutSeconds: 300, onError: onError, cancellationToken: ct),
            OnPodsListed, OnPodEvent, _logger);

        var tasks = new List<Task>
        {
            runtimeClasses.RunAsync(cancellationToken),
            _deadlines.RunAsync(_queue.Add, cancellationToken),
        };
        try
        {
            // Pods may only be judged once the RuntimeClasses are known (fail closed: no false "not found").
            await runtimeClasses.Synced.WaitAsync(cancellationToken).ConfigureAwait(false);
            tasks.Add(pods.RunAsync(cancellationToken));
            for (var i = 0; i < Math.Max(1, _options.Workers); i++) tasks.Add(WorkAsync(cancellationToken));
            await pods.Synced.WaitAsync(cancellationToken).ConfigureAwait(false);
            _ready.TrySetResult();
            LogStarted(_logger, _options.NodeName);
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string key;
            try
            {
                key = await _queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await SyncPodAsync(key, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSyncFailed(_logger, key, e);
                _deadlines.Schedule(key, _time.GetUtcNow() + RetryDelay);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    /// <summary>Decides and applies, re-reading the pod after a bind or a 409 Conflict, until nothing is left to do.</summary>
    private async Task SyncPodAsync(string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (!_pods.TryGetValue(key, out var pod)) return;
            var uid = pod.Metadata.Uid ?? key;
            var ip = PodLifecycle.IsActiveFor(pod, _options.NodeName) ? _addresses.Acquire(uid, pod.Status?.PodIP) : "";
            var decision = PodLifecycle.Decide(pod, new PodLifecycleContext(_options.NodeName, _time.GetUtcNow(), _runtimeClasses, ip));
            try
            {
                if (decision.ConfirmDeletion)
                {
                    await RecordAsync(pod, decision.Events, cancellationToken).ConfigureAwait(false);
                    await _client.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                        new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = pod.Metadata.Uid } },
                        gracePeriodSeconds: 0, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return;
                }
                if (decision.BindTo is { } node)
                {
                    var binding = new V1Binding
                    {
                        Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty, Uid = pod.Metadata.Uid },
                        Target = new V1ObjectReference { ApiVersion = "v1", Kind = "Node", Name = node },
                    };
                    await _client.CoreV1.CreateNamespacedPodBindingAsync(binding, pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    await RecordAsync(pod, decision.Events, cancellationToken).ConfigureAwait(false);
                    await RefreshAsync(key, pod, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (decision.Status is { } status)
                {
                    var body = new V1Pod { ApiVersion = "v1", Kind = "Pod", Metadata = pod.Metadata, Spec = pod.Spec, Status = status };
                    var written = await _client.CoreV1.ReplaceNamespacedPodStatusAsync(body, pod.Metadata.Name, pod.Metadata.NamespaceProperty,
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                    Store(key, written);
                    LogPhase(_logger, key, status.Phase);
                    await RecordAsync(written, decision.Events, cancellationToken).ConfigureAwait(false);
                }
                if (decision.WakeAt is { } at) _deadlines.Schedule(key, at);
                return;
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict)
            {
                // Someone wrote the pod since we read it (or it is already bound): read it again and decide again.
                await RefreshAsync(key, pod, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
            {
                Forget(key, pod);
                return;
            }
        }
        _deadlines.Schedule(key, _time.GetUtcNow() + RetryDelay);
    }

    private async Task RefreshAsync(string key, V1Pod stale, CancellationToken cancellationToken)
    {
        try
        {
            var fresh = await _client.CoreV1.ReadNamespacedPodAsync(stale.Metadata.Name, stale.Metadata.NamespaceProperty,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            Store(key, fresh);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            Forget(key, stale);
        }
    }

    private async Task RecordAsync(V1Pod pod, IReadOnlyList<KubeletEvent> events, CancellationToken cancellationToken)
    {
        if (!_options.RecordEvents) return;
        foreach (var e in events)
        {
            var body = KubeletEvents.Build(pod, e, _options.NodeName, _time.GetUtcNow(), Interlocked.Increment(ref _eventSequence));
            try
            {
                await _client.CoreV1.CreateNamespacedEventAsync(body, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException ex)
            {
                // Events are best effort, as in the real kubelet.
                LogEventFailed(_logger, e.Reason, pod.Metadata.Name, ex.Message);
            }
        }
    }
}
