using System.Threading.Channels;
using Airlock.Runtime.Queue;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Runtime.Events;

/// <summary>
/// Records core v1 Events from one component. <see cref="Record"/> only enqueues; one background loop writes.
/// A repeat of the same type, reason and message for the same object within the aggregation window increments
/// the existing Event's count instead of creating another. Writes beyond the rate limit are dropped.
/// </summary>
public sealed partial class EventRecorder : IEventRecorder, IAsyncDisposable
{
    private readonly IEventSink _sink;
    private readonly string _component;
    private readonly EventRecorderOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Corev1Event> _pending;
    private readonly TokenBucketRateLimiter<string> _limiter;
    private readonly Dictionary<(string Uid, string Type, string Reason, string Message), Aggregate> _recent = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _dropped;

    public EventRecorder(IEventSink sink, string component, EventRecorderOptions? options = null, ILogger? logger = null)
    {
        _sink = sink;
        _component = component;
        _options = options ?? new EventRecorderOptions();
        _logger = logger ?? NullLogger.Instance;
        _limiter = new TokenBucketRateLimiter<string>(_options.PerSecond, _options.Burst, _options.Time);
        _pending = Channel.CreateBounded<Corev1Event>(
            new BoundedChannelOptions(_options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Events dropped because the queue was full or the rate limit was reached.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The component every Event names as <c>reportingComponent</c> and <c>source.component</c>.</summary>
    public string Component => _component;

    public void Record(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message) => Record(obj, type, reason, message, null);

    /// <summary>
    /// Like <see cref="Record(IKubernetesObject{V1ObjectMeta}, string, string, string)"/>, with annotations on the Event (a signal
    /// seal). A repeat aggregated into an earlier Event keeps that Event's annotations.
    /// </summary>
    public void Record(IKubernetesObject<V1ObjectMeta> obj, string type, string reason, string message, IReadOnlyDictionary<string, string>? annotations)
    {
        var now = _options.Time.GetUtcNow().UtcDateTime;
        var meta = obj.Metadata;
        var evt = new Corev1Event
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{meta?.Name}.{now.Ticks:x}",
                NamespaceProperty = string.IsNullOrEmpty(meta?.NamespaceProperty) ? "default" : meta.NamespaceProperty,
                Annotations = annotations is { Count: > 0 } ? new Dictionary<string, string>(annotations) : null,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = obj.ApiVersion,
                Kind = obj.Kind,
                Name = meta?.Name,
                NamespaceProperty = meta?.NamespaceProperty,
                Uid = meta?.Uid,
                ResourceVersion = meta?.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = message,
            Source = new V1EventSource { Component = _component },
            ReportingComponent = _component,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };
        if (!_pending.Writer.TryWrite(evt)) Interlocked.Increment(ref _dropped);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var evt in _pending.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            if (_limiter.When(evt.InvolvedObject.Uid ?? "") > TimeSpan.Zero)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }
            try
            {
                await WriteAsync(evt).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.WriteFailed(_logger, evt.InvolvedObject.NamespaceProperty ?? "", evt.InvolvedObject.Name ?? "", evt.Reason, e);
            }
        }
    }

    private async Task WriteAsync(Corev1Event evt)
    {
        var now = evt.LastTimestamp!.Value;
        var key = (evt.InvolvedObject.Uid ?? evt.InvolvedObject.Name ?? "", evt.Type, evt.Reason, evt.Message);
        Trim(now);
        if (_recent.TryGetValue(key, out var seen) && now - seen.First < _options.AggregationWindow)
        {
            seen.Count++;
            await _sink.UpdateCountAsync(seen.Namespace, seen.Name, seen.Count, now, _stop.Token).ConfigureAwait(false);
            return;
        }
        await _sink.CreateAsync(evt, _stop.Token).ConfigureAwait(false);
        _recent[key] = new Aggregate(evt.Metadata.NamespaceProperty, evt.Metadata.Name, now);
    }

    // Forget aggregates older than the window so the map stays small.
    private void Trim(DateTime now)
    {
        if (_recent.Count < 4096) return;
        foreach (var (key, value) in _recent.ToList())
        {
            if (now - value.First >= _options.AggregationWindow) _recent.Remove(key);
        }
    }

    private sealed class Aggregate(string @namespace, string name, DateTime first)
    {
        public string Namespace { get; } = @namespace;

        public string Name { get; } = name;

        public DateTime First { get; } = first;

        public int Count { get; set; } = 1;
    }
}
