namespace Airlock.Runtime.Leadership;

/// <summary>Which Lease to hold and how (durations as in client-go's defaults).</summary>
public sealed record LeaderElectionOptions
{
    public string LeaseNamespace { get; init; } = "airlock-system";

    public string LeaseName { get; init; } = "airlock-operator";

    /// <summary>This replica's identity (the pod name); host name plus a random suffix by default.</summary>
    public string Identity { get; init; } = Environment.MachineName + "_" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>How long followers wait after the last renewal before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After losing the lease, stop campaigning (so the host can exit and restart clean) instead of trying again.
    /// </summary>
    public bool ExitOnLoss { get; init; }

    /// <summary>Clear the holder on a graceful stop so a follower takes over without waiting for the lease to expire.</summary>
    public bool ReleaseOnStop { get; init; } = true;
}
