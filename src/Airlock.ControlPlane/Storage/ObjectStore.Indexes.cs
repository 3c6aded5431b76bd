using System.Text.Json.Nodes;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

/// <summary>
/// Indexes kept up to date on every commit, so the background controllers do work proportional to what changed rather
/// than to everything stored: dependents by owner uid, objects being deleted, and dependents whose owners are all gone.
/// All guarded by the store's lock.
/// </summary>
public sealed partial class ObjectStore
{
    /// <summary>Owner uid → uids of the objects naming it in ownerReferences (whether the owner exists or not).</summary>
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);

    /// <summary>Uid → the owner uids it names (only objects with at least one).</summary>
    private readonly Dictionary<string, string[]> _ownersOf = new(StringComparer.Ordinal);

    /// <summary>Uids of stored objects with a deletionTimestamp.</summary>
    private readonly HashSet<string> _deleting = new(StringComparer.Ordinal);

    /// <summary>Uids of stored objects with ownerReferences none of which names a stored object.</summary>
    private readonly HashSet<string> _dangling = new(StringComparer.Ordinal);

    /// <summary>Stored objects whose owners (by uid) are all gone; the garbage collector deletes them.</summary>
    public IReadOnlyList<StoredObject> Dangling()
    {
        lock (_gate) return Resolve(_dangling);
    }

    /// <summary>Stored objects with a deletionTimestamp (held by finalizers, or namespaces terminating).</summary>
    public IReadOnlyList<StoredObject> Deleting()
    {
        lock (_gate) return Resolve(_deleting);
    }

    /// <summary>Stored objects with an ownerReference to <paramref name="ownerUid"/>.</summary>
    public IReadOnlyList<StoredObject> DependentsOf(string ownerUid)
    {
        lock (_gate) return _dependents.TryGetValue(ownerUid, out var uids) ? Resolve(uids) : [];
    }

    /// <summary>Every stored object in one namespace (of every namespaced type).</summary>
    public IReadOnlyList<StoredObject> InNamespace(string @namespace)
    {
        var prefix = @namespace + "/";
        lock (_gate)
        {
            var result = new List<StoredObject>();
            foreach (var table in _tables.Values)
            {
                foreach (var (key, stored) in table)
                {
                    if (stored.Type.Namespaced && key.StartsWith(prefix, StringComparison.Ordinal)) result.Add(stored);
                }
            }
            return result;
        }
    }

    private List<StoredObject> Resolve(IEnumerable<string> uids)
    {
        var result = new List<StoredObject>();
        foreach (var uid in uids)
        {
            if (_byUid.TryGetValue(uid, out var stored)) result.Add(stored);
        }
        return result;
    }

    /// <summary>Updates the indexes for one committed change. Call under the lock, after <see cref="_byUid"/> is updated.</summary>
    private void Reindex(string uid, JsonObject obj, WatchEventType kind)
    {
        if (_ownersOf.Remove(uid, out var oldOwners))
        {
            foreach (var owner in oldOwners)
            {
                if (_dependents.TryGetValue(owner, out var set) && set.Remove(uid) && set.Count == 0) _dependents.Remove(owner);
            }
        }
        _dangling.Remove(uid);
        _deleting.Remove(uid);
        if (kind == WatchEventType.Deleted)
        {
            // Its dependents may have lost their last live owner.
            if (_dependents.TryGetValue(uid, out var orphans)) foreach (var dependent in orphans) CheckDangling(dependent);
            return;
        }
        if (ObjectMeta.IsDeleting(obj)) _deleting.Add(uid);
        var owners = ObjectMeta.OwnerUids(obj);
        if (owners.Count > 0)
        {
            var array = owners.Distinct(StringComparer.Ordinal).ToArray();
            _ownersOf[uid] = array;
            foreach (var owner in array)
            {
                if (!_dependents.TryGetValue(owner, out var set)) _dependents[owner] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(uid);
            }
            CheckDangling(uid);
        }
        // A dependent created before its owner (or naming a uid that reappears) is no longer dangling.
        if (kind == WatchEventType.Added && _dependents.TryGetValue(uid, out var waiting)) foreach (var dependent in waiting) CheckDangling(dependent);
    }

    private void CheckDangling(string uid)
    {
        if (!_byUid.ContainsKey(uid) || !_ownersOf.TryGetValue(uid, out var owners)) return;
        if (owners.All(o => !_byUid.ContainsKey(o))) _dangling.Add(uid);
        else _dangling.Remove(uid);
    }
}
