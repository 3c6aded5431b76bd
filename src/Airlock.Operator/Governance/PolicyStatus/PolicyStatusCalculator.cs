using Airlock.Api.Policies;
using Airlock.Operator.Policies;
using Airlock.Operator.Status;
using Airlock.Operator.Validation;
using k8s;
using k8s.Models;
using Conditions = Airlock.Api.Policies.ClusterAgentPolicyConditions;

namespace Airlock.Operator.Governance.PolicyStatus;

/// <summary>
/// Pure status of one ClusterAgentPolicy: the namespaces it governs now (sorted), Ready (valid or not, with the problems)
/// and Conflicting (where it and another policy that selects the same namespace cannot both be honoured as written).
/// </summary>
public static class PolicyStatusCalculator
{
    public static ClusterAgentPolicyStatus Compute(
        ClusterAgentPolicy policy, IReadOnlyCollection<ClusterAgentPolicy> all, IReadOnlyCollection<V1Namespace> namespaces, DateTime now)
    {
        now = new DateTime(now.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var governed = namespaces.Where(ns => PolicySelection.Selects(policy, ns)).ToList();
        var conflicts = governed
            .SelectMany(ns => PolicyConflicts.Between(policy, PolicySelection.For(all, ns)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var problems = ClusterAgentPolicyValidator.Validate(policy);
        var previous = policy.Status;
        var status = new ClusterAgentPolicyStatus
        {
            GovernedNamespaces = governed.Select(ns => ns.Metadata.Name).Order(StringComparer.Ordinal).ToList(),
            Conditions = previous?.Conditions is { } existing
                ? KubernetesJson.Deserialize<List<V1Condition>>(KubernetesJson.Serialize(existing))
                : [],
            ObservedGeneration = policy.Metadata?.Generation,
        };
        var generation = policy.Metadata?.Generation;
        if (problems.Count == 0)
            ConditionList.Set(status.Conditions, Conditions.Ready, true, Conditions.Applied, $"applies to {governed.Count} namespace(s)", now, generation);
        else
            ConditionList.Set(status.Conditions, Conditions.Ready, false, Conditions.Invalid, string.Join("; ", problems), now, generation);
        if (conflicts.Count == 0)
            ConditionList.Set(status.Conditions, Conditions.Conflicting, false, Conditions.NoConflict, "no other policy that selects the same namespaces contradicts this one", now, generation);
        else
            ConditionList.Set(status.Conditions, Conditions.Conflicting, true, Conditions.StricterValueWins, string.Join("; ", conflicts), now, generation);
        return status;
    }

    public static bool Differs(ClusterAgentPolicyStatus? current, ClusterAgentPolicyStatus desired) =>
        KubernetesJson.Serialize(current ?? new ClusterAgentPolicyStatus()) != KubernetesJson.Serialize(desired);
}
