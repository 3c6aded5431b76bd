namespace Airlock.Runtime.Informers;

/// <summary>
/// One shared value per distinct key, for the parts that thousands of cached objects have in common (a string, an owner
/// reference, a slimmed pod spec). Bounded: two generations of at most <see cref="GenerationSize"/> entries each; when
/// the current one is full it becomes the previous one and the oldest is dropped, so values no longer asked for (those of
/// deleted objects) are released, while a value asked for again is carried into the current generation. Thread-safe.
/// </summary>
public sealed class GenerationalPool<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly IEqualityComparer<TKey> _comparer;
    private Dictionary<TKey, TValue> _current;
    private Dictionary<TKey, TValue> _previous;

    public GenerationalPool(int generationSize = 16_384, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generationSize, 1);
        GenerationSize = generationSize;
        _comparer = comparer ?? EqualityComparer<TKey>.Default;
        _current = new Dictionary<TKey, TValue>(_comparer);
        _previous = new Dictionary<TKey, TValue>(_comparer);
    }

    /// <summary>Entries per generation.</summary>
    public int GenerationSize { get; }

    /// <summary>Entries held (both generations).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _current.Count + _previous.Count;
        }
    }

    /// <summary>The pooled value of <paramref name="key"/>; <paramref name="create"/> makes it the first time.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        lock (_lock)
        {
            if (_current.TryGetValue(key, out var pooled)) return pooled;
            if (!_previous.TryGetValue(key, out pooled)) pooled = create(key);
            if (_current.Count >= GenerationSize)
            {
                _previous = _current;
                _current = new Dictionary<TKey, TValue>(_comparer);
            }
            _current[key] = pooled;
            return pooled;
        }
    }
}
