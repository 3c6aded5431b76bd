using k8s;
using k8s.Models;

namespace Airlock.Runtime.Informers;

/// <summary>
/// An informer's local copy of the objects, keyed by namespace/name with secondary indexes
/// (namespace, owner uid, and any custom indexer). Readers never call the API server.
/// </summary>
/// <remarks>
/// The two built-in indexes are built on their first use and kept from then on: a cache nobody asks by namespace or
/// owner (most of an operator's child caches) does not pay for them on every object.
/// </remarks>
public sealed class InformerCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Index of objects by namespace.</summary>
    public const string NamespaceIndex = "namespace";

    /// <summary>Index of objects by the uid of each of their owners.</summary>
    public const string OwnerUidIndex = "owner-uid";

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, IndexBucket>> _indices = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try { return _items.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Adds an index; existing objects are indexed at once.</summary>
    public void AddIndexer(string name, Func<T, IEnumerable<string>> indexer)
    {
        _lock.EnterWriteLock();
        try
        {
            if (name is NamespaceIndex or OwnerUidIndex || !_indexers.TryAdd(name, indexer))
            {
                throw new InvalidOperationException($"Indexer '{name}' already exists.");
            }
            BuildIndex(name, indexer);
        }
        finally { _lock.ExitWriteLock(); }
    }

    public T? Get(ObjectKey key)
    {
        _lock.EnterReadLock();
        try { return _items.GetValueOrDefault(key); }
        finally { _lock.ExitReadLock(); }
    }

    public T? Get(string @namespace, string name) => Get(new ObjectKey(@namespace, name));

    public IReadOnlyList<T> List()
    {
        _lock.EnterReadLock();
        try { return [.. _items.Values]; }
        finally { _lock.ExitReadLock(); }
    }

    public IReadOnlyList<ObjectKey> Keys()
    {
        _lock.EnterReadLock();
        try { return [.. _items.Keys]; }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>Objects whose indexer produced <paramref name="value"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        EnsureBuiltInIndex(indexName);
        _lock.EnterReadLock();
        try
        {
            if (!_indices.TryGetValue(indexName, out var index)) throw new ArgumentException($"No indexer '{indexName}'.", nameof(indexName));
            if (!index.TryGetValue(value, out var bucket)) return [];
            var result = new List<T>(bucket.Count);
            foreach (var key in bucket.Keys) result.Add(_items[key]);
            return result;
        }
        finally { _lock.ExitReadLock(); }
    }

    public IReadOnlyList<T> ByNamespace(string @namespace) => ByIndex(NamespaceIndex, @namespace);

    /// <summary>Objects with an ownerReference to the given uid.</summary>
    public IReadOnlyList<T> ByOwner(string ownerUid) => ByIndex(OwnerUidIndex, ownerUid);

    /// <summary>Stores the object; returns the previous version, if any.</summary>
    internal T? Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        _lock.EnterWriteLock();
        try
        {
            var old = _items.GetValueOrDefault(key);
            if (old is not null) Unindex(key, old);
            _items[key] = obj;
            foreach (var (name, indexer) in _indexers) IndexOne(name, indexer, key, obj);
            return old;
        }
        finally { _lock.ExitWriteLock(); }
    }

    /// <summary>Removes the object; returns what was cached, if anything.</summary>
    internal T? Remove(ObjectKey key)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_items.Remove(key, out var old)) return null;
            Unindex(key, old);
            return old;
        }
        finally { _lock.ExitWriteLock(); }
    }

    private void EnsureBuiltInIndex(string indexName)
    {
        Func<T, IEnumerable<string>>? indexer = indexName switch
        {
            NamespaceIndex => o => [o.Metadata?.NamespaceProperty ?? ""],
            OwnerUidIndex => OwnerUids,
            _ => null,
        };
        if (indexer is null) return;
        _lock.EnterReadLock();
        try
        {
            if (_indexers.ContainsKey(indexName)) return;
        }
        finally { _lock.ExitReadLock(); }
        _lock.EnterWriteLock();
        try
        {
            if (_indexers.TryAdd(indexName, indexer)) BuildIndex(indexName, indexer);
        }
        finally { _lock.ExitWriteLock(); }
    }

    private void BuildIndex(string name, Func<T, IEnumerable<string>> indexer)
    {
        _indices[name] = new Dictionary<string, IndexBucket>(StringComparer.Ordinal);
        foreach (var (key, obj) in _items) IndexOne(name, indexer, key, obj);
    }

    private static IEnumerable<string> OwnerUids(T obj)
    {
        var owners = obj.Metadata?.OwnerReferences;
        if (owners is null) yield break;
        foreach (var owner in owners)
        {
            if (!string.IsNullOrEmpty(owner.Uid)) yield return owner.Uid;
        }
    }

    private void IndexOne(string name, Func<T, IEnumerable<string>> indexer, ObjectKey key, T obj)
    {
        var index = _indices[name];
        foreach (var value in indexer(obj))
        {
            if (index.TryGetValue(value, out var bucket)) bucket.Add(key);
            else index[value] = new IndexBucket(key);
        }
    }

    private void Unindex(ObjectKey key, T old)
    {
        foreach (var (name, indexer) in _indexers)
        {
            var index = _indices[name];
            foreach (var value in indexer(old))
            {
                if (index.TryGetValue(value, out var bucket) && bucket.Remove(key, out var empty) && empty) index.Remove(value);
            }
        }
    }
}
