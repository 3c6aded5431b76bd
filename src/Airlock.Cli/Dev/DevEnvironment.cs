using System.Text.Json.Nodes;
using Airlock.ControlPlane.Server;
using Airlock.Operator.Hosting;

namespace Airlock.Cli.Dev;

/// <summary>
/// The local control plane with Airlock in it: the API server, the simulated kubelet, the CRDs, <c>airlock-system</c>,
/// the Kata RuntimeClasses and the operator, plus <c>kubeconfig</c> and <c>endpoints.json</c> in the state directory
/// (endpoints.json last: its presence tells scripts everything is ready).
/// </summary>
public sealed class DevEnvironment : IAsyncDisposable
{
    private DevEnvironment(LocalControlPlane controlPlane, OperatorHost host, string kubeconfigPath, string endpointsPath)
    {
        ControlPlane = controlPlane;
        Operator = host;
        KubeconfigPath = kubeconfigPath;
        EndpointsPath = endpointsPath;
    }

    public LocalControlPlane ControlPlane { get; }

    public OperatorHost Operator { get; }

    public string KubeconfigPath { get; }

    public string EndpointsPath { get; }

    public static async Task<DevEnvironment> StartAsync(DevEnvironmentOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.StateDir);
        var kubeconfig = Path.GetFullPath(Path.Combine(options.StateDir, "kubeconfig"));
        var endpoints = Path.GetFullPath(Path.Combine(options.StateDir, "endpoints.json"));
        File.Delete(endpoints);
        var services = DevServices.Create(options);
        var component = new OperatorComponent(services.Configure(options.Operator), options.LoggerFactory);
        var plane = await StartControlPlaneAsync(
            new LocalControlPlaneOptions { Port = options.Port, LoggerFactory = options.LoggerFactory, Components = services.Components },
            component, cancellationToken).ConfigureAwait(false);
        var host = await component.Ready.ConfigureAwait(false);
        var gateway = await services.Gateway.Started.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        var egress = await services.Egress.Ready.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        plane.WriteKubeconfig(kubeconfig);
        var tmp = endpoints + ".tmp";
        var document = new JsonObject
        {
            ["apiServer"] = plane.ServerUrl,
            ["gateway"] = gateway.Address.ToString().TrimEnd('/'),
            ["egressProxy"] = egress.ProxyUrl,
            ["operatorMetrics"] = host.HealthAddress is { } health ? new Uri(health, "metrics").ToString() : null,
        };
        await File.WriteAllTextAsync(tmp, document.ToJsonString() + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(tmp, endpoints, overwrite: true);
        return new DevEnvironment(plane, host, kubeconfig, endpoints);
    }

    private static async Task<LocalControlPlane> StartControlPlaneAsync(
        LocalControlPlaneOptions options, OperatorComponent component, CancellationToken cancellationToken)
    {
        var plane = await LocalControlPlane.StartAsync(options with { Components = [.. options.Components, component] }, cancellationToken).ConfigureAwait(false);
        try
        {
            await component.Ready.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await plane.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return plane;
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(EndpointsPath);
        await ControlPlane.DisposeAsync().ConfigureAwait(false);
    }
}
