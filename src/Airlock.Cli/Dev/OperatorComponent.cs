using Airlock.ControlPlane.Server;
using Airlock.Operator.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Cli.Dev;

/// <summary>
/// The operator as a part of the local control plane: once the API server is up it installs the prerequisites (CRDs,
/// <c>airlock-system</c>, the Kata RuntimeClasses) and runs an <see cref="OperatorHost"/> until the plane stops.
/// </summary>
public sealed class OperatorComponent : ILocalComponent
{
    private readonly OperatorSettings _settings;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TaskCompletionSource<OperatorHost> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OperatorComponent(OperatorSettings? settings = null, ILoggerFactory? loggerFactory = null)
    {
        _settings = (settings ?? new OperatorSettings()) with { InstallCrds = true };
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
