using Prometheus;

namespace Airlock.Egress.Accounting;

/// <summary>The proxy's Prometheus series.</summary>
public sealed class EgressMetrics
{
    private readonly Counter _attempts;
    private readonly Counter _bytes;
    private readonly Gauge _open;
    private readonly Counter _anomalies;

    public EgressMetrics(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _attempts = factory.CreateCounter("airlock_egress_attempts_total", "Connections through the egress proxy by verdict and reason.", "verdict", "reason");
        _bytes = factory.CreateCounter("airlock_egress_bytes_total", "Bytes moved through the egress proxy (up: from the sandbox).", "direction");
        _open = factory.CreateGauge("airlock_egress_open_connections", "Connections the egress proxy is serving now.");
        _anomalies = factory.CreateCounter("airlock_egress_anomalies_total", "Repeated-denial signals raised for tasks.");
    }

    public void Record(EgressAttempt attempt)
    {
        _attempts.WithLabels(attempt.Verdict, attempt.Reason.Length == 0 ? "none" : attempt.Reason).Inc();
        if (attempt.BytesUp > 0) _bytes.WithLabels("up").Inc(attempt.BytesUp);
        if (attempt.BytesDown > 0) _bytes.WithLabels("down").Inc(attempt.BytesDown);
    }

    public void ConnectionOpened() => _open.Inc();

    public void ConnectionClosed() => _open.Dec();

    public void AnomalyRaised() => _anomalies.Inc();
}
