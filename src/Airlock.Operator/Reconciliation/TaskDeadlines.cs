using Airlock.Api.Tasks;
using Airlock.Operator.Policies;
using Airlock.Operator.Sandbox;

namespace Airlock.Operator.Reconciliation;

/// <summary>When a task must be looked at again without any change: its TTL, its timeout, the end of its debug window.</summary>
public static class TaskDeadlines
{
    /// <summary>The documented default of <c>spec.ttlSecondsAfterFinished</c>.</summary>
    public const int DefaultTtlSeconds = 300;

    /// <summary>When the sandbox of a finished task is deleted; null while the task has not ended.</summary>
    public static DateTime? CleanupAt(AgentTask task, AgentTaskStatus status) =>
        AgentTaskPhase.IsTerminal(status.Phase) && status.CompletionTime is { } done
            ? done.AddSeconds(task.Spec.TtlSecondsAfterFinished ?? DefaultTtlSeconds)
            : null;

    /// <summary>
    /// When the operator declares a live task timed out: a pending sandbox counts from the task's creation, a running
    /// one from its start plus <see cref="TaskStatusCalculator.KubeletGrace"/>. Null for tasks that are not live.
    /// </summary>
    public static DateTime? Timeout(AgentTask task, AgentTaskStatus status, EffectivePolicy policy)
    {
        if (status.Phase is not (AgentTaskPhase.Pending or AgentTaskPhase.Running)) return null;
        var timeout = policy.TimeoutFor(task.Spec);
        if (status.Phase == AgentTaskPhase.Running && status.StartTime is { } started) return started + timeout + TaskStatusCalculator.KubeletGrace;
        return task.Metadata.CreationTimestamp is { } created ? created.ToUniversalTime() + timeout + TaskStatusCalculator.KubeletGrace : null;
    }

    /// <summary>The next of the deadlines after <paramref name="now"/>, as a delay; null when nothing is scheduled.</summary>
    public static TimeSpan? Next(AgentTask task, AgentTaskStatus status, EffectivePolicy policy, bool hasChildren, DateTime now)
    {
        var candidates = new List<DateTime>();
        if (CleanupAt(task, status) is { } cleanup && hasChildren) candidates.Add(cleanup);
        if (Timeout(task, status, policy) is { } timeout) candidates.Add(timeout);
        if (!AgentTaskPhase.IsTerminal(status.Phase) && SandboxNetworkPolicyBuilder.DebugOpen(task.Spec.Debug, now))
        {
            candidates.Add(task.Spec.Debug!.ExpiresAt!.Value.ToUniversalTime());
        }
        if (candidates.Count == 0) return null;
        var delay = candidates.Min() - now;
        // A deadline already due still gets a short delay, so a clock skew never spins the queue.
        return delay > TimeSpan.Zero ? delay + TimeSpan.FromMilliseconds(50) : TimeSpan.FromMilliseconds(200);
    }
}
