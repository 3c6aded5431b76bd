using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Api.Values;
using Airlock.Operator.Sandbox;
using k8s;
using k8s.Models;
using Phase = Airlock.Api.Tasks.AgentTaskPhase;
using Reasons = Airlock.Api.Tasks.AgentTaskConditionReasons;
using Types = Airlock.Api.Tasks.AgentTaskConditionTypes;

namespace Airlock.Operator.Status;

/// <summary>
/// Pure status computation: the task, what was observed of its sandbox and the time in; the new status and the next
/// deadline out. Terminal phases are sticky. The reconciler writes the status only when <see cref="Differs"/> says so.
/// </summary>
public static class AgentTaskStatusCalculator
{
    /// <summary>Children are deleted this long after the end when the task does not say (the CRD default too).</summary>
    public const int DefaultTtlSeconds = 300;

    /// <summary>How long a sandbox pod may take from its creation to Running when the operator is not told otherwise.</summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(10);

    /// <param name="approvalRequired">From <see cref="Policies.ApprovalRules"/>: whether the task must wait for a human.</param>
    public static StatusResult Compute(AgentTask task, ObservedChildren observed, DateTime now, bool approvalRequired = false) =>
        Compute(task, observed, now, new TaskGate { ApprovalRequired = approvalRequired });

    /// <param name="gate">Approval and policy decisions made by the reconciler (verified, not read from annotations here).</param>
    /// <param name="startTimeout">How long the pod may stay unstarted after its creation (<see cref="DefaultStartTimeout"/> when null).</param>
    /// <param name="specHash"><see cref="DesiredHash.OfSandboxSpec"/> of the task's spec when the caller has it already; computed here when needed otherwise.</param>
    public static StatusResult Compute(AgentTask task, ObservedChildren observed, DateTime now, TaskGate gate, TimeSpan? startTimeout = null, string? specHash = null)
    {
        var startWithin = startTimeout ?? DefaultStartTimeout;
        // The API server keeps seconds only; finer times would make every recomputed status look changed.
        now = new DateTime(now.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var previous = task.Status ?? new AgentTaskStatus();
        var status = Copy(previous);
        status.Conditions ??= [];
        var generation = task.Metadata.Generation;
        status.ObservedGeneration = generation;

        var unconfirmed = !Phase.IsTerminal(previous.Phase) && Advance(task, observed, status, now, gate, startWithin, specHash);
        if (Phase.IsTerminal(status.Phase)) status.CompletionTime ??= now;
        if (observed.Pod is { } pod)
        {
            // The pod's spec hash as first seen (from the operator's own create, in the same reconcile): a later change of the
            // annotation on the pod is then told apart from a spec edit (PodTamper).
            if (status.PodName != pod.Metadata.Name || status.PodSpecHash is null) status.PodSpecHash = DesiredHash.ReadSpecHash(pod);
            status.PodName = pod.Metadata.Name;
        }
        status.Reason = ConditionList.NewestReason(status.Conditions);

        // Children go only once the end is on record (the task as read says so): deleting them on an end computed in this
        // very reconcile would, if writing that end then failed, leave a started task without its pod and no proof of
        // how it ended.
        var ttlAt = status.CompletionTime?.AddSeconds(task.Spec.TtlSecondsAfterFinished ?? DefaultTtlSeconds);
        var expired = Phase.IsTerminal(previous.Phase) && ttlAt <= now;
        var requeueAt = expired ? null
            : Phase.IsTerminal(status.Phase) && ttlAt <= now ? now
            : NextDeadline(task, observed, status, ttlAt, now, startWithin);
        return new StatusResult(
            status,
            requeueAt,
            expired,
            StopSandbox: status.Phase is Phase.Quarantined or Phase.Rejected && observed.Pod is not null,
            PodAbsenceUnconfirmed: unconfirmed);
    }

    /// <summary>True when writing <paramref name="desired"/> over <paramref name="current"/> would change anything.</summary>
    public static bool Differs(AgentTaskStatus? current, AgentTaskStatus? desired) =>
        KubernetesJson.Serialize(current ?? new AgentTaskStatus()) != KubernetesJson.Serialize(desired ?? new AgentTaskStatus());

    /// <returns>True when the task looks started but its pod is absent from the cache and nobody confirmed it is gone.</returns>
    private static bool Advance(AgentTask task, ObservedChildren observed, AgentTaskStatus status, DateTime now, TaskGate gate, TimeSpan startWithin, string? specHash)
    {
        var conditions = status.Conditions!;
        var generation = task.Metadata.Generation;
        var annotations = task.Metadata.Annotations ?? new Dictionary<string, string>();
        void Set(string type, bool? value, string reason, string message) => ConditionList.Set(conditions, type, value, reason, message, now, generation);

        // Quarantine and rejection only ever stop a task, so acting on them is safe whoever wrote them (the webhook
        // still checks who may). Approval is the one decision that lets a task run: it comes verified in the gate.
        if (annotations.TryGetValue(AirlockAnnotations.Quarantine, out var why))
        {
            var message = "quarantined: " + (string.IsNullOrWhiteSpace(why) ? "no reason given" : why);
            Set(Types.Quarantined, true, Reasons.QuarantineRequested, message);
            Set(Types.Completed, true, Reasons.QuarantineRequested, message);
            if (observed.Pod is not null) Set(Types.SandboxReady, false, Reasons.SandboxStopped, "the sandbox pod is being stopped");
            End(status, Phase.Quarantined, message);
            return false;
        }
        if (annotations.TryGetValue(AirlockAnnotations.RejectedBy, out var rejecter))
        {
            var reason = annotations.TryGetValue(AirlockAnnotations.RejectionReason, out var r) && !string.IsNullOrWhiteSpace(r) ? $": {r}" : "";
            var message = $"rejected by {rejecter}{reason}";
            Set(Types.Approved, false, Reasons.RejectedByHuman, message);
            Set(Types.Completed, true, Reasons.RejectedByHuman, message);
            End(status, Phase.Rejected, message);
            return false;
        }
        if (gate.Tampering is { } tampering && observed.Pod is not null)
        {
            var message = "the sandbox pod was changed outside Airlock: " + tampering;
            Set(Types.SandboxReady, false, Reasons.SandboxStopped, "the sandbox pod is being stopped");
            Set(Types.Completed, true, Reasons.SandboxTampered, message);
            End(status, Phase.Failed, message);
            return false;
        }
        var started = observed.Pod is not null || status.StartTime is not null;
        if (!started && gate.PolicyProblems.Count > 0)
        {
            var message = "the task does not satisfy the current policy: " + string.Join("; ", gate.PolicyProblems);
            Set(Types.Approved, false, Reasons.PolicyViolation, message);
            Set(Types.Completed, true, Reasons.PolicyViolation, message);
            End(status, Phase.Rejected, message);
            return false;
        }
        if (gate.Approval is { } approval)
        {
            status.ApprovedBy = approval.By;
            status.ApprovedAt = approval.At;
            Set(Types.Approved, true, Reasons.ApprovedByHuman, $"approved by {approval.By}");
        }
        else if (gate.ApprovalRequired && !started)
        {
            var waiting = "waiting for a human approval (airlock approve)" + (gate.ApprovalReason is { } because ? $": {because}" : "");
            if (gate.ApprovalProblem is { } problem) waiting += $"; {problem}";
            Set(Types.Approved, false, Reasons.AwaitingApproval, waiting);
            status.Phase = Phase.AwaitingApproval;
            status.Message = "waiting for a human approval before the sandbox is created";
            return false;
        }
        else if (!gate.ApprovalRequired)
        {
            Set(Types.Approved, true, Reasons.ApprovalNotRequired, "no approval is required");
        }

        var pod = observed.Pod;
        if (pod is null)
        {
            if (status.Phase == Phase.Running || status.StartTime is not null)
            {
                // A cache that lags or is being relisted must not fail a task: the reconciler reads the pod (and the task)
                // from the API server and asks again with the answer.
                if (!observed.PodGoneConfirmed) return true;
                Set(Types.SandboxReady, false, Reasons.SandboxLost, "the sandbox pod disappeared");
                Set(Types.Completed, true, Reasons.SandboxLost, "the sandbox pod disappeared before the task finished");
                End(status, Phase.Failed, "the sandbox pod disappeared before the task finished");
                return false;
            }
            Set(Types.SandboxReady, false, Reasons.Creating, observed.ChildrenExist ? "creating the sandbox pod" : "creating the sandbox");
            status.Phase = Phase.Pending;
            status.Message = "creating the sandbox";
            return false;
        }

        SetSpecApplied(task, pod, specHash, Set);
        switch (pod.Status?.Phase)
        {
            case "Running":
                Set(Types.SandboxReady, true, Reasons.PodRunning, "the sandbox pod is running");
                status.StartTime ??= pod.Status.StartTime ?? now;
                status.Phase = Phase.Running;
                status.Message = "the agent is running";
                break;
            case "Succeeded":
                Set(Types.SandboxReady, false, Reasons.PodFinished, "the sandbox pod finished");
                Set(Types.Completed, true, Reasons.Succeeded, "the agent exited successfully");
                status.StartTime ??= pod.Status.StartTime;
                status.CompletionTime ??= FinishedAt(pod);
                End(status, Phase.Succeeded, "the agent exited successfully");
                break;
            case "Failed" when pod.Status.Reason == "DeadlineExceeded":
                var deadline = $"the agent ran longer than its timeout ({pod.Spec?.ActiveDeadlineSeconds}s)";
                Set(Types.SandboxReady, false, Reasons.PodFinished, "the sandbox pod was stopped");
                Set(Types.Completed, true, Reasons.DeadlineExceeded, deadline);
                status.StartTime ??= pod.Status.StartTime;
                End(status, Phase.TimedOut, deadline);
                break;
            case "Failed":
                var failure = FailureMessage(pod);
                Set(Types.SandboxReady, false, Reasons.PodFinished, "the sandbox pod finished");
                Set(Types.Completed, true, Reasons.Failed, failure);
                status.StartTime ??= pod.Status.StartTime;
                status.CompletionTime ??= FinishedAt(pod);
                End(status, Phase.Failed, failure);
                break;
            default:
                // Only a pod that never ran: an Unknown phase (node lost) of a pod that was running is not a slow start.
                if (pod.Status?.Phase is null or "Pending" && status.StartTime is null && StartDeadline(pod, startWithin) is { } startBy && startBy <= now)
                {
                    var message = $"the sandbox pod did not start within {GoDuration.Format(startWithin)} of its creation: {SandboxStart.Cause(pod)}";
                    Set(Types.SandboxReady, false, SandboxStart.TimeoutReason, message);
                    Set(Types.Completed, true, SandboxStart.TimeoutReason, message);
                    End(status, Phase.Failed, message);
                    break;
                }
                var waiting = pod.Status?.ContainerStatuses?.FirstOrDefault()?.State?.Waiting?.Reason;
                Set(Types.SandboxReady, false, Reasons.PodPending, waiting is null ? "the sandbox pod is starting" : $"the sandbox pod is starting ({waiting})");
                status.Phase = Phase.Pending;
                status.Message = "the sandbox is starting";
                break;
        }
        return false;
    }

    /// <summary>When a pod that is not running yet must be running by; null when its creation time is unknown.</summary>
    private static DateTime? StartDeadline(V1Pod pod, TimeSpan startWithin) =>
        pod.Metadata.CreationTimestamp is { } created ? created.ToUniversalTime() + startWithin : null;

    /// <summary>A spec edit after the pod exists is not applied to it (pods are immutable and the sandbox is a snapshot).</summary>
    private static void SetSpecApplied(AgentTask task, V1Pod pod, string? specHash, Action<string, bool?, string, string> set)
    {
        var built = DesiredHash.ReadSpecHash(pod);
        if (built is null || built == (specHash ?? DesiredHash.OfSandboxSpec(task.Spec)))
        {
            set(Types.SpecApplied, true, Reasons.SpecCurrent, "the sandbox runs the current spec");
            return;
        }
        set(Types.SpecApplied, false, Reasons.SpecChangedAfterStart,
            $"the spec changed (generation {task.Metadata.Generation}) after the sandbox was created; the running sandbox keeps its original spec and the change applies only to new tasks");
    }

    private static void End(AgentTaskStatus status, string phase, string message)
    {
        status.Phase = phase;
        status.Message = message;
    }

    private static DateTime? FinishedAt(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.Select(c => c.State?.Terminated?.FinishedAt).Where(t => t is not null).Max();

    private static string FailureMessage(V1Pod pod)
    {
        var terminated = pod.Status?.ContainerStatuses?.Select(c => c.State?.Terminated).FirstOrDefault(t => t is not null);
        if (terminated is null) return "the sandbox pod failed" + (pod.Status?.Reason is { } r ? $" ({r})" : "");
        var detail = terminated.Reason is { } reason ? $" ({reason})" : "";
        return $"the agent exited with code {terminated.ExitCode}{detail}";
    }

    private static DateTime? NextDeadline(AgentTask task, ObservedChildren observed, AgentTaskStatus status, DateTime? ttlAt, DateTime now, TimeSpan startWithin)
    {
        var candidates = new List<DateTime?>();
        if (Phase.IsTerminal(status.Phase)) candidates.Add(ttlAt);
        if (status.Phase == Phase.Pending && status.StartTime is null && observed.Pod is { } pending) candidates.Add(StartDeadline(pending, startWithin));
        if (status.Phase == Phase.Running && status.StartTime is { } start && observed.Pod?.Spec?.ActiveDeadlineSeconds is { } deadline)
            candidates.Add(start.AddSeconds(deadline));
        if (task.Spec.Debug?.ExpiresAt is { } expires && expires.ToUniversalTime() > now && !Phase.IsTerminal(status.Phase))
            candidates.Add(expires.ToUniversalTime());
        return candidates.Where(c => c is not null && c > now).Min();
    }

    private static AgentTaskStatus Copy(AgentTaskStatus status) =>
        KubernetesJson.Deserialize<AgentTaskStatus>(KubernetesJson.Serialize(status));
}
