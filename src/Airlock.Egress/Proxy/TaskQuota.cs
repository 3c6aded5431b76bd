namespace Airlock.Egress.Proxy;

/// <summary>One task's open connections and bytes moved, shared by all its connections. Thread-safe.</summary>
public sealed class TaskQuota(int maxConnections, long maxBytes)
{
    private int _open;
    private long _bytes;

    public int Open => Volatile.Read(ref _open);

    public long Bytes => Interlocked.Read(ref _bytes);

    public bool TryEnter()
    {
        if (Bytes >= maxBytes) return false;
        if (Interlocked.Increment(ref _open) <= maxConnections) return true;
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _open);

    /// <summary>Counts <paramref name="count"/> bytes; false once the task is past its byte budget.</summary>
    public bool TryAddBytes(int count) => Interlocked.Add(ref _bytes, count) <= maxBytes;
}
