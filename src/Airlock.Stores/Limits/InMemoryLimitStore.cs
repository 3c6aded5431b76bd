using System.Collections.Concurrent;

namespace Airlock.Stores.Limits;

/// <summary>Counters in this process (one gateway replica): a lock per key makes check-and-count atomic.</summary>
public sealed class InMemoryLimitStore(TimeProvider? time = null) : ILimitStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Counters> _counters = new(StringComparer.Ordinal);

    public ValueTask<LimitDecision> AcquireAsync(string key, LimitCeilings ceilings, long estimatedTokens, CancellationToken cancellationToken)
    {
        var counters = _counters.GetOrAdd(key, _ => new Counters());
        var now = _time.GetUtcNow();
        lock (counters)
        {
            counters.Roll(now);
            var verdict = LimitRules.Check(ceilings, counters.Requests, counters.WindowTokens, counters.TotalTokens, counters.Reserved, estimatedTokens);
            if (verdict != LimitVerdict.Allowed) return ValueTask.FromResult(new LimitDecision(verdict, RetryAfter(verdict, counters, now)));
            counters.Requests++;
            counters.Reserved += estimatedTokens;
            return ValueTask.FromResult(LimitDecision.Allow);
        }
    }

    public ValueTask CompleteAsync(string key, long estimatedTokens, long usedTokens, CancellationToken cancellationToken)
    {
        var counters = _counters.GetOrAdd(key, _ => new Counters());
        lock (counters)
        {
            counters.Roll(_time.GetUtcNow());
            counters.WindowTokens += usedTokens;
            counters.TotalTokens += usedTokens;
            counters.Reserved = Math.Max(0, counters.Reserved - estimatedTokens);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<LimitUsage> GetUsageAsync(string key, CancellationToken cancellationToken)
    {
        if (!_counters.TryGetValue(key, out var counters)) return ValueTask.FromResult(new LimitUsage(0, 0, 0, 0));
        lock (counters)
        {
            counters.Roll(_time.GetUtcNow());
            return ValueTask.FromResult(new LimitUsage(counters.Requests, counters.WindowTokens, counters.TotalTokens, counters.Reserved));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TimeSpan RetryAfter(LimitVerdict verdict, Counters counters, DateTimeOffset now) => verdict switch
    {
        LimitVerdict.BudgetExhausted => TimeSpan.Zero,
        LimitVerdict.BudgetContended => LimitRules.ContendedRetry,
        _ => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, (counters.WindowStart + 1) * LimitRules.Window.Ticks - now.UtcTicks)),
    };

    private sealed class Counters
    {
        public long WindowStart { get; private set; } = -1;

        public long Requests { get; set; }

        public long WindowTokens { get; set; }

        public long TotalTokens { get; set; }

        public long Reserved { get; set; }

        public void Roll(DateTimeOffset now)
        {
            var window = now.UtcTicks / LimitRules.Window.Ticks;
            if (window == WindowStart) return;
            WindowStart = window;
            Requests = 0;
            WindowTokens = 0;
        }
    }
}
