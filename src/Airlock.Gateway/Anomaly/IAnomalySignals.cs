namespace Airlock.Gateway.Anomaly;

/// <summary>The in-process stream of anomaly signals: subscribe to act on them (the operator's quarantine will).</summary>
public interface IAnomalySignals
{
    /// <summary>Calls <paramref name="handler"/> for every later signal (quickly: enqueue, don't work). Dispose to stop.</summary>
    IDisposable Subscribe(Action<AnomalySignal> handler);

    /// <summary>The most recent signals, newest last.</summary>
    IReadOnlyList<AnomalySignal> Recent { get; }
}
