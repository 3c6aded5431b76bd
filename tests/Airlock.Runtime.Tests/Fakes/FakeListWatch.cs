using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Airlock.Runtime.Informers;
using k8s;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>A list/watch source driven by the test: set what a list returns, push watch events, expire the watch.</summary>
public sealed class FakeListWatch<T> : IListWatch<T>
{
    private readonly Lock _lock = new();
    // Events sent before a watch starts (or after one ends) wait in an unclaimed channel for the next watch.
    private Channel<Func<ResourceEvent<T>>> _current = Channel.CreateUnbounded<Func<ResourceEvent<T>>>();
    private bool _claimed;
    private List<T> _items = [];
    private string _listVersion = "1";

    public int ListCalls { get; private set; }

    public List<string> WatchedFrom { get; } = [];

    public void SetList(string resourceVersion, params T[] items)
    {
        lock (_lock)
        {
            _items = [.. items];
            _listVersion = resourceVersion;
        }
    }

    public Task<ListResult<T>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ListCalls++;
            return Task.FromResult(new ListResult<T>([.. _items], _listVersion));
        }
    }

    public async IAsyncEnumerable<ResourceEvent<T>> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Channel<Func<ResourceEvent<T>>> channel;
        lock (_lock)
        {
            if (_claimed) _current = Channel.CreateUnbounded<Func<ResourceEvent<T>>>();
            _claimed = true;
            channel = _current;
            WatchedFrom.Add(resourceVersion);
        }
        await foreach (var next in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return next();
        }
    }

    public void Send(WatchEventType type, T obj) => Current().Writer.TryWrite(() => new ResourceEvent<T>(type, obj));

    /// <summary>The current watch fails with 410 Gone.</summary>
    public void Expire() => End(() => throw new ResourceExpiredException());

    /// <summary>The current watch fails with a transport error.</summary>
    public void Fail() => End(() => throw new IOException("connection reset"));

    /// <summary>The server ends the current watch cleanly.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _current.Writer.TryComplete();
            _current = Channel.CreateUnbounded<Func<ResourceEvent<T>>>();
            _claimed = false;
        }
    }

    private void End(Func<ResourceEvent<T>> failure)
    {
        lock (_lock)
        {
            _current.Writer.TryWrite(failure);
            _current = Channel.CreateUnbounded<Func<ResourceEvent<T>>>();
            _claimed = false;
        }
    }

    private Channel<Func<ResourceEvent<T>>> Current()
    {
        lock (_lock) return _current;
    }
}
