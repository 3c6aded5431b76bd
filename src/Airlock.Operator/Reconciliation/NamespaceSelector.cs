using k8s.Models;

namespace Airlock.Operator.Reconciliation;

/// <summary>Whether a ClusterAgentPolicy's <c>namespaceSelector</c> selects a namespace's labels (null or empty selects all).</summary>
public static class NamespaceSelector
{
    public static bool Matches(V1LabelSelector? selector, IDictionary<string, string>? labels)
    {
        if (selector is null) return true;
        labels ??= new Dictionary<string, string>();
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        }
        foreach (var requirement in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(requirement.Key, out var actual);
            var values = requirement.Values ?? [];
            var ok = requirement.OperatorProperty switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false, // ClusterPolicySource treats a selector with an unknown operator as selecting (fail closed).
            };
            if (!ok) return false;
        }
        return true;
    }
}
