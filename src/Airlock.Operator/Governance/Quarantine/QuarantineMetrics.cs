using Airlock.Runtime.Events;
using Prometheus;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>The quarantine controller's series: anomaly Events it refused because their signal seal did not verify.</summary>
public sealed class QuarantineMetrics
{
    private readonly Counter _refused;

    public QuarantineMetrics(CollectorRegistry registry)
    {
        _refused = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter(
            "airlock_operator_anomaly_signals_refused_total",
            "Anomaly Events the operator ignored because their signal seal was missing, malformed or invalid, by namespace, reason and seal.",
            "namespace", "reason", "seal");
    }

    /// <summary>Counts one refused Event (its reason is one of the quarantine reasons, so the label stays bounded).</summary>
    public void Refused(string @namespace, string reason, SignalSealProblem problem) =>
        _refused.WithLabels(@namespace, reason, Label(problem)).Inc();

    /// <summary>The refusals counted so far for one label set (tests, diagnostics).</summary>
    public double RefusedCount(string @namespace, string reason, SignalSealProblem problem) => _refused.WithLabels(@namespace, reason, Label(problem)).Value;

    public static string Label(SignalSealProblem problem) => problem switch
    {
        SignalSealProblem.Missing => "missing",
        SignalSealProblem.Malformed => "malformed",
        _ => "invalid",
    };
}
