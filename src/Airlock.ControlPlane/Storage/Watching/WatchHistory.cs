namespace Airlock.ControlPlane.Storage.Watching;

/// <summary>A bounded ring of the most recent events; watches and continue tokens older than it get 410 Gone. Not thread-safe: the store's lock guards it.</summary>
public sealed class WatchHistory(int capacity)
{
    private readonly WatchEvent?[] _ring = new WatchEvent?[Math.Max(1, capacity)];
    private int _next;
    private int _count;

    /// <summary>The revision of the newest event that fell out of the ring (0 while nothing has).</summary>
    public long CompactedRevision { get; private set; }

    public void Add(WatchEvent e)
    {
        if (_count == _ring.Length) CompactedRevision = _ring[_next]!.Revision;
        else _count++;
        _ring[_next] = e;
        _next = (_next + 1) % _ring.Length;
    }

    /// <summary>Every retained event newer than <paramref name="revision"/>, oldest first.</summary>
    public IEnumerable<WatchEvent> After(long revision)
    {
        var start = (_next - _count + _ring.Length) % _ring.Length;
        for (var i = 0; i < _count; i++)
        {
            var e = _ring[(start + i) % _ring.Length]!;
            if (e.Revision > revision) yield return e;
        }
    }
}
