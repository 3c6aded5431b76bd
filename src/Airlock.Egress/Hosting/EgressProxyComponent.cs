using Airlock.ControlPlane.Server;

namespace Airlock.Egress.Hosting;

/// <summary>
/// The egress proxy as a part of the local control plane (<c>airlock dev</c>): it runs as the admin user and reports
/// through <see cref="Ready"/> where it listens.
/// </summary>
public sealed class EgressProxyComponent(EgressProxyOptions options) : ILocalComponent
{
    private readonly TaskCompletionSource<EgressProxyHost> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the running proxy once its caches are synced (faults if it could not start).</summary>
    public Task<EgressProxyHost> Ready => _ready.Task;

    /// <summary>How this proxy runs (as <c>airlock dev</c> set it).</summary>
    public EgressProxyOptions Options => options;

    public async Task RunAsync(LocalControlPlane controlPlane, CancellationToken cancellationToken)
    {
        using var client = controlPlane.CreateClient("admin");
        EgressProxyHost host;
        try
        {
            host = await EgressProxyHost.StartAsync(client, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _ready.TrySetException(e);
            return;
        }
        await using (host.ConfigureAwait(false))
        {
            _ready.TrySetResult(host);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The control plane is stopping.
            }
        }
    }
}
