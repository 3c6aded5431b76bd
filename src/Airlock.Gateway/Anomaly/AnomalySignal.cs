namespace Airlock.Gateway.Anomaly;

/// <summary>
/// One anomaly of one task: what, when, the observed value against the task's own baseline, and a readable message. The
/// governance work turns these into quarantine; today they are metrics, Kubernetes Events on the task and this stream.
/// </summary>
public sealed record AnomalySignal(string Namespace, string Task, AnomalyKind Kind, DateTimeOffset Time, double Value, double Baseline, string Message);
