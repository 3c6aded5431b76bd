using Airlock.ControlPlane.Server;
using Microsoft.Extensions.Logging;

namespace Airlock.Gateway.Hosting;

/// <summary>
/// Runs the gateway beside the local control plane (<see cref="LocalControlPlaneOptions.Components"/>): it talks to the API
/// server like any client, as admin. <see cref="Started"/> completes with the running server (its address goes into
/// <c>endpoints.json</c> as <c>"gateway"</c>).
/// </summary>
public sealed class GatewayComponent(GatewayComponentOptions options, ILoggerFactory? loggerFactory = null) : ILocalComponent
{
    private readonly TaskCompletionSource<GatewayServer> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<GatewayServer> Started => _started.Task;

    /// <summary>What this gateway serves and where its stores are (as <c>airlock dev</c>'s flags set them).</summary>
    public GatewayComponentOptions Options => options;

    public async Task RunAsync(LocalControlPlane controlPlane, CancellationToken cancellationToken)
    {
        try
        {
            using var client = controlPlane.CreateClient("admin");
            await using var audit = await GatewayStores.OpenAuditAsync(options, cancellationToken).ConfigureAwait(false);
            await using var limits = await GatewayStores.OpenLimitsAsync(options).ConfigureAwait(false);
            var dependencies = new GatewayDependencies
            {
                Client = client,
                Audit = audit,
                Limits = limits,
                Scanner = options.Scanner,
                SignalSeal = options.SignalSeal,
                LoggerFactory = loggerFactory,
            };
            await using var server = await GatewayServer.StartAsync(options.Gateway, dependencies, cancellationToken).ConfigureAwait(false);
            _started.TrySetResult(server);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception e)
        {
            _started.TrySetException(e);
            if (e is not OperationCanceledException) throw;
        }
        finally
        {
            _started.TrySetCanceled(CancellationToken.None);
        }
    }
}
