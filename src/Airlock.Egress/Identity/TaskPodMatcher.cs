using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Sandbox;
using k8s.Models;

namespace Airlock.Egress.Identity;

/// <summary>Pure rules tying a pod to its task: same namespace, the task's label (or controller reference), both Running.</summary>
public static class TaskPodMatcher
{
    /// <summary>The <c>agents.airlock.dev/task</c> label value of <paramref name="pod"/>, or null.</summary>
    public static string? TaskLabel(V1Pod pod) =>
        pod.Metadata?.Labels is { } labels && labels.TryGetValue(AirlockLabels.Task, out var value) ? value : null;

    public static bool BelongsTo(V1Pod pod, AgentTask task)
    {
        if (!string.Equals(pod.Metadata?.NamespaceProperty, task.Metadata.NamespaceProperty, StringComparison.Ordinal)) return false;
        if (TaskLabel(pod) != SandboxNames.TaskLabelValue(task.Metadata.Name)) return false;
        // A controller reference, when present, must name this very task (a re-created task of the same name is another task).
        var controller = pod.Metadata!.OwnerReferences?.FirstOrDefault(o => o.Controller == true);
        if (controller is not null && (controller.Kind != AgentTask.KubeKind || controller.Uid != task.Metadata.Uid)) return false;
        // Once the operator has named the task's pod, no other labelled pod speaks for it.
        return task.Status?.PodName is not { Length: > 0 } podName || podName == pod.Metadata.Name;
    }

    public static bool IsRunning(V1Pod pod) => pod.Status?.Phase == "Running" && pod.Metadata?.DeletionTimestamp is null;

    public static bool IsRunning(AgentTask task) => task.Status?.Phase == AgentTaskPhase.Running && task.Metadata.DeletionTimestamp is null;
}
