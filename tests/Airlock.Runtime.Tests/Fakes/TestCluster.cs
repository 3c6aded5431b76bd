using Airlock.ControlPlane.Server;
using k8s;
using k8s.Models;

namespace Airlock.Runtime.Tests.Fakes;

/// <summary>
/// The cluster integration tests talk to: the one KUBECONFIG points at when set, otherwise a local control
/// plane on loopback. Each test gets its own random namespace.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly LocalControlPlane? _local;

    private TestCluster(LocalControlPlane? local, IKubernetes client)
    {
        _local = local;
        Client = client;
    }

    public IKubernetes Client { get; }

    public static async Task<TestCluster> StartAsync()
    {
        var kubeconfig = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrEmpty(kubeconfig) && File.Exists(kubeconfig))
        {
            return new TestCluster(null, new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig)));
        }
        var local = await LocalControlPlane.StartAsync(new LocalControlPlaneOptions { EnableKubelet = false });
        return new TestCluster(local, local.CreateClient());
    }

    public async Task<string> CreateNamespaceAsync()
    {
        var name = "rt-" + Guid.NewGuid().ToString("N")[..10];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_local is not null) await _local.DisposeAsync();
    }
}
