using Airlock.Api;
using Airlock.Api.Tasks;
using k8s.Models;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Reads anomaly signals from the Warning Events the gateway and the egress proxy record on a task. Events cross process
/// boundaries and survive an operator restart, so they are the signal path that works wherever those components run.
/// </summary>
public static class AnomalyEvents
{
    /// <summary>Event reasons that quarantine a task: repeated egress denials, request or token spikes, repeated guardrail hits.</summary>
    public static readonly IReadOnlySet<string> QuarantineReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "EgressDenialsRepeated", "AnomalyRequestSpike", "AnomalyTokenSpike", "AnomalyRepeatedGuardrailHits",
    };

    /// <summary>The report an Event carries, or null when it is not an anomaly on an AgentTask.</summary>
    public static AnomalyReport? From(Corev1Event e, IReadOnlySet<string>? reasons = null)
    {
        var target = e.InvolvedObject;
        if (e.Type != "Warning" || target?.Kind != AgentTask.KubeKind || target.ApiVersion?.StartsWith(AgentsGroup.Name + "/", StringComparison.Ordinal) != true) return null;
        if (e.Reason is not { } reason || !(reasons ?? QuarantineReasons).Contains(reason)) return null;
        var source = e.ReportingComponent is { Length: > 0 } component ? component : e.Source?.Component ?? "unknown";
        var time = e.LastTimestamp ?? e.EventTime ?? e.FirstTimestamp ?? e.Metadata?.CreationTimestamp ?? DateTime.MinValue;
        return new AnomalyReport(target.NamespaceProperty ?? e.Metadata?.NamespaceProperty ?? "", target.Name ?? "", target.Uid, source, reason, e.Message ?? "", time);
    }
}
