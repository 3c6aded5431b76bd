using System.Text.Json.Nodes;
using static Airlock.ControlPlane.Auth.DefaultUserRoles;

namespace Airlock.ControlPlane.Auth;

/// <summary>
/// The RBAC objects a fresh cluster starts with (cluster-admin, system:discovery, system:basic-user, … and their bindings);
/// the server seeds them into the store at start-up.
/// </summary>
public static class BootstrapPolicy
{
    private const string AggregateToView = "rbac.authorization.k8s.io/aggregate-to-view";
    private const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    private const string AggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";

    private static readonly string[] Get = ["get"];

    /// <summary>ClusterRoles and ClusterRoleBindings as full objects (apiVersion, kind, metadata, rules/subjects).</summary>
    public static IReadOnlyList<JsonObject> Objects()
    {
        var view = AggregateToView();
        var edit = AggregateToEdit().Concat(view).ToArray();
        var admin = AggregateToAdmin().Concat(edit).ToArray();
        return
        [
            ClusterRole("cluster-admin", [Rule(["*"], "*", "*"), NonResourceRule(["*"], "*")]),
            ClusterRole("system:discovery", [NonResourceRule(Get, "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*",
                "/readyz", "/version", "/version/")]),
            ClusterRole("system:public-info-viewer", [NonResourceRule(Get, "/healthz", "/livez", "/readyz", "/version", "/version/")]),
            ClusterRole("system:basic-user",
            [
                Rule(["create"], "authorization.k8s.io", "selfsubjectaccessreviews", "selfsubjectrulesreviews"),
                Rule(["create"], "authentication.k8s.io", "selfsubjectreviews"),
            ]),
            ClusterRole("system:service-account-issuer-discovery",
                [NonResourceRule(Get, "/.well-known/openid-configuration", "/.well-known/openid-configuration/", "/openid/v1/jwks", "/openid/v1/jwks/")]),
            // The aggregated roles carry the union the aggregation controller would write; the authorizer also aggregates live.
            Aggregated(ClusterRole("admin", admin), AggregateToAdmin),
            Aggregated(ClusterRole("edit", edit, AggregateToAdmin), AggregateToEdit),
            Aggregated(ClusterRole("view", view, AggregateToEdit), AggregateToView),
            ClusterRole("system:aggregate-to-admin", AggregateToAdmin(), AggregateToAdmin),
            ClusterRole("system:aggregate-to-edit", AggregateToEdit(), AggregateToEdit),
            ClusterRole("system:aggregate-to-view", AggregateToView(), AggregateToView),

            ClusterRoleBinding("cluster-admin", "cluster-admin", "system:masters"),
            ClusterRoleBinding("system:discovery", "system:discovery", "system:authenticated"),
            ClusterRoleBinding("system:public-info-viewer", "system:public-info-viewer", "system:authenticated", "system:unauthenticated"),
            ClusterRoleBinding("system:basic-user", "system:basic-user", "system:authenticated"),
            ClusterRoleBinding("system:service-account-issuer-discovery", "system:service-account-issuer-discovery", "system:serviceaccounts"),
        ];
    }

    private static JsonObject Metadata(string name, string? extraLabel = null)
    {
        var labels = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
        if (extraLabel is not null) labels[extraLabel] = "true";
        return new JsonObject
        {
            ["name"] = name,
            ["labels"] = labels,
            ["annotations"] = new JsonObject { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
        };
    }

    private static JsonObject ClusterRole(string name, JsonObject[] rules, string? label = null) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = Metadata(name, label),
        ["rules"] = new JsonArray(rules.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
    };

    private static JsonObject Aggregated(JsonObject clusterRole, string selectorLabel)
    {
        clusterRole["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject { ["matchLabels"] = new JsonObject { [selectorLabel] = "true" } }),
        };
        return clusterRole;
    }

    private static JsonObject ClusterRoleBinding(string name, string role, params string[] groups) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = Metadata(name),
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role },
        ["subjects"] = new JsonArray(groups.Select(g => (JsonNode?)new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io",
            ["kind"] = "Group",
            ["name"] = g,
        }).ToArray()),
    };
}
