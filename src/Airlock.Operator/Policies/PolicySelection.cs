using Airlock.Api.Policies;
using Airlock.Operator.Reconciliation;
using k8s.Models;

namespace Airlock.Operator.Policies;

/// <summary>
/// Which ClusterAgentPolicies govern a namespace. An omitted or empty selector selects every namespace; a selector that
/// cannot be evaluated (an unknown operator) or a namespace not known yet counts as selecting: fail closed.
/// </summary>
public static class PolicySelection
{
    public static bool Selects(ClusterAgentPolicy policy, V1Namespace? ns) => Selects(policy.Spec?.NamespaceSelector, ns);

    public static bool Selects(V1LabelSelector? selector, V1Namespace? ns)
    {
        if (ns is null) return true;
        var known = (selector?.MatchExpressions ?? []).All(r => r.OperatorProperty is "In" or "NotIn" or "Exists" or "DoesNotExist");
        return !known || NamespaceSelector.Matches(selector, ns.Metadata?.Labels);
    }

    /// <summary>The policies that select <paramref name="ns"/>, in name order.</summary>
    public static IReadOnlyList<ClusterAgentPolicy> For(IEnumerable<ClusterAgentPolicy> policies, V1Namespace? ns) =>
        policies.Where(p => Selects(p, ns)).OrderBy(p => p.Metadata?.Name, StringComparer.Ordinal).ToList();
}
