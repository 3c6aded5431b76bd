using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>The roles the governance tests give alice and bob: editing tasks, and the approve/reject/quarantine verbs.</summary>
public static class GovernanceRbac
{
    public const string Editor = "airlock-test-task-editor";
    public const string Approver = "airlock-test-approver";
    public const string Quarantiner = "airlock-test-quarantiner";

    public static async Task EnsureRolesAsync(IKubernetes client)
    {
        await Role(client, Editor, "get", "list", "watch", "create", "update", "patch", "delete");
        await Role(client, Approver, "get", "approve", "reject");
        await Role(client, Quarantiner, "get", "quarantine");
    }

    /// <summary>Binds <paramref name="role"/> to <paramref name="users"/> in <paramref name="namespace"/>.</summary>
    public static async Task GrantAsync(IKubernetes client, string @namespace, string role, params string[] users)
    {
        await EnsureRolesAsync(client);
        await client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = $"{role}-{string.Join("-", users)}" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = role },
            Subjects = users.Select(u => new Rbacv1Subject { ApiGroup = "rbac.authorization.k8s.io", Kind = "User", Name = u }).ToList(),
        }, @namespace);
    }

    private static async Task Role(IKubernetes client, string name, params string[] verbs)
    {
        try
        {
            await client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
            {
                Metadata = new V1ObjectMeta { Name = name },
                Rules = [new V1PolicyRule { ApiGroups = [Api.AgentsGroup.Name], Resources = ["agenttasks"], Verbs = verbs }],
            });
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }
}
