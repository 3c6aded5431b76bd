using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Airlock.Runtime.Informers;

/// <summary>
/// A string map for the handful of labels or annotations an object carries: keys and values side by side in one array,
/// looked up by a linear scan (as fast as hashing for a few entries, at a third of a <see cref="Dictionary{TKey,TValue}"/>'s
/// memory). Ordinal keys, insertion order. Cached objects keep their labels and annotations in it.
/// </summary>
public sealed class CompactStringMap : IDictionary<string, string>, IReadOnlyDictionary<string, string>
{
    private string[] _pairs;
    private int _count;

    public CompactStringMap(int capacity = 0) => _pairs = capacity == 0 ? [] : new string[capacity * 2];

    public CompactStringMap(IEnumerable<KeyValuePair<string, string>> entries, Func<string?, string?>? intern = null)
        : this(entries is ICollection<KeyValuePair<string, string>> c ? c.Count : 0)
    {
        foreach (var (key, value) in entries) this[intern?.Invoke(key) ?? key] = intern?.Invoke(value) ?? value;
    }

    public int Count => _count;

    public bool IsReadOnly => false;

    public ICollection<string> Keys => [.. Enumerate().Select(p => p.Key)];

    public ICollection<string> Values => [.. Enumerate().Select(p => p.Value)];

    IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => Values;

    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' was not present.");
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            var at = IndexOf(key);
            if (at >= 0)
            {
                _pairs[(at * 2) + 1] = value;
                return;
            }
            if (_pairs.Length == _count * 2) Array.Resize(ref _pairs, Math.Max(4, _pairs.Length * 2));
            _pairs[_count * 2] = key;
            _pairs[(_count * 2) + 1] = value;
            _count++;
        }
    }

    public void Add(string key, string value)
    {
        if (ContainsKey(key)) throw new ArgumentException($"An item with the same key has already been added. Key: {key}", nameof(key));
        this[key] = value;
    }

    public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool Contains(KeyValuePair<string, string> item) => TryGetValue(item.Key, out var value) && value == item.Value;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _pairs[(at * 2) + 1] : null;
        return at >= 0;
    }

    public bool Remove(string key)
    {
        var at = IndexOf(key);
        if (at < 0) return false;
        Array.Copy(_pairs, (at + 1) * 2, _pairs, at * 2, (_count - at - 1) * 2);
        _count--;
        _pairs[_count * 2] = null!;
        _pairs[(_count * 2) + 1] = null!;
        return true;
    }

    public bool Remove(KeyValuePair<string, string> item) => Contains(item) && Remove(item.Key);

    public void Clear()
    {
        Array.Clear(_pairs);
        _count = 0;
    }

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var pair in Enumerate()) array[arrayIndex++] = pair;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerable<KeyValuePair<string, string>> Enumerate()
    {
        for (var i = 0; i < _count; i++) yield return new KeyValuePair<string, string>(_pairs[i * 2], _pairs[(i * 2) + 1]);
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_pairs[i * 2], key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }
}
