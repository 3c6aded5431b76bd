using Airlock.Api;
using Airlock.Api.Tasks;
using Airlock.Runtime.Events;
using k8s.Models;

namespace Airlock.Operator.Governance.Quarantine;

/// <summary>
/// Reads anomaly signals from the Warning Events the gateway and the egress proxy record on a task. Events cross process
/// boundaries and survive an operator restart, so they are the signal path that works wherever those components run.
/// Anyone allowed to create Events can write one, so only Events whose <see cref="SignalSeal"/> verifies count.
/// </summary>
public static class AnomalyEvents
{
    /// <summary>Event reasons that quarantine a task: repeated egress denials, request or token spikes, repeated guardrail hits.</summary>
    public static readonly IReadOnlySet<string> QuarantineReasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "EgressDenialsRepeated", "AnomalyRequestSpike", "AnomalyTokenSpike", "AnomalyRepeatedGuardrailHits",
    };

    /// <summary>
    /// The report a sealed anomaly Event carries. Null when the Event is not an anomaly on an AgentTask (<paramref name="refused"/>
    /// is then <see cref="SignalSealProblem.None"/>) or when its seal is missing, malformed or does not verify under
    /// <paramref name="seal"/> (<paramref name="refused"/> says which; with no key loaded yet every seal is invalid).
    /// </summary>
    public static AnomalyReport? From(Corev1Event e, SignalSeal? seal, out SignalSealProblem refused, IReadOnlySet<string>? reasons = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        refused = SignalSealProblem.None;
        var target = e.InvolvedObject;
        if (e.Type != "Warning" || target?.Kind != AgentTask.KubeKind || target.ApiVersion?.StartsWith(AgentsGroup.Name + "/", StringComparison.Ordinal) != true) return null;
        if (e.Reason is not { } reason || !(reasons ?? QuarantineReasons).Contains(reason)) return null;
        var verdict = seal?.Verify(e) ?? SignalVerdict.Refused(e.Metadata?.Annotations?.ContainsKey(AirlockAnnotations.SignalSeal) == true
            ? SignalSealProblem.Invalid : SignalSealProblem.Missing);
        if (!verdict.IsSealed)
        {
            refused = verdict.Problem;
            return null;
        }
        var source = SignalSeal.Component(e) is { Length: > 0 } component ? component : "unknown";
        return new AnomalyReport(target.NamespaceProperty ?? e.Metadata?.NamespaceProperty ?? "", target.Name ?? "", target.Uid, source, reason, e.Message ?? "", verdict.IssuedAt);
    }
}
