using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airlock.Runtime.Memory;

/// <summary>
/// Returns a burst's garbage to the system once the process has gone quiet. A burst of reconciles leaves the informer caches'
/// superseded object versions, the work queue's backlog and the reconcilers' in-flight objects promoted to generation 2,
/// where they die; with no allocation after the burst nothing makes the GC look at generation 2 again, so that memory
/// stays committed (several times the live heap after 10,000 tasks). When <see cref="HeapSettlePolicy"/> says so, this runs
/// one blocking, compacting full collection that also decommits the freed memory (<see cref="GCCollectionMode.Aggressive"/>),
/// then returns the C allocator's free pages (<see cref="NativeHeap"/>: the JIT's and TLS's leftovers from the burst).
/// It never runs while the process is busy, so it costs no reconcile latency.
/// </summary>
public sealed partial class HeapSettler
{
    private readonly HeapSettlerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HeapSettler(HeapSettlerOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _options = options ?? new HeapSettlerOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Compactions so far.</summary>
    public int Settlements { get; private set; }

    /// <summary>Samples the GC every <see cref="HeapSettlerOptions.Interval"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var policy = new HeapSettlePolicy(_options);
        using var timer = new PeriodicTimer(_options.Interval, _time);
        var last = _time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = _time.GetTimestamp();
                var elapsed = _time.GetElapsedTime(last, now);
                last = now;
                var before = GC.GetGCMemoryInfo().TotalCommittedBytes;
                if (!policy.Observe(GC.GetTotalAllocatedBytes(), before, elapsed)) continue;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var after = GC.GetGCMemoryInfo().TotalCommittedBytes;
                var trimmed = NativeHeap.Trim();
                policy.Settled(after);
                Settlements++;
                Log.Settled(_logger, before / (1024 * 1024), after / (1024 * 1024), trimmed ? "trimmed" : "not trimmable here");
                last = _time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Heap compacted after a quiet spell: {Before} MiB committed before, {After} MiB after; native heap {Native}")]
        public static partial void Settled(ILogger logger, long before, long after, string native);
    }
}
