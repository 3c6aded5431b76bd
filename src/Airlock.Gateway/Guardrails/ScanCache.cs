using System.Collections.Concurrent;

namespace Airlock.Gateway.Guardrails;

/// <summary>
/// Verdicts on texts already scanned, by <see cref="ScanKey"/>. Agents resend the whole conversation on every call, so with
/// this only the new messages are scanned. Bounded: past <see cref="Capacity"/> entries the least recently used half goes.
/// </summary>
public sealed class ScanCache<TValue>(int capacity = ScanCache<TValue>.DefaultCapacity)
    where TValue : class
{
    public const int DefaultCapacity = 100_000;

    private readonly ConcurrentDictionary<ScanKey, Entry> _entries = new();
    private long _clock;
    private int _sweeping;

    public int Capacity { get; } = Math.Max(16, capacity);

    public int Count => _entries.Count;

    public bool TryGet(in ScanKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            value = entry.Value;
            return true;
        }
        value = null!;
        return false;
    }

    public void Set(in ScanKey key, TValue value)
    {
        _entries[key] = new Entry(value) { LastUsed = Interlocked.Increment(ref _clock) };
        if (_entries.Count > Capacity) Sweep();
    }

    private void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1) return;
        try
        {
            var stamps = _entries.Select(e => e.Value.LastUsed).ToArray();
            if (stamps.Length <= Capacity) return;
            Array.Sort(stamps);
            var keepFrom = stamps[stamps.Length / 2];
            foreach (var (key, entry) in _entries)
            {
                if (entry.LastUsed < keepFrom) _entries.TryRemove(key, out _);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private sealed class Entry(TValue value)
    {
        public TValue Value { get; } = value;

        public long LastUsed;
    }
}
