using Airlock.ControlPlane.Server;
using Airlock.Operator.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Cli.Dev;

/// <summary>
/// The operator as a part of the local control plane: once the API server is up it installs the prerequisites (CRDs,
/// <c>airlock-system</c>, the Kata RuntimeClasses) and runs an <see cref="OperatorHost"/> until the plane stops. The operator's
/// admission webhooks are registered with the plane, so <c>kubectl apply</c> of a bad task is refused.
/// </summary>
public sealed class OperatorComponent : ILocalComponent
{
    private readonly OperatorSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TaskCompletionSource<OperatorHost> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OperatorComponent(OperatorSettings? settings = null, ILoggerFactory? loggerFactory = null)
    {
        var given = settings ?? new OperatorSettings();
        // The local control plane cannot route to Services: the webhooks are registered by URL on a loopback port.
        _settings = given with { InstallCrds = true, WebhookAddress = given.WebhookAddress ?? "127.0.0.1:0", WebhookRegistration = WebhookRegistration.Url };
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>Completes with the running operator once the CRDs are served and its caches have synced; faults if it could not start.</summary>
    public Task<OperatorHost> Ready => _ready.Task;

    public async Task RunAsync(LocalControlPlane controlPlane, CancellationToken cancellationToken)
    {
        OperatorHost? host = null;
        try
        {
            // Admin identity: the dev cluster has no installer to create the operator's ServiceAccount and its RBAC.
            var client = controlPlane.CreateClient("admin");
            await DevPrerequisites.EnsureAsync(client, _settings.SystemNamespace, cancellationToken).ConfigureAwait(false);
            host = new OperatorHost(client, _settings, _loggerFactory);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            while (!host.IsReady) await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            _ready.TrySetResult(host);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            if (e is not OperationCanceledException) throw;
        }
        finally
        {
            if (host is not null) await host.DisposeAsync().ConfigureAwait(false);
        }
    }
}
