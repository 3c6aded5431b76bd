namespace Airlock.Egress.Accounting;

/// <summary>
/// The sink of a proxy without a signal key: it writes no Event (an unsealed one would be ignored by the operator, and must
/// never look like a signal). The anomaly is still counted (<c>airlock_egress_anomalies_total</c>) and logged.
/// </summary>
public sealed class UnreportedAnomalySink : IEgressAnomalySink
{
    public void Report(EgressAnomaly anomaly)
    {
    }
}
