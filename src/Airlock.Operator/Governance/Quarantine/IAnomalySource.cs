namespace Airlock.Operator.Governance.Quarantine;

/// <summary>An in-process stream of anomaly reports (the gateway's or egress proxy's hub when they share the process).</summary>
public interface IAnomalySource
{
    /// <summary>Calls <paramref name="handler"/> for every later report; it must only enqueue. Dispose to stop.</summary>
    IDisposable Subscribe(Action<AnomalyReport> handler);
}
