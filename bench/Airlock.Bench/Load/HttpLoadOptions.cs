namespace Airlock.Bench.Load;

/// <summary>How long and how often the HTTP figures (gateway, egress) are measured.</summary>
public sealed record HttpLoadOptions
{
    /// <summary>Length of one measured run (after a warm-up of a fifth of it).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Runs per figure; the reported figure is their median.</summary>
    public int Runs { get; init; } = 3;

    /// <summary>Client connections kept busy by the throughput runs.</summary>
    public int Concurrency { get; init; } = 16;
}
