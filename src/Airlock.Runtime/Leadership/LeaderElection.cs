using Airlock.Runtime.Metrics;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;

namespace Airlock.Runtime.Leadership;

/// <summary>
/// Campaigns for a lock with KubernetesClient's <see cref="LeaderElector"/> and runs the given work only while this
/// replica leads. Losing the lease cancels the work at once.
/// </summary>
public sealed partial class LeaderElection
{
    private readonly ILock _lock;
    private readonly LeaderElectionOptions _options;
    private readonly ILogger _logger;
    private readonly Gauge.Child _status;
    private volatile bool _isLeader;
    private volatile string? _leader;
    private volatile LeaderElector? _elector;

    public LeaderElection(ILock resourceLock, LeaderElectionOptions options, ILogger? logger = null, CollectorRegistry? registry = null)
    {
        // The Lease stores leaseDurationSeconds as an integer and followers honour that value.
        if (options.LeaseDuration < TimeSpan.FromSeconds(1) || options.LeaseDuration.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentException("LeaseDuration must be whole seconds (at least one).", nameof(options));
        if (options.RenewDeadline >= options.LeaseDuration || options.RetryPeriod >= options.RenewDeadline)
            throw new ArgumentException("Durations must satisfy RetryPeriod < RenewDeadline < LeaseDuration.", nameof(options));
        _lock = resourceLock;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _status = Prometheus.Metrics.WithCustomRegistry(registry ?? RuntimeMetrics.Registry)
            .CreateGauge("leader_election_master_status", "1 when this replica is the leader of the named lease, 0 otherwise.", ["name"])
            .WithLabels(options.LeaseName);
        _status.Set(0);
    }

    /// <summary>Over a coordination.k8s.io Lease.</summary>
    public static LeaderElection ForLease(IKubernetes client, LeaderElectionOptions options, ILogger? logger = null, CollectorRegistry? registry = null) =>
        new(new LeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity), options, logger, registry);

    public bool IsLeader => _isLeader;

    /// <summary>The holder last observed (null before the first observation).</summary>
    public string? CurrentLeader => _elector?.GetLeader() ?? _leader;

    public string Identity => _lock.Identity;

    /// <summary>
    /// Campaigns until cancelled (or, with <see cref="LeaderElectionOptions.ExitOnLoss"/>, until leadership is lost),
    /// running <paramref name="whileLeading"/> each time this replica becomes leader.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var led = await CampaignOnceAsync(whileLeading, cancellationToken).ConfigureAwait(false);
            if (led && _options.ExitOnLoss) return;
        }
    }

    private async Task<bool> CampaignOnceAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        using var elector = new LeaderElector(new LeaderElectionConfig(_lock)
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        });
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _elector = elector;
        Task? work = null;
        elector.OnNewLeader += leader =>
        {
            _leader = leader;
            Log.NewLeader(_logger, _options.LeaseName, leader);
        };
        elector.OnStartedLeading += () =>
        {
            _isLeader = true;
            _status.Set(1);
            Log.StartedLeading(_logger, _options.LeaseName, Identity);
            work = Task.Run(() => whileLeading(leading.Token), CancellationToken.None);
        };
        elector.OnStoppedLeading += () =>
        {
            // Stop reconciling before anything else: another replica may already be taking over.
            leading.Cancel();
            _isLeader = false;
            _status.Set(0);
            Log.StoppedLeading(_logger, _options.LeaseName, Identity);
        };
        elector.OnError += e => Log.ElectionError(_logger, _options.LeaseName, e);

        try
        {
            await elector.RunUntilLeadershipLostAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The elector gives up on errors it does not expect (an unreachable API server): campaign again later.
            Log.ElectionError(_logger, _options.LeaseName, e);
            await Task.Delay(_options.RetryPeriod, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await leading.CancelAsync().ConfigureAwait(false);
            _isLeader = false;
            _status.Set(0);
        }

        if (work is null) return false;
        await work.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (cancellationToken.IsCancellationRequested && _options.ReleaseOnStop) await ReleaseAsync().ConfigureAwait(false);
        return true;
    }

    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.RenewDeadline);
            var now = DateTime.UtcNow;
            var current = await _lock.GetAsync(timeout.Token).ConfigureAwait(false);
            if (current?.HolderIdentity != Identity) return;
            await _lock.UpdateAsync(
                new LeaderElectionRecord
                {
                    HolderIdentity = "",
                    LeaseDurationSeconds = 1,
                    AcquireTime = now,
                    RenewTime = now,
                    LeaderTransitions = current.LeaderTransitions,
                },
                timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.ReleaseFailed(_logger, _options.LeaseName, e);
        }
    }
}
