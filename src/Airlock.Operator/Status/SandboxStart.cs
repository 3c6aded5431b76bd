using k8s.Models;

namespace Airlock.Operator.Status;

/// <summary>The start deadline of a sandbox pod: its condition reason and how the cause of a pod that never ran is told.</summary>
public static class SandboxStart
{
    /// <summary>Condition reason of a task whose pod was not Running within the start timeout.</summary>
    public const string TimeoutReason = Api.Tasks.AgentTaskConditionReasons.SandboxStartTimeout;

    /// <summary>
    /// Why the pod has not started, from what the pod itself reports: a container's waiting reason (image pull, sandbox
    /// creation), else a False condition (unschedulable, missing RuntimeClass), else the pod's own reason.
    /// </summary>
    public static string Cause(V1Pod pod)
    {
        var containers = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []);
        if (containers.FirstOrDefault(c => c.State?.Waiting?.Reason is not null) is { } waiting)
        {
            return $"container {waiting.Name} is waiting: {Join(waiting.State.Waiting.Reason, waiting.State.Waiting.Message)}";
        }
        var conditions = pod.Status?.Conditions ?? [];
        if (conditions.Where(c => c.Status == "False").OrderBy(c => c.Type == "PodScheduled" ? 0 : 1).FirstOrDefault() is { } condition)
        {
            return $"{condition.Type} is False: {Join(condition.Reason, condition.Message)}";
        }
        if (pod.Status?.Reason is not null || pod.Status?.Message is not null) return Join(pod.Status.Reason, pod.Status.Message);
        return $"the pod reports no reason (phase {pod.Status?.Phase ?? "unknown"})";
    }

    private static string Join(string? reason, string? message) =>
        (reason, message) switch
        {
            ({ } r, { Length: > 0 } m) => $"{r}: {m}",
            ({ } r, _) => r,
            (null, { } m) => m,
            _ => "no reason given",
        };
}
