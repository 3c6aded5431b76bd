using Airlock.Api.Tasks;
using Airlock.Egress.Identity;
using Airlock.Runtime.Events;

namespace Airlock.Egress.Accounting;

/// <summary>
/// Turns repeated denials into a sealed Warning Event on the AgentTask (reason <see cref="Reason"/>): the operator
/// quarantines on it only because the seal proves the egress proxy wrote it.
/// </summary>
public sealed class EventAnomalySink(ISignalRecorder recorder, ICallerDirectory directory) : IEgressAnomalySink
{
    public const string Reason = "EgressDenialsRepeated";

    public void Report(EgressAnomaly anomaly)
    {
        if (directory.FindTask(anomaly.Namespace, anomaly.Task) is not AgentTask task) return;
        recorder.Record(task, Reason,
            $"{anomaly.Denials} egress attempts denied within {anomaly.Window.TotalSeconds:0}s; last {anomaly.LastHost}:{anomaly.LastPort} ({anomaly.LastReason})");
    }
}
