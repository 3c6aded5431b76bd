using Airlock.Operator.Governance.Quarantine;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>An in-process anomaly stream, as a gateway hosted with the operator would provide.</summary>
public sealed class TestAnomalySource : IAnomalySource
{
    private readonly List<Action<AnomalyReport>> _handlers = [];
    private readonly Lock _lock = new();

    public IDisposable Subscribe(Action<AnomalyReport> handler)
    {
        lock (_lock) _handlers.Add(handler);
        return new Unsubscribe(() =>
        {
            lock (_lock) _handlers.Remove(handler);
        });
    }

    public void Publish(AnomalyReport report)
    {
        Action<AnomalyReport>[] handlers;
        lock (_lock) handlers = [.. _handlers];
        foreach (var handler in handlers) handler(report);
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
