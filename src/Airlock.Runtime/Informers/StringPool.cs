namespace Airlock.Runtime.Informers;

/// <summary>
/// Hands out one shared instance per distinct string, so the thousands of cached objects that carry the same namespace,
/// label key, image or condition message hold one copy of it instead of one each (every object arrives freshly
/// deserialised, with its own copies). Bounded: two generations of at most <see cref="GenerationSize"/> strings each;
/// when the current one is full it becomes the previous one and the oldest is dropped, so strings no longer seen (those of
/// deleted objects) are released. Thread-safe.
/// </summary>
public sealed class StringPool
{
    private readonly Lock _lock = new();
    private Dictionary<string, string> _current;
    private Dictionary<string, string> _previous;

    public StringPool(int generationSize = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generationSize, 1);
        GenerationSize = generationSize;
        _current = new Dictionary<string, string>(StringComparer.Ordinal);
        _previous = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Strings per generation.</summary>
    public int GenerationSize { get; }

    /// <summary>Strings held (both generations).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _current.Count + _previous.Count;
        }
    }

    /// <summary>The pooled instance equal to <paramref name="value"/> (the value itself the first time it is seen).</summary>
    public string? Intern(string? value)
    {
        if (value is null) return null;
        if (value.Length == 0) return string.Empty;
        lock (_lock)
        {
            if (_current.TryGetValue(value, out var pooled)) return pooled;
            if (_previous.TryGetValue(value, out pooled))
            {
                Add(pooled);
                return pooled;
            }
            Add(value);
            return value;
        }
    }

    private void Add(string value)
    {
        if (_current.Count >= GenerationSize)
        {
            _previous = _current;
            _current = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        _current[value] = value;
    }
}
