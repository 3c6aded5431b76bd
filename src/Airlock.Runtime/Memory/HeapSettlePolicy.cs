namespace Airlock.Runtime.Memory;

/// <summary>
/// The decision of <see cref="HeapSettler"/>, free of the GC so it can be tested: fed one sample per interval (bytes allocated
/// so far, bytes the GC has committed), it answers whether to compact now. It does when the process has allocated at most
/// <see cref="HeapSettlerOptions.QuietAllocationRate"/> for <see cref="HeapSettlerOptions.QuietFor"/>, the committed memory
/// has grown by <see cref="HeapSettlerOptions.Growth"/> over its lowest point since the last compaction, and the last one is
/// at least <see cref="HeapSettlerOptions.MinInterval"/> ago. Not thread-safe: one sampling loop owns it.
/// </summary>
public sealed class HeapSettlePolicy
{
    private readonly HeapSettlerOptions _options;
    private long? _allocated;
    private long _floor = long.MaxValue;
    private TimeSpan _quiet;
    private TimeSpan _sinceSettled;

    public HeapSettlePolicy(HeapSettlerOptions? options = null)
    {
        _options = options ?? new HeapSettlerOptions();
        _sinceSettled = _options.MinInterval;
    }

    /// <summary>One sample, <paramref name="elapsed"/> after the previous one; true when the heap should be compacted now.</summary>
    public bool Observe(long totalAllocated, long committed, TimeSpan elapsed)
    {
        _floor = Math.Min(_floor, committed);
        _sinceSettled += elapsed;
        var previous = _allocated;
        _allocated = totalAllocated;
        if (previous is not { } before || elapsed <= TimeSpan.Zero) return false;
        var rate = (totalAllocated - before) / elapsed.TotalSeconds;
        _quiet = rate <= _options.QuietAllocationRate ? _quiet + elapsed : TimeSpan.Zero;
        return _quiet >= _options.QuietFor && committed - _floor >= _options.Growth && _sinceSettled >= _options.MinInterval;
    }

    /// <summary>The heap was compacted and now commits <paramref name="committed"/> bytes: the new floor.</summary>
    public void Settled(long committed)
    {
        _floor = committed;
        _quiet = TimeSpan.Zero;
        _sinceSettled = TimeSpan.Zero;
    }
}
