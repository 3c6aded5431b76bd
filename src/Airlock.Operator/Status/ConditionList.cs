using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Operator.Status;

/// <summary>Sets metav1-style conditions: lastTransitionTime moves only when the status value changes.</summary>
public static class ConditionList
{
    /// <summary>When several conditions changed at the same instant, the REASON column shows the most telling one.</summary>
    private static readonly string[] Priority =
    [
        // SpecApplied ranks below SandboxReady: "SpecCurrent" says nothing, while a later SpecChangedAfterStart is newer and wins anyway.
        AgentTaskConditionTypes.Quarantined, AgentTaskConditionTypes.Completed, AgentTaskConditionTypes.SandboxReady,
        AgentTaskConditionTypes.SpecApplied, AgentTaskConditionTypes.Approved,
    ];

    public static void Set(IList<V1Condition> conditions, string type, bool? status, string reason, string message, DateTime now, long? generation)
    {
        var value = status switch { true => "True", false => "False", null => "Unknown" };
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            conditions.Add(new V1Condition { Type = type, Status = value, Reason = reason, Message = message, LastTransitionTime = now, ObservedGeneration = generation });
            return;
        }
        if (existing.Status != value) existing.LastTransitionTime = now;
        existing.Status = value;
        existing.Reason = reason;
        existing.Message = message;
        existing.ObservedGeneration = generation;
    }

    public static void Remove(IList<V1Condition> conditions, string type)
    {
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is not null) conditions.Remove(existing);
    }

    /// <summary>The reason of the most recently changed condition (ties broken by <see cref="Priority"/>).</summary>
    public static string? NewestReason(IEnumerable<V1Condition> conditions) =>
        conditions
            .OrderByDescending(c => c.LastTransitionTime)
            .ThenBy(c => Array.IndexOf(Priority, c.Type) is var i && i < 0 ? int.MaxValue : i)
            .FirstOrDefault()?.Reason;
}
