using k8s;

namespace Airlock.ControlPlane.Kubelet;

/// <summary>
/// A kubelet without containers: a client of the API server (as the real kubelet is) that schedules pods onto one
/// node, gives each a distinct 127.x.y.z IP and moves it through its phases.
/// </summary>
public sealed class SimulatedKubelet(IKubernetes client, KubeletOptions options)
{
    private readonly IKubernetes _client = client;
    private readonly KubeletOptions _options = options;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        _ = (_client, _options);
        return Task.CompletedTask;
    }
}
