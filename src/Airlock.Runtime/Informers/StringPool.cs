namespace Airlock.Runtime.Informers;

/// <summary>
/// Hands out one shared instance per distinct string, so the thousands of cached objects that carry the same namespace,
/// label key, image or condition message hold one copy of it instead of one each (every object arrives freshly
/// deserialised, with its own copies). Bounded like <see cref="GenerationalPool{TKey,TValue}"/>: strings no longer seen
/// (those of deleted objects) are released. Thread-safe.
/// </summary>
public sealed class StringPool
{
    private readonly GenerationalPool<string, string> _pool;

    public StringPool(int generationSize = 16_384) => _pool = new GenerationalPool<string, string>(generationSize, StringComparer.Ordinal);

    /// <summary>Strings per generation.</summary>
    public int GenerationSize => _pool.GenerationSize;

    /// <summary>Strings held (both generations).</summary>
    public int Count => _pool.Count;

    /// <summary>The pooled instance equal to <paramref name="value"/> (the value itself the first time it is seen).</summary>
    public string? Intern(string? value)
    {
        if (value is null) return null;
        if (value.Length == 0) return string.Empty;
        return _pool.GetOrAdd(value, static v => v);
    }
}
