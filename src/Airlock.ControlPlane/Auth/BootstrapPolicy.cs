using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>
/// The RBAC objects a fresh cluster starts with (cluster-admin, system:discovery, system:basic-user, … and their bindings);
/// the server seeds them into the store at start-up.
/// </summary>
public static class BootstrapPolicy
{
    /// <summary>ClusterRoles and ClusterRoleBindings as full objects (apiVersion, kind, metadata, rules/subjects).</summary>
    public static IReadOnlyList<JsonObject> Objects() => [];
}
