using System.Net;
using Airlock.ControlPlane.Auth;
using Airlock.ControlPlane.Server;
using Airlock.ControlPlane.Server.Diagnostics;
using Airlock.Operator.Hosting;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Airlock.Bench.Hosting;

/// <summary>
/// The local control plane hosted in the bench process (so its counters and fault knobs are at hand), with what the
/// operator needs before it can run tasks: the CRDs, <c>airlock-system</c>, the Kata RuntimeClasses and service accounts
/// for operators started as child processes (each counted apart from the load generator under its own user name).
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    public const string SystemNamespace = "airlock-system";

    private static readonly string[] RuntimeClasses = ["kata-qemu", "kata-clh", "kata-fc"];

    private readonly string _stateDir;

    private BenchCluster(LocalControlPlane plane, string stateDir)
    {
        ControlPlane = plane;
        _stateDir = stateDir;
        Admin = plane.CreateClient("admin");
    }

    public LocalControlPlane ControlPlane { get; }

    /// <summary>The load generator's client (user admin).</summary>
    public Kubernetes Admin { get; }

    public RequestCounters Counters => ControlPlane.Counters;

    public TestKnobs Knobs => ControlPlane.Knobs;

    public string StateDir => _stateDir;

    public static async Task<BenchCluster> StartAsync(string stateDir, int watchHistorySize = 5000, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(stateDir);
        var plane = await LocalControlPlane.StartAsync(new LocalControlPlaneOptions { WatchHistorySize = watchHistorySize }, cancellationToken).ConfigureAwait(false);
        var cluster = new BenchCluster(plane, stateDir);
        try
        {
            await CrdInstaller.EnsureAsync(cluster.Admin, cancellationToken).ConfigureAwait(false);
            await IgnoreConflictAsync(() => cluster.Admin.CoreV1.CreateNamespaceAsync(
                new V1Namespace { Metadata = new V1ObjectMeta { Name = SystemNamespace } }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var name in RuntimeClasses)
            {
                await IgnoreConflictAsync(() => cluster.Admin.NodeV1.CreateRuntimeClassAsync(
                    new V1RuntimeClass { Metadata = new V1ObjectMeta { Name = name }, Handler = name }, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return cluster;
    }

    /// <summary>The user name the API server counts requests of service account <paramref name="name"/> under.</summary>
    public static string ServiceAccountUser(string name) => $"system:serviceaccount:{SystemNamespace}:{name}";

    /// <summary>
    /// A kubeconfig for a new service account <paramref name="name"/> bound to cluster-admin (what the operator's
    /// ClusterRole would grant on a real install); returns its path.
    /// </summary>
    public async Task<string> WriteServiceAccountKubeconfigAsync(string name, CancellationToken cancellationToken = default)
    {
        await IgnoreConflictAsync(() => Admin.CoreV1.CreateNamespacedServiceAccountAsync(
            new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = name } }, SystemNamespace, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await IgnoreConflictAsync(() => Admin.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = $"{name}-bench" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = name, NamespaceProperty = SystemNamespace }],
        }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var token = await Admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 6 * 3600 } }, name, SystemNamespace,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var path = Path.Combine(_stateDir, $"{name}.kubeconfig");
        var yaml = Kubeconfig.Render(ControlPlane.ServerUrl, ControlPlane.CertificateAuthorityPem, [new StaticUser(name, token.Status.Token, [])], name);
        await File.WriteAllTextAsync(path, yaml, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public async Task CreateNamespaceAsync(string name, CancellationToken cancellationToken = default) =>
        await Admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a namespace and waits until it (and so everything in it) is gone.</summary>
    public async Task DeleteNamespaceAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            await Admin.CoreV1.DeleteNamespaceAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await Admin.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
                return false;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                return true;
            }
        }, timeout, $"namespace {name} to be deleted", cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await ControlPlane.DisposeAsync().ConfigureAwait(false);
    }

    internal static async Task IgnoreConflictAsync(Func<Task> create)
    {
        try
        {
            await create().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // Already there.
        }
    }
}
