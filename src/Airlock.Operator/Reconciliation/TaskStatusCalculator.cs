using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;
using k8s;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>
/// The pure status function: a task, its observed sandbox pod and the time in, the status the task should have out.
/// Terminal phases never change again. A pod that vanished after it was created fails the task (pods are immutable and a
/// new sandbox is a new task); a pod deadline becomes TimedOut.
/// </summary>
public static class TaskStatusCalculator
{
    /// <summary>
    /// Slack past <c>startTime + timeout</c> before the operator itself declares a running task timed out: the kubelet's
    /// activeDeadlineSeconds normally ends the pod first, and its DeadlineExceeded is the better record.
    /// </summary>
    public static readonly TimeSpan KubeletGrace = TimeSpan.FromSeconds(15);

    public static AgentTaskStatus Compute(AgentTask task, V1Pod? pod, EffectivePolicy policy, DateTime now)
    {
        now = Truncate(now);
        var old = task.Status;
        if (old is not null && AgentTaskPhase.IsTerminal(old.Phase)) return Copy(old);
        var status = old is null ? new AgentTaskStatus() : Copy(old);
        status.Conditions ??= [];
        var generation = task.Metadata.Generation;
        status.ObservedGeneration = generation;

        if (!Approve(task, status, policy, now)) return Finish(status);

        if (pod is null)
        {
            if (status.PodName is not null)
            {
                var message = $"sandbox pod {status.PodName} disappeared while the task was {status.Phase ?? AgentTaskPhase.Pending}; " +
                    "pods are immutable, so Airlock does not start a replacement (create a new AgentTask to run again)";
                return Terminal(status, AgentTaskPhase.Failed, AgentTaskConditionReasons.SandboxLost, message, now, generation);
            }
            status.Phase = AgentTaskPhase.Pending;
            status.Message = "creating the sandbox";
            TaskConditions.Set(status.Conditions, AgentTaskConditionTypes.SandboxReady, false, AgentTaskConditionReasons.Creating, status.Message, now, generation);
            return Finish(status);
        }

        status.PodName = pod.Metadata.Name;
        SetSpecApplied(task, pod, status, now);
        var phase = pod.Status?.Phase;
        if (phase == "Succeeded")
        {
            return Terminal(status, AgentTaskPhase.Succeeded, AgentTaskConditionReasons.Succeeded, "the agent finished successfully", FinishedAt(pod) ?? now, generation);
        }
        if (phase == "Failed")
        {
            if (pod.Status!.Reason == "DeadlineExceeded")
            {
                var message = $"the task ran longer than its timeout of {policy.TimeoutFor(task.Spec)} and was stopped";
                return Terminal(status, AgentTaskPhase.TimedOut, AgentTaskConditionReasons.DeadlineExceeded, message, FinishedAt(pod) ?? now, generation);
            }
            return Terminal(status, AgentTaskPhase.Failed, AgentTaskConditionReasons.Failed, FailureMessage(pod), FinishedAt(pod) ?? now, generation);
        }

        if (phase == "Running")
        {
            status.Phase = AgentTaskPhase.Running;
            status.StartTime ??= pod.Status!.StartTime is { } started ? Truncate(started) : now;
            status.Message = $"the agent is running in sandbox pod {pod.Metadata.Name}";
            TaskConditions.Set(status.Conditions, AgentTaskConditionTypes.SandboxReady, true, AgentTaskConditionReasons.PodRunning, status.Message, now, generation);
        }
        else
        {
            status.Phase = AgentTaskPhase.Pending;
            status.Message = PendingMessage(pod);
            TaskConditions.Set(status.Conditions, AgentTaskConditionTypes.SandboxReady, false, AgentTaskConditionReasons.PodPending, status.Message, now, generation);
        }

        if (TaskDeadlines.Timeout(task, status, policy) is { } deadline && now >= deadline)
        {
            var message = $"the sandbox did not finish within its timeout of {policy.TimeoutFor(task.Spec)}; Airlock stopped it";
            return Terminal(status, AgentTaskPhase.TimedOut, AgentTaskConditionReasons.DeadlineExceeded, message, now, generation);
        }
        return Finish(status);
    }

    /// <summary>True when the task may have a sandbox: no approval needed, or a human approved it.</summary>
    private static bool Approve(AgentTask task, AgentTaskStatus status, EffectivePolicy policy, DateTime now)
    {
        var generation = task.Metadata.Generation;
        var annotations = task.Metadata.Annotations;
        var required = task.Spec.Approval?.Required == true || policy.ApprovalAlways;
        if (!required)
        {
            TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.Approved, true, AgentTaskConditionReasons.ApprovalNotRequired, "no approval required", now, generation);
            return true;
        }
        if (Value(annotations, AirlockAnnotations.RejectedBy) is { Length: > 0 } rejecter)
        {
            TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.Approved, false, AgentTaskConditionReasons.RejectedByHuman, $"rejected by {rejecter}", now, generation);
            status.Phase = AgentTaskPhase.Rejected;
            status.Message = $"rejected by {rejecter}";
            status.CompletionTime = now;
            return false;
        }
        if (Value(annotations, AirlockAnnotations.ApprovedBy) is { Length: > 0 } approver)
        {
            status.ApprovedBy = approver;
            status.ApprovedAt ??= DateTime.TryParse(Value(annotations, AirlockAnnotations.ApprovedAt), null,
                System.Globalization.DateTimeStyles.AdjustToUniversal, out var at) ? Truncate(at) : now;
            TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.Approved, true, AgentTaskConditionReasons.ApprovedByHuman, $"approved by {approver}", now, generation);
            return true;
        }
        status.Phase = AgentTaskPhase.AwaitingApproval;
        status.Message = "waiting for a human to approve the task (airlock approve)";
        TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.Approved, false, AgentTaskConditionReasons.AwaitingApproval, status.Message, now, generation);
        return false;
    }

    private static void SetSpecApplied(AgentTask task, V1Pod pod, AgentTaskStatus status, DateTime now)
    {
        var built = Value(pod.Metadata.Annotations, AirlockAnnotations.SpecHash);
        var current = DesiredHash.OfSandboxSpec(task.Spec);
        var generation = task.Metadata.Generation;
        if (built is null || built == current)
        {
            TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.SpecApplied, true, AgentTaskConditionReasons.SpecCurrent,
                "the sandbox runs the current spec", now, generation);
        }
        else
        {
            TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.SpecApplied, false, AgentTaskConditionReasons.SpecChangedAfterStart,
                $"the spec changed after sandbox pod {pod.Metadata.Name} was created; pods are immutable, so it keeps the spec it started with " +
                "(create a new AgentTask to run the new spec)", now, generation);
        }
    }

    private static AgentTaskStatus Terminal(AgentTaskStatus status, string phase, string reason, string message, DateTime completedAt, long? generation)
    {
        status.Phase = phase;
        status.Message = message;
        status.CompletionTime = Truncate(completedAt);
        var now = status.CompletionTime.Value;
        TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.Completed, true, reason, message, now, generation);
        var stopped = reason == AgentTaskConditionReasons.SandboxLost ? AgentTaskConditionReasons.SandboxLost : AgentTaskConditionReasons.PodFinished;
        if (TaskConditions.Find(status.Conditions, AgentTaskConditionTypes.SandboxReady) is not null)
        {
            TaskConditions.Set(status.Conditions!, AgentTaskConditionTypes.SandboxReady, false, stopped, "the sandbox is no longer running", now, generation);
        }
        return Finish(status);
    }

    private static string? Value(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static AgentTaskStatus Finish(AgentTaskStatus status)
    {
        status.Reason = status.Conditions is { Count: > 0 } conditions ? TaskConditions.NewestReason(conditions) : null;
        return status;
    }

    private static string PendingMessage(V1Pod pod)
    {
        var scheduled = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        if (scheduled is { Status: "False" } && !string.IsNullOrEmpty(scheduled.Message)) return $"sandbox pod {pod.Metadata.Name} is pending: {scheduled.Message}";
        var waiting = pod.Status?.ContainerStatuses?.Select(c => c.State?.Waiting).FirstOrDefault(w => w is not null);
        if (waiting is not null) return $"sandbox pod {pod.Metadata.Name} is pending: {waiting.Reason} {waiting.Message}".TrimEnd();
        return $"sandbox pod {pod.Metadata.Name} is starting";
    }

    private static string FailureMessage(V1Pod pod)
    {
        var terminated = pod.Status?.ContainerStatuses?.Select(c => c.State?.Terminated).FirstOrDefault(t => t is not null);
        if (terminated is not null)
        {
            var detail = string.IsNullOrEmpty(terminated.Message) ? "" : $": {terminated.Message}";
            return $"the agent exited with code {terminated.ExitCode} ({terminated.Reason ?? "Error"}){detail}";
        }
        return $"the sandbox pod failed: {pod.Status?.Reason ?? "unknown reason"} {pod.Status?.Message}".TrimEnd();
    }

    private static DateTime? FinishedAt(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(c => c.State?.Terminated?.FinishedAt).Where(t => t is not null).Max();

    /// <summary>Whole seconds: the API server stores times as RFC 3339 seconds, so a computed status compares equal to a stored one.</summary>
    public static DateTime Truncate(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary>A deep copy, so the cached task is never mutated.</summary>
    public static AgentTaskStatus Copy(AgentTaskStatus status) =>
        KubernetesJson.Deserialize<AgentTaskStatus>(KubernetesJson.Serialize(status));
}
