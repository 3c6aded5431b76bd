namespace Airlock.Gateway.Anomaly;

/// <summary>Fans signals out to subscribers and keeps the last few hundred for inspection.</summary>
public sealed class AnomalySignalHub : IAnomalySignals
{
    private const int Keep = 256;

    private readonly Lock _lock = new();
    private readonly List<Action<AnomalySignal>> _handlers = [];
    private readonly Queue<AnomalySignal> _recent = new();

    public IReadOnlyList<AnomalySignal> Recent
    {
        get
        {
            lock (_lock) return [.. _recent];
        }
    }

    public IDisposable Subscribe(Action<AnomalySignal> handler)
    {
        lock (_lock) _handlers.Add(handler);
        return new Subscription(this, handler);
    }

    public void Publish(AnomalySignal signal)
    {
        Action<AnomalySignal>[] handlers;
        lock (_lock)
        {
            _recent.Enqueue(signal);
            while (_recent.Count > Keep) _recent.Dequeue();
            handlers = [.. _handlers];
        }
        foreach (var handler in handlers)
        {
            try
            {
                handler(signal);
            }
            catch (Exception)
            {
                // A failing subscriber must not break the gateway or the other subscribers.
            }
        }
    }

    private sealed class Subscription(AnomalySignalHub hub, Action<AnomalySignal> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (hub._lock) hub._handlers.Remove(handler);
        }
    }
}
