using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Airlock.ControlPlane.Storage.Watching;

/// <summary>
/// A live watch on one resource type (optionally one namespace, optionally filtered). Events arrive in commit order on
/// <see cref="Events"/>; an object entering or leaving the filter is delivered as ADDED or DELETED, as the API server does.
/// </summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<JsonObject, bool> _filter;
    private readonly Action<WatchSubscription> _onDispose;
    private int _disposed;

    internal WatchSubscription(string typeKey, string? @namespace, Func<JsonObject, bool> filter, Action<WatchSubscription> onDispose)
    {
        TypeKey = typeKey;
        Namespace = @namespace;
        _filter = filter;
        _onDispose = onDispose;
    }

    public string TypeKey { get; }

    public string? Namespace { get; }

    public ChannelReader<WatchEvent> Events => _channel.Reader;

    /// <summary>Queues <paramref name="e"/> as this watcher should see it, or not at all. Called under the store's lock.</summary>
    internal void Offer(WatchEvent e)
    {
        if (e.TypeKey != TypeKey || (Namespace is not null && e.Namespace != Namespace)) return;
        var now = _filter(e.Object);
        var before = e.Previous is not null && _filter(e.Previous);
        var delivered = e.Type switch
        {
            WatchEventType.Added => now ? e : null,
            WatchEventType.Deleted => before || now ? e : null,
            _ when now && before => e,
            _ when now => e with { Type = WatchEventType.Added },
            _ when before => e with { Type = WatchEventType.Deleted },
            _ => null,
        };
        if (delivered is not null) _channel.Writer.TryWrite(delivered);
    }

    /// <summary>Queues a synthetic ADDED for an object that existed when the watch started.</summary>
    internal void OfferInitial(WatchEvent e)
    {
        if (_filter(e.Object)) _channel.Writer.TryWrite(e);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _channel.Writer.TryComplete();
        _onDispose(this);
    }
}
