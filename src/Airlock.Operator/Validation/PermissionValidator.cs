using Airlock.Api.Tasks;
using Airlock.Operator.Policies;

namespace Airlock.Operator.Validation;

/// <summary>
/// Checks the RBAC rules a task asks for. Some rights are refused whatever a policy says, because each one lets a
/// compromised agent escape its sandbox or read credentials: secrets, exec/attach/port-forward into pods, minting tokens,
/// editing RBAC, nodes, CRDs and admission webhooks, and the escalate/bind/impersonate verbs.
/// </summary>
public static class PermissionValidator
{
    public static readonly IReadOnlySet<string> ForbiddenResources = new HashSet<string>(StringComparer.Ordinal)
    {
        "secrets", "pods/exec", "pods/attach", "pods/portforward", "pods/ephemeralcontainers", "serviceaccounts/token",
        "roles", "rolebindings", "clusterroles", "clusterrolebindings",
        "customresourcedefinitions", "mutatingwebhookconfigurations", "validatingwebhookconfigurations",
        "validatingadmissionpolicies", "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings",
        "certificatesigningrequests", "tokenrequests",
    };

    public static readonly IReadOnlySet<string> ForbiddenVerbs = new HashSet<string>(StringComparer.Ordinal) { "*", "escalate", "bind", "impersonate" };

    /// <summary>
    /// Resources whose write verbs amount to running a pod: whoever creates (or edits the template of) a pod can mount any
    /// Secret and run as any service account of the namespace, so writes to them are refused like secrets are.
    /// </summary>
    public static readonly IReadOnlySet<string> PodCreatingResources = new HashSet<string>(StringComparer.Ordinal)
    {
        "pods", "deployments", "replicasets", "statefulsets", "daemonsets", "jobs", "cronjobs", "replicationcontrollers",
    };

    /// <summary>Verbs that change state; a policy may require approval for tasks that hold any of them.</summary>
    public static readonly IReadOnlySet<string> WriteVerbs = new HashSet<string>(StringComparer.Ordinal) { "create", "update", "patch", "delete", "deletecollection" };

    public static void Validate(IList<PermissionRule>? rules, EffectivePolicy policy, List<FieldProblem> problems)
    {
        for (var i = 0; i < (rules?.Count ?? 0); i++)
        {
            var rule = rules![i];
            var field = $"spec.permissions[{i}]";
            Each(rule.ApiGroups, field + ".apiGroups", g => g == "*" ? "\"*\" (every API group) is not allowed; name the groups (\"\" is the core group)" : null);
            Each(rule.Resources, field + ".resources", ResourceProblem);
            Each(rule.Verbs, field + ".verbs", v => ForbiddenVerbs.Contains(v.ToLowerInvariant())
                ? $"\"{v}\" is not allowed; list the verbs the agent needs (get, list, watch...)"
                : null);
            var writes = (rule.Verbs ?? []).Where(v => WriteVerbs.Contains((v ?? "").ToLowerInvariant())).ToList();
            for (var j = 0; writes.Count > 0 && j < (rule.Resources?.Count ?? 0); j++)
            {
                var resource = (rule.Resources![j] ?? "").ToLowerInvariant();
                if (PodCreatingResources.Contains(resource) || resource.StartsWith("pods/", StringComparison.Ordinal))
                {
                    problems.Add(new($"{field}.resources[{j}]", $"\"{rule.Resources[j]}\" with {string.Join(", ", writes)} is never granted to an agent (whoever creates or changes pods can run them with any Secret or service account of the namespace); grant get, list or watch only"));
                }
            }
            foreach (var allowlist in policy.PermissionAllowlists)
            {
                if (!allowlist.Any(a => Covers(a, rule)))
                    problems.Add(new(field, "is not covered by the policy's allowed permissions; narrow it to a rule the policy lists"));
            }
        }

        void Each(IList<string>? values, string field, Func<string, string?> check)
        {
            if (values is not { Count: > 0 })
            {
                problems.Add(new(field, "is required; list at least one value"));
                return;
            }
            for (var j = 0; j < values.Count; j++)
            {
                if (check(values[j] ?? "") is { } message) problems.Add(new($"{field}[{j}]", message));
            }
        }
    }

    public static bool HasWriteVerbs(IEnumerable<PermissionRule>? rules) =>
        rules?.Any(r => r.Verbs.Any(v => WriteVerbs.Contains(v.ToLowerInvariant()))) == true;

    private static string? ResourceProblem(string resource)
    {
        var name = resource.ToLowerInvariant();
        if (name.Contains('*')) return $"\"{resource}\" is a wildcard; name each resource";
        if (ForbiddenResources.Contains(name) || name == "nodes" || name.StartsWith("nodes/", StringComparison.Ordinal)
            || name.StartsWith("secrets/", StringComparison.Ordinal))
            return $"\"{resource}\" is never granted to an agent (it could read credentials or leave its sandbox); use a ConfigMap input or the gateway instead";
        return null;
    }

    /// <summary>True when <paramref name="allowed"/> grants at least everything <paramref name="rule"/> asks for.</summary>
    private static bool Covers(PermissionRule allowed, PermissionRule rule) =>
        rule.ApiGroups.All(allowed.ApiGroups.Contains)
        && rule.Resources.All(allowed.Resources.Contains)
        && rule.Verbs.All(allowed.Verbs.Contains)
        && (allowed.ResourceNames is not { Count: > 0 } || (rule.ResourceNames is { Count: > 0 } && rule.ResourceNames.All(allowed.ResourceNames.Contains)));
}
