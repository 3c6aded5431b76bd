using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Airlock.Operator.Hosting;

/// <summary>
/// Runs work only while this replica holds a coordination.k8s.io Lease (KubernetesClient's LeaderElector over a
/// LeaseLock). Leadership lost: the work is cancelled at once, and this replica campaigns again. On a clean stop the
/// Lease is released so a follower need not wait out the lease duration.
/// </summary>
public sealed partial class LeaseLeaderElection
{
    private readonly IKubernetes _client;
    private readonly OperatorSettings _settings;
    private readonly ILogger _logger;
    private volatile bool _isLeader;

    public LeaseLeaderElection(IKubernetes client, OperatorSettings settings, ILogger logger)
    {
        _client = client;
        _settings = settings;
        _logger = logger;
    }

    public bool IsLeader => _isLeader;

    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        var ns = _settings.SystemNamespace;
        while (!cancellationToken.IsCancellationRequested)
        {
            var leaseLock = new LeaseLock(_client, ns, _settings.LeaseName, _settings.Identity);
            var config = new LeaderElectionConfig(leaseLock)
            {
                LeaseDuration = _settings.LeaseDuration,
                RenewDeadline = _settings.RenewDeadline,
                RetryPeriod = _settings.RetryPeriod,
            };
            using var elector = new LeaderElector(config);
            using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task? work = null;
            elector.OnStartedLeading += () =>
            {
                _isLeader = true;
                Log.StartedLeading(_logger, _settings.Identity, ns, _settings.LeaseName);
                work = Task.Run(() => whileLeading(leading.Token), CancellationToken.None);
            };
            elector.OnStoppedLeading += () =>
            {
                _isLeader = false;
                leading.Cancel();
            };
            elector.OnNewLeader += leader => Log.NewLeader(_logger, leader, ns, _settings.LeaseName);
            try
            {
                await elector.RunUntilLeadershipLostAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The elector gives up on some API errors (two replicas creating the Lease at once: 409). Campaign again.
                Log.ElectionFailed(_logger, _settings.Identity, e);
            }
            _isLeader = false;
            await leading.CancelAsync().ConfigureAwait(false);
            if (work is not null)
            {
                await work.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                Log.StoppedLeading(_logger, _settings.Identity);
                if (cancellationToken.IsCancellationRequested) await ReleaseAsync().ConfigureAwait(false);
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_settings.RetryPeriod, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Gives the Lease up (empty holder, 1 s duration), as client-go does with ReleaseOnCancel. The holder must be the
    /// empty string, not null: KubernetesClient's elector treats a null holder as "no Lease" and tries to create one.
    /// </summary>
    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(_settings.LeaseName, _settings.SystemNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (lease.Spec?.HolderIdentity != _settings.Identity) return;
            lease.Spec.HolderIdentity = "";
            lease.Spec.LeaseDurationSeconds = 1;
            lease.Spec.RenewTime = DateTime.UtcNow;
            await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, _settings.LeaseName, _settings.SystemNamespace, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: a follower takes over after the lease duration anyway.
            Log.ReleaseFailed(_logger, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "{Identity} became the leader (Lease {Namespace}/{Lease})")]
        public static partial void StartedLeading(ILogger logger, string identity, string @namespace, string lease);

        [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "{Identity} stopped leading")]
        public static partial void StoppedLeading(ILogger logger, string identity);

        [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "{Leader} leads (Lease {Namespace}/{Lease})")]
        public static partial void NewLeader(ILogger logger, string leader, string @namespace, string lease);

        [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "{Identity}: leader election failed; campaigning again")]
        public static partial void ElectionFailed(ILogger logger, string identity, Exception exception);

        [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "could not release the Lease")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception);
    }
}
