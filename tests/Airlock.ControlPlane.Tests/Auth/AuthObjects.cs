using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Tests.Auth;

/// <summary>Minimal stored objects for auth tests.</summary>
internal static class AuthObjects
{
    public static JsonObject ServiceAccount(string ns, string name, string uid) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ServiceAccount",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = uid },
    };

    public static JsonObject Pod(string ns, string name, string uid, string serviceAccount) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = uid },
        ["spec"] = new JsonObject { ["serviceAccountName"] = serviceAccount },
    };

    public static JsonObject Secret(string ns, string name, string uid) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = uid },
    };

    public static JsonObject Rule(string[] verbs, string[] apiGroups, string[] resources, string[]? resourceNames = null)
    {
        var rule = new JsonObject
        {
            ["verbs"] = Array(verbs),
            ["apiGroups"] = Array(apiGroups),
            ["resources"] = Array(resources),
        };
        if (resourceNames is not null) rule["resourceNames"] = Array(resourceNames);
        return rule;
    }

    public static JsonObject NonResourceRule(string[] verbs, string[] urls) => new() { ["verbs"] = Array(verbs), ["nonResourceURLs"] = Array(urls) };

    public static JsonObject Role(string? ns, string name, params JsonObject[] rules)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        return new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = ns is null ? "ClusterRole" : "Role",
            ["metadata"] = metadata,
            ["rules"] = new JsonArray(rules),
        };
    }

    public static JsonObject Binding(string? ns, string name, string roleKind, string roleName, params JsonObject[] subjects)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        return new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = ns is null ? "ClusterRoleBinding" : "RoleBinding",
            ["metadata"] = metadata,
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = roleKind, ["name"] = roleName },
            ["subjects"] = new JsonArray(subjects),
        };
    }

    public static JsonObject User(string name) => new() { ["kind"] = "User", ["apiGroup"] = "rbac.authorization.k8s.io", ["name"] = name };

    public static JsonObject Group(string name) => new() { ["kind"] = "Group", ["apiGroup"] = "rbac.authorization.k8s.io", ["name"] = name };

    public static JsonObject ServiceAccountSubject(string name, string? ns = null)
    {
        var subject = new JsonObject { ["kind"] = "ServiceAccount", ["name"] = name };
        if (ns is not null) subject["namespace"] = ns;
        return subject;
    }

    private static JsonArray Array(string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
