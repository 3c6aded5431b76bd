namespace Airlock.Bench.Chaos;

/// <summary>The size and the faults of the chaos scenario; the defaults are ISSUE-8's.</summary>
public sealed record ChaosOptions
{
    public int Tasks { get; init; } = 500;

    /// <summary>Tasks created per second (paced, so the leader kills land mid-burst).</summary>
    public double CreateRate { get; init; } = 10;

    /// <summary>Leaders killed with SIGKILL during the burst (each killed operator is restarted as a follower, as a Deployment would).</summary>
    public int LeaderKills { get; init; } = 2;

    /// <summary>Operator replicas on the Lease.</summary>
    public int Operators { get; init; } = 2;

    /// <summary>Share of writes failing, with a status re-drawn from <see cref="WriteErrorCodes"/>.</summary>
    public double WriteErrorRate { get; init; } = 0.05;

    public IReadOnlyList<int> WriteErrorCodes { get; init; } = [500, 429, 409];

    /// <summary>Mean injected latency; the knob is re-drawn between 0.5x and 1.5x of it every 100 ms.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Every watch is cut after this long.</summary>
    public TimeSpan WatchDropInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Every watch the server cut gets 410 Gone when its client resumes it (once per cut), so informers relist after each
    /// cut whatever the history holds (bookmarks keep resumes near the head, where a short history alone rarely expires).
    /// </summary>
    public bool WatchResumeGone { get; init; } = true;

    /// <summary>Changes the API server remembers for watch resumption: small, so resuming after a drop often gets 410 Gone.</summary>
    public int WatchHistorySize { get; init; } = 200;

    /// <summary>Share of tasks whose agent exits (half with 0, half with 1) a few seconds after starting.</summary>
    public double FinishingShare { get; init; } = 0.2;

    /// <summary>ttlSecondsAfterFinished of finishing tasks.</summary>
    public int TtlSeconds { get; init; } = 10;

    /// <summary>How long the cluster may take to settle once every task exists (faults still on).</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Requests through the gateway while it is killed and restarted (0 skips the gateway part).</summary>
    public int GatewayRequests { get; init; } = 400;
}
