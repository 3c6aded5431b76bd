using Airlock.Install.Tests.Helm;
using Airlock.Install.Tests.Support;
using Airlock.Testing;
using k8s;
using k8s.Models;

namespace Airlock.Install.Tests.ChartRbac;

/// <summary>
/// What an install puts in a cluster besides workloads, applied with the real kubectl: the chart's CRDs, service accounts,
/// roles and bindings, default policy and RuntimeClasses. The webhook configurations are left out because nothing serves
/// them here, and so are the monitoring kinds (no CRDs for them).
/// </summary>
public static class ChartInstall
{
    public const string SystemNamespace = "airlock-system";

    private static readonly HashSet<string> AppliedKinds =
        ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "RuntimeClass", "ConfigMap", "ClusterAgentPolicy"];

    public static async Task ApplyAsync(TestCluster cluster)
    {
        (await cluster.Kubectl.RunAsync("create", "namespace", SystemNamespace)).EnsureSuccess();
        (await cluster.Kubectl.RunAsync("apply", "-f", Path.Combine(Support.Helm.ChartPath, "crds"))).EnsureSuccess();
        (await cluster.Kubectl.RunAsync("wait", "--for", "condition=Established", "crd", "--all", "--timeout", "60s")).EnsureSuccess();
        var rendered = Support.Helm.Template([ValueSets.ValuesFile("default")], ["runtimeClasses.create=true"]).EnsureSuccess().Stdout;
        var documents = rendered.Split("\n---", StringSplitOptions.RemoveEmptyEntries)
            .Where(d => Manifest.ParseAll(d).SingleOrDefault() is { } m && AppliedKinds.Contains(m.Kind));
        (await cluster.Kubectl.RunAsync(["apply", "-f", "-"], string.Join("\n---\n", documents))).EnsureSuccess();
    }

    /// <summary>A client that authenticates as the chart's service account <c>airlock-&lt;component&gt;</c> (a one-hour token).</summary>
    public static async Task<IKubernetes> ClientOfAsync(TestCluster cluster, string component)
    {
        var token = await cluster.Client.CoreV1.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 3600 } }, $"airlock-{component}", SystemNamespace);
        return cluster.RequireLocal().CreateClientWithToken(token.Status.Token);
    }
}
