using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage;

namespace Airlock.ControlPlane.Auth;

/// <summary>RBAC over the stored Roles, ClusterRoles and their bindings; <c>system:masters</c> bypasses.</summary>
/// <remarks>
/// When the reader tracks revisions (the store does), what a user is granted in a namespace is resolved once and reused
/// until a Role, ClusterRole or binding changes; otherwise bindings are read on every call. Parsed rules are cached per
/// stored snapshot, which is immutable, so a changed role is a new snapshot and never served stale.
/// </remarks>
public sealed class RbacAuthorizer(IObjectReader store) : IAuthorizer, IRuleResolver
{
    private static readonly ResourceType[] RbacTypes =
        [BuiltinResources.ClusterRoleBindings, BuiltinResources.RoleBindings, BuiltinResources.ClusterRoles, BuiltinResources.Roles];

    private readonly IObjectReader _store = store;
    private readonly ConditionalWeakTable<JsonObject, IReadOnlyList<PolicyRule>> _parsed = [];
    private volatile GrantCache? _cache;

    public AuthorizationDecision Authorize(AuthorizationAttributes attributes)
    {
        if (attributes.User.IsMaster) return AuthorizationDecision.Allow("system:masters");
        var errors = new List<string>();
        IEnumerable<RbacGrant> grants;
        if (Cached(attributes.User, attributes.Namespace) is { } cached)
        {
            grants = cached.Grants;
            errors.AddRange(cached.Errors);
        }
        else
        {
            grants = Grants(attributes.User, attributes.Namespace, errors);
        }
        foreach (var grant in grants)
        {
            foreach (var rule in grant.Rules)
            {
                if (rule.Allows(attributes)) return AuthorizationDecision.Allow($"RBAC: allowed by {grant.Source}");
            }
        }
        // Like the API server: no reason for a plain "no", the lookup problems otherwise (they end up in the 403 text).
        return AuthorizationDecision.Deny(errors.Count switch
        {
            0 => "",
            1 => $"RBAC: {errors[0]}",
            _ => $"RBAC: [{string.Join(", ", errors)}]",
        });
    }

    /// <summary>Every grant of <paramref name="user"/> in <paramref name="namespace"/>, resolved once per RBAC revision; null when the reader has no revisions.</summary>
    private CachedGrants? Cached(UserInfo user, string @namespace)
    {
        var revisions = new long[RbacTypes.Length];
        for (var i = 0; i < RbacTypes.Length; i++)
        {
            if (_store.RevisionOf(RbacTypes[i]) is not { } revision) return null;
            revisions[i] = revision;
        }
        var cache = _cache;
        if (cache is null || !cache.IsCurrent(revisions)) _cache = cache = new GrantCache(revisions);
        return cache.GetOrAdd(user, @namespace, () =>
        {
            var errors = new List<string>();
            var grants = Grants(user, @namespace, errors).ToList();
            return new CachedGrants(grants, errors);
        });
    }

    public RuleResolution RulesFor(UserInfo user, string @namespace)
    {
        var errors = new List<string>();
        var rules = Grants(user, @namespace, errors).SelectMany(g => g.Rules).ToList();
        return new RuleResolution(rules, errors);
    }

    /// <summary>Rules granted to <paramref name="user"/> for requests in <paramref name="namespace"/> ("" = cluster scope), lazily.</summary>
    private IEnumerable<RbacGrant> Grants(UserInfo user, string @namespace, List<string> errors)
    {
        foreach (var binding in _store.List(BuiltinResources.ClusterRoleBindings, null))
        {
            if (FirstMatchingSubject(binding, user, "") is not { } subject) continue;
            if (RoleRules(binding, "", errors) is { } rules) yield return new RbacGrant(Describe("ClusterRoleBinding", binding, subject, ""), rules);
        }
        // A RoleBinding grants only inside its own namespace, even when it points at a ClusterRole.
        if (@namespace.Length == 0) yield break;
        foreach (var binding in _store.List(BuiltinResources.RoleBindings, @namespace))
        {
            if (FirstMatchingSubject(binding, user, @namespace) is not { } subject) continue;
            if (RoleRules(binding, @namespace, errors) is { } rules) yield return new RbacGrant(Describe("RoleBinding", binding, subject, @namespace), rules);
        }
    }

    private static JsonNode? FirstMatchingSubject(JsonObject binding, UserInfo user, string bindingNamespace) =>
        binding["subjects"] is JsonArray subjects ? subjects.FirstOrDefault(s => AppliesTo(s, user, bindingNamespace)) : null;

    private static bool AppliesTo(JsonNode? subject, UserInfo user, string bindingNamespace)
    {
        var name = JsonFields.Str(subject, "name");
        switch (JsonFields.Str(subject, "kind"))
        {
            case "User":
                return name == user.Name;
            case "Group":
                return user.Groups.Contains(name, StringComparer.Ordinal);
            case "ServiceAccount":
                // The subject's namespace defaults to the binding's; a ClusterRoleBinding must name it.
                var ns = JsonFields.Str(subject, "namespace") is { Length: > 0 } explicitNs ? explicitNs : bindingNamespace;
                return ns.Length > 0 && name.Length > 0 && user.Name == $"{UserInfo.ServiceAccountPrefix}{ns}:{name}";
            default:
                return false;
        }
    }

    private IReadOnlyList<PolicyRule>? RoleRules(JsonObject binding, string bindingNamespace, List<string> errors)
    {
        var kind = JsonFields.Str(binding, "roleRef", "kind");
        var name = JsonFields.Str(binding, "roleRef", "name");
        if (kind == "ClusterRole")
        {
            if (_store.Get(BuiltinResources.ClusterRoles, null, name) is { } clusterRole) return ClusterRoleRules(clusterRole, []);
            errors.Add($"clusterrole.rbac.authorization.k8s.io \"{name}\" not found");
            return null;
        }
        if (kind == "Role" && bindingNamespace.Length > 0)
        {
            if (_store.Get(BuiltinResources.Roles, bindingNamespace, name) is { } role) return OwnRules(role);
            errors.Add($"role.rbac.authorization.k8s.io \"{name}\" not found");
            return null;
        }
        errors.Add($"unsupported role reference kind: \"{kind}\"");
        return null;
    }

    /// <summary>A ClusterRole's rules plus, when it has an <c>aggregationRule</c>, those of every ClusterRole its selectors pick.</summary>
    /// <remarks>The API server's aggregation controller writes these into the role; evaluating them here needs no controller.</remarks>
    private IReadOnlyList<PolicyRule> ClusterRoleRules(JsonObject clusterRole, HashSet<string> visited)
    {
        var own = OwnRules(clusterRole);
        if (JsonFields.Obj(clusterRole, "aggregationRule")?["clusterRoleSelectors"] is not JsonArray { Count: > 0 } selectors) return own;
        visited.Add(JsonFields.Str(clusterRole, "metadata", "name"));
        var rules = new List<PolicyRule>(own);
        foreach (var candidate in _store.List(BuiltinResources.ClusterRoles, null))
        {
            var name = JsonFields.Str(candidate, "metadata", "name");
            if (visited.Contains(name)) continue;
            var labels = JsonFields.Obj(candidate, "metadata", "labels");
            if (selectors.Any(s => LabelSelector.Matches(s, labels))) rules.AddRange(ClusterRoleRules(candidate, visited));
        }
        return rules;
    }

    private IReadOnlyList<PolicyRule> OwnRules(JsonObject role) =>
        _parsed.GetValue(role, r => r["rules"] is JsonArray rules ? rules.Select(PolicyRule.FromJson).ToList() : []);

    private static string Describe(string bindingKind, JsonObject binding, JsonNode subject, string bindingNamespace)
    {
        var name = JsonFields.Str(binding, "metadata", "name");
        if (bindingNamespace.Length > 0) name = $"{name}/{bindingNamespace}";
        var subjectKind = JsonFields.Str(subject, "kind");
        var subjectName = JsonFields.Str(subject, "name");
        if (subjectKind == "ServiceAccount")
        {
            subjectName += "/" + (JsonFields.Str(subject, "namespace") is { Length: > 0 } ns ? ns : bindingNamespace);
        }
        return $"{bindingKind} \"{name}\" of {JsonFields.Str(binding, "roleRef", "kind")} \"{JsonFields.Str(binding, "roleRef", "name")}\" to {subjectKind} \"{subjectName}\"";
    }
}
