namespace Airlock.Runtime.Memory;

/// <summary>When <see cref="HeapSettler"/> compacts the heap: after a burst, once the process has gone quiet.</summary>
public sealed record HeapSettlerOptions
{
    /// <summary>How often the allocation rate and committed memory are sampled.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>At or below this allocation rate (bytes per second) the process counts as quiet.</summary>
    public long QuietAllocationRate { get; init; } = 2 * 1024 * 1024;

    /// <summary>How long the process must have been quiet: a burst is over, not paused between two requests.</summary>
    public TimeSpan QuietFor { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Growth of the GC's committed memory over its lowest point since the last compaction that is worth returning.</summary>
    public long Growth { get; init; } = 64 * 1024 * 1024;

    /// <summary>Least time between two compactions.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(30);
}
