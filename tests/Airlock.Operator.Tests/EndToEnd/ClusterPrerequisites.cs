using System.Net;
using Airlock.Operator.Hosting;
using Airlock.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Operator.Tests.EndToEnd;

/// <summary>What a cluster needs before the operator can run tasks: the CRDs, the system namespace and the Kata RuntimeClasses.</summary>
public static class ClusterPrerequisites
{
    public const string SystemNamespace = "airlock-system";

    public static readonly string[] RuntimeClasses = ["kata-qemu", "kata-clh", "kata-fc"];

    public static async Task EnsureAsync(IKubernetes client)
    {
        await CrdInstaller.EnsureAsync(client, CancellationToken.None);
        await IgnoreConflict(() => client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = SystemNamespace } }));
        foreach (var name in RuntimeClasses)
        {
            // On a real cluster with Kata installed these exist already; the local control plane needs them to start pods.
            await IgnoreConflict(() => client.NodeV1.CreateRuntimeClassAsync(new V1RuntimeClass { Metadata = new V1ObjectMeta { Name = name }, Handler = name }));
        }
    }

    /// <summary>
    /// A client acting as the operator's own service account (so its requests can be counted apart from the test's);
    /// on a real cluster the admin client.
    /// </summary>
    public static async Task<IKubernetes> OperatorClientAsync(TestCluster cluster, string name = "airlock-operator")
    {
        if (cluster.Local is null) return cluster.Client;
        var client = cluster.Client;
        await IgnoreConflict(() => client.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = name } }, SystemNamespace));
        await IgnoreConflict(() => client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = $"{name}-test" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = name, NamespaceProperty = SystemNamespace }],
        }));
        var token = await client.CoreV1.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 3600 } }, name, SystemNamespace);
        return cluster.Local.CreateClientWithToken(token.Status.Token);
    }

    public static string OperatorUser(string name = "airlock-operator") => $"system:serviceaccount:{SystemNamespace}:{name}";

    private static async Task IgnoreConflict(Func<Task> create)
    {
        try
        {
            await create();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }
}
