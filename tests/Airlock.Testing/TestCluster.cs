using Airlock.ControlPlane.Server;
using k8s;
using k8s.Models;
using NUnit.Framework;

namespace Airlock.Testing;

/// <summary>
/// The cluster a test talks to: an in-process <see cref="LocalControlPlane"/>, or the real cluster named by
/// <c>AIRLOCK_TEST_KUBECONFIG</c> (its current context acts as admin). Tests use only the Kubernetes API, kubectl and,
/// where they must, the documented knobs of <see cref="Local"/> (call <see cref="RequireLocal"/> first).
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    public const string KubeconfigVariable = "AIRLOCK_TEST_KUBECONFIG";

    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static TestCluster? _shared;
    private readonly string _workDir;

    private TestCluster(string kubeconfigPath, LocalControlPlane? local, string workDir)
    {
        KubeconfigPath = kubeconfigPath;
        Local = local;
        _workDir = workDir;
        Client = local?.CreateClient("admin") ?? new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath));
        Kubectl = new Kubectl(kubeconfigPath, [], Path.Combine(workDir, "kubectl-cache"));
    }

    /// <summary>The in-process control plane, or null when running against a real cluster.</summary>
    public LocalControlPlane? Local { get; }

    public bool IsLocal => Local is not null;

    public string KubeconfigPath { get; }

    /// <summary>A KubernetesClient with admin rights.</summary>
    public Kubernetes Client { get; }

    /// <summary>kubectl as admin.</summary>
    public Kubectl Kubectl { get; }

    /// <summary>The cluster every test in the process shares (started on first use).</summary>
    public static async Task<TestCluster> SharedAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            return _shared ??= await CreateAsync(null);
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>Stops the shared cluster (from a [OneTimeTearDown] of a SetUpFixture).</summary>
    public static async Task DisposeSharedAsync()
    {
        var shared = Interlocked.Exchange(ref _shared, null);
        if (shared is not null) await shared.DisposeAsync();
    }

    /// <summary>A cluster of the test's own: a fresh local control plane with <paramref name="options"/> (or the real cluster).</summary>
    public static Task<TestCluster> StartPrivateAsync(LocalControlPlaneOptions? options = null) => CreateAsync(options ?? new LocalControlPlaneOptions());

    private static async Task<TestCluster> CreateAsync(LocalControlPlaneOptions? options)
    {
        var workDir = Directory.CreateTempSubdirectory("airlock-test-").FullName;
        if (Environment.GetEnvironmentVariable(KubeconfigVariable) is { Length: > 0 } real) return new TestCluster(real, null, workDir);
        var local = await LocalControlPlane.StartAsync(options ?? new LocalControlPlaneOptions());
        var kubeconfig = Path.Combine(workDir, "kubeconfig");
        local.WriteKubeconfig(kubeconfig);
        return new TestCluster(kubeconfig, local, workDir);
    }

    /// <summary>Skips the test on a real cluster: it needs the local control plane's test knobs or internals.</summary>
    public LocalControlPlane RequireLocal()
    {
        if (Local is null) Assert.Ignore("needs the local control plane's test knobs; not run against a real cluster");
        return Local!;
    }

    /// <summary>kubectl as alice or bob (group airlock:users): their kubeconfig context locally, impersonation on a real cluster.</summary>
    public Kubectl KubectlAs(string user) => IsLocal
        ? new Kubectl(KubeconfigPath, ["--context", user], Path.Combine(_workDir, "kubectl-cache"))
        : new Kubectl(KubeconfigPath, ["--as", user, "--as-group", "airlock:users", "--as-group", "system:authenticated"], Path.Combine(_workDir, "kubectl-cache"));

    /// <summary>A new namespace with a random name, deleted when the returned handle is disposed.</summary>
    public async Task<TestNamespace> CreateNamespaceAsync(string prefix = "t")
    {
        var ns = await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { GenerateName = prefix + "-" } });
        return new TestNamespace(this, ns.Metadata.Name);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Local is not null) await Local.DisposeAsync();
        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
