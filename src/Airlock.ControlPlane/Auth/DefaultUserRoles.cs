using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>
/// The rules of the user-facing roles <c>view</c>, <c>edit</c> and <c>admin</c>, arranged as Kubernetes ships them: the
/// <c>system:aggregate-to-*</c> ClusterRoles hold the rules and the user-facing roles aggregate them by label.
/// </summary>
internal static class DefaultUserRoles
{
    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "delete", "deletecollection", "patch", "update"];
    private static readonly string[] ReadWrite = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public static JsonObject[] AggregateToView() =>
    [
        Rule(Read, "", "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers",
            "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"),
        Rule(Read, "", "bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status",
            "resourcequotas", "resourcequotas/status"),
        Rule(Read, "", "namespaces"),
        Rule(Read, "discovery.k8s.io", "endpointslices"),
        Rule(Read, "apps", "controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
            "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status"),
        Rule(Read, "autoscaling", "horizontalpodautoscalers", "horizontalpodautoscalers/status"),
        Rule(Read, "batch", "cronjobs", "cronjobs/status", "jobs", "jobs/status"),
        Rule(Read, "policy", "poddisruptionbudgets", "poddisruptionbudgets/status"),
        Rule(Read, "networking.k8s.io", "ingresses", "ingresses/status", "networkpolicies"),
        Rule(Read, "events.k8s.io", "events"),
    ];

    /// <summary>Write access to workloads and config, secrets included, and impersonating the namespace's service accounts.</summary>
    public static JsonObject[] AggregateToEdit() =>
    [
        Rule(["impersonate"], "", "serviceaccounts"),
        Rule(Write, "", "pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"),
        Rule(["create"], "", "pods/eviction"),
        Rule(Write, "", "configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets",
            "serviceaccounts", "services", "services/proxy"),
        Rule(["create"], "", "serviceaccounts/token"),
        Rule(Write, "apps", "daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale",
            "statefulsets", "statefulsets/scale"),
        Rule(Write, "autoscaling", "horizontalpodautoscalers"),
        Rule(Write, "batch", "cronjobs", "jobs"),
        Rule(Write, "networking.k8s.io", "ingresses", "networkpolicies"),
        Rule(Write, "policy", "poddisruptionbudgets"),
        Rule(Read, "", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"),
    ];

    /// <summary>Managing RBAC inside the namespace and asking access questions about it.</summary>
    public static JsonObject[] AggregateToAdmin() =>
    [
        Rule(["create"], "authorization.k8s.io", "localsubjectaccessreviews"),
        Rule(ReadWrite, "rbac.authorization.k8s.io", "rolebindings", "roles"),
    ];

    public static JsonObject Rule(string[] verbs, string apiGroup, params string[] resources) => new()
    {
        ["apiGroups"] = JsonFields.Array([apiGroup]),
        ["resources"] = JsonFields.Array(resources),
        ["verbs"] = JsonFields.Array(verbs),
    };

    public static JsonObject NonResourceRule(string[] verbs, params string[] urls) => new()
    {
        ["nonResourceURLs"] = JsonFields.Array(urls),
        ["verbs"] = JsonFields.Array(verbs),
    };
}
