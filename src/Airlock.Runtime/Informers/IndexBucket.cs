namespace Airlock.Runtime.Informers;

/// <summary>
/// The keys of one index value. Most values of an owner-uid index name one object (a task owns one pod), so a single key
/// is held inline and a set is made only for the second one: a few dozen bytes instead of a HashSet per value.
/// </summary>
internal sealed class IndexBucket
{
    private ObjectKey _single;
    private HashSet<ObjectKey>? _many;

    public IndexBucket(ObjectKey first) => _single = first;

    public int Count => _many?.Count ?? 1;

    public void Add(ObjectKey key)
    {
        if (_many is not null)
        {
            _many.Add(key);
            return;
        }
        if (_single == key) return;
        _many = [_single, key];
    }

    /// <summary>Removes <paramref name="key"/>; false when it was not there. A bucket left empty must be dropped by the caller.</summary>
    public bool Remove(ObjectKey key, out bool empty)
    {
        if (_many is null)
        {
            empty = _single == key;
            return empty;
        }
        var removed = _many.Remove(key);
        if (_many.Count == 1)
        {
            _single = _many.First();
            _many = null;
        }
        empty = false;
        return removed;
    }

    public IEnumerable<ObjectKey> Keys => _many ?? (IEnumerable<ObjectKey>)[_single];
}
