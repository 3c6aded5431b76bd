using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>Sets metav1.Condition entries the way the API conventions ask: the transition time moves only when the status does.</summary>
public static class TaskConditions
{
    /// <summary>When two conditions changed at the same second, the first type in this list names the REASON column.</summary>
    private static readonly string[] Precedence =
    [
        AgentTaskConditionTypes.Completed, AgentTaskConditionTypes.Quarantined, AgentTaskConditionTypes.SpecApplied,
        AgentTaskConditionTypes.SandboxReady, AgentTaskConditionTypes.Approved,
    ];

    public static void Set(IList<V1Condition> conditions, string type, bool status, string reason, string message, DateTime now, long? generation)
    {
        var value = status ? "True" : "False";
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        var transition = existing is not null && existing.Status == value ? existing.LastTransitionTime : now;
        var condition = new V1Condition
        {
            Type = type,
            Status = value,
            Reason = reason,
            Message = message,
            LastTransitionTime = transition,
            ObservedGeneration = generation,
        };
        if (existing is null)
        {
            conditions.Add(condition);
        }
        else
        {
            conditions[conditions.IndexOf(existing)] = condition;
        }
    }

    public static V1Condition? Find(IEnumerable<V1Condition>? conditions, string type) => conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>The reason of the most recently changed condition (ties broken by <see cref="Precedence"/>).</summary>
    public static string? NewestReason(IEnumerable<V1Condition> conditions) => conditions
        .OrderByDescending(c => c.LastTransitionTime)
        .ThenBy(c => Array.IndexOf(Precedence, c.Type) is var i && i < 0 ? int.MaxValue : i)
        .FirstOrDefault()?.Reason;
}
