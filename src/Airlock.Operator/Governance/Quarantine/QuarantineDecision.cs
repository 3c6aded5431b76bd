using Airlock.Api;
using Airlock.Api.Tasks;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>Whether an anomaly report quarantines a task, and the reason recorded on it.</summary>
public static class QuarantineDecision
{
    /// <summary>
    /// The quarantine reason for <paramref name="task"/>, or null when the report does not apply: no such task (or another
    /// task of the same name), already quarantined or ended, not started yet (it has no sandbox to cut off), or a report
    /// from before the task started.
    /// </summary>
    public static string? Reason(AgentTask? task, AnomalyReport report)
    {
        if (task is null || (report.TaskUid is { } uid && uid != task.Metadata.Uid)) return null;
        if (task.Metadata.Annotations?.ContainsKey(AirlockAnnotations.Quarantine) == true) return null;
        var phase = task.Status?.Phase;
        if (phase != AgentTaskPhase.Running && !(phase == AgentTaskPhase.Pending && task.Status?.PodName is not null)) return null;
        if (task.Status?.StartTime is { } start && report.Time != DateTime.MinValue && report.Time.ToUniversalTime() < start.ToUniversalTime().AddSeconds(-1)) return null;
        return $"anomaly {report.Reason} from {report.Source}: {report.Message}";
    }
}
