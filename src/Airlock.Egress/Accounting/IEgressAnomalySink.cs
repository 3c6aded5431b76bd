namespace Airlock.Egress.Accounting;

/// <summary>Receives repeated-denial signals (Kubernetes Events, quarantine logic, alerting). Must not block.</summary>
public interface IEgressAnomalySink
{
    void Report(EgressAnomaly anomaly);
}
