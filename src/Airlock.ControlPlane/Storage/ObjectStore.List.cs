using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

public sealed partial class ObjectStore
{
    /// <summary>
    /// A page of matching objects (frozen snapshots), in key order (namespace, then name). A <c>continue</c> page shows the
    /// objects as they were at the first page's resourceVersion (the API server's consistent continuation), rebuilt from
    /// the watch history; 410 Gone once the history no longer reaches back that far.
    /// </summary>
    public ListResult ListPage(ResourceType type, string? @namespace, ListOptions options)
    {
        lock (_gate)
        {
            var startAfter = "";
            var revision = _revision;
            IEnumerable<KeyValuePair<string, JsonObject>> objects;
            if (!string.IsNullOrEmpty(options.Continue))
            {
                (revision, startAfter) = ContinueToken.Decode(options.Continue);
                if (revision < _history.CompactedRevision || revision > _revision)
                {
                    throw ApiError.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list " +
                        "without the continue parameter, or use the continue token in this response to retrieve the remainder of the results.");
                }
                objects = AsOf(type, revision, startAfter);
            }
            else
            {
                objects = Table(type).Select(e => new KeyValuePair<string, JsonObject>(e.Key, e.Value.Object));
            }
            var items = new List<JsonObject>();
            string? lastKey = null;
            long remaining = 0;
            foreach (var (key, obj) in objects)
            {
                if (startAfter.Length > 0 && string.CompareOrdinal(key, startAfter) <= 0) continue;
                if (@namespace is not null && ObjectMeta.Namespace(obj) != @namespace) continue;
                if (!options.Matches(obj)) continue;
                if (options.Limit > 0 && items.Count >= options.Limit)
                {
                    remaining++;
                    continue;
                }
                items.Add(obj);
                lastKey = key;
            }
            return remaining > 0
                ? new ListResult(items, revision, ContinueToken.Encode(revision, lastKey!), remaining)
                : new ListResult(items, revision, null, null);
        }
    }

    /// <summary>
    /// The objects of <paramref name="type"/> after <paramref name="startAfter"/> as they were at <paramref name="revision"/>, in
    /// key order: the stored ones, with every object changed since then replaced by its state before its first later change
    /// (absent when that change created it). Call under the lock, with the history reaching back to the revision.
    /// </summary>
    private List<KeyValuePair<string, JsonObject>> AsOf(ResourceType type, long revision, string startAfter)
    {
        var typeKey = TypeKey(type);
        var then = new Dictionary<string, JsonObject?>(StringComparer.Ordinal);
        foreach (var e in _history.After(revision))
        {
            if (e.TypeKey != typeKey) continue;
            var key = Key(type, e.Namespace, ObjectMeta.Name(e.Object));
            then.TryAdd(key, e.Type == WatchEventType.Added ? null : e.Previous);
        }
        var result = new List<KeyValuePair<string, JsonObject>>();
        foreach (var (key, stored) in Table(type))
        {
            if (string.CompareOrdinal(key, startAfter) <= 0 || then.ContainsKey(key)) continue;
            result.Add(new(key, stored.Object));
        }
        foreach (var (key, obj) in then)
        {
            if (obj is not null && string.CompareOrdinal(key, startAfter) > 0) result.Add(new(key, obj));
        }
        result.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }
}
