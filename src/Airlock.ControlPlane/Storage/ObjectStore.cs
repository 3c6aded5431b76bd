using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Resources;
using Airlock.ControlPlane.Storage.Watching;

namespace Airlock.ControlPlane.Storage;

/// <summary>
/// The in-memory object store behind the local control plane: thread-safe, with one global resourceVersion counter,
/// optimistic concurrency, finalizers, namespaces and a bounded watch history.
/// </summary>
/// <remarks>
/// Immutability: every committed object is a private <see cref="JsonObject"/> that is fully materialised ("frozen") under the
/// lock and never mutated afterwards; a change always commits a new instance. Public reads (<see cref="Get"/>,
/// <see cref="List(ResourceType, string?)"/>, write results) hand out deep clones the caller owns. Only the server's
/// serialisation path uses the frozen snapshots directly (<see cref="GetSnapshot"/>, <see cref="ListPage"/>, watch events),
/// and it only reads them. One lock serialises writes, so concurrent writers never lose an update.
/// </remarks>
public sealed partial class ObjectStore : IObjectReader
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredObject> _byUid = new(StringComparer.Ordinal);
    private readonly List<WatchSubscription> _watchers = [];
    private readonly WatchHistory _history;
    private readonly TimeProvider _time;
    /// <summary>Every stored object by (type, key): point reads go here without the lock (entries are immutable snapshots).</summary>
    private readonly ConcurrentDictionary<(string TypeKey, string Key), StoredObject> _byKey = new();

    /// <summary>The revision of the newest change to each type (lock-free reads, for callers that cache per type).</summary>
    private readonly ConcurrentDictionary<string, long> _typeRevisions = new(StringComparer.Ordinal);

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _revision;

    public ObjectStore(StoreOptions? options = null)
    {
        options ??= new StoreOptions();
        _history = new WatchHistory(options.WatchHistorySize);
        _time = options.Time;
        foreach (var ns in InitialNamespaces)
        {
            Create(BuiltinResources.Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }

    /// <summary>The namespaces every cluster starts with.</summary>
    public static readonly IReadOnlyList<string> InitialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>The resourceVersion of the newest committed change.</summary>
    public long CurrentRevision
    {
        get => Volatile.Read(ref _revision);
    }

    /// <summary>The resourceVersion of the newest committed change to objects of <paramref name="type"/> (0: none yet).</summary>
    public long RevisionOf(ResourceType type) => _typeRevisions.GetValueOrDefault(TypeKey(type));

    /// <summary>Completes on the next committed change (background controllers wait on it).</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        // The source is swapped (under the lock) after each commit completes the old one, so reading it without the lock
        // yields either one not completed yet or one completed by a change that is already visible.
        return Volatile.Read(ref _changed).Task.WaitAsync(cancellationToken);
    }

    public JsonObject? Get(ResourceType type, string? @namespace, string name) =>
        GetSnapshot(type, @namespace, name)?.Object.DeepClone().AsObject();

    public IReadOnlyList<JsonObject> List(ResourceType type, string? @namespace) =>
        ListPage(type, @namespace, ListOptions.Everything).Items.Select(o => o.DeepClone().AsObject()).ToList();

    /// <summary>In-process readers (RBAC, admission, token checks) get the frozen snapshot itself: no copy per request.</summary>
    JsonObject? IObjectReader.Get(ResourceType type, string? @namespace, string name) => GetSnapshot(type, @namespace, name)?.Object;

    /// <inheritdoc cref="IObjectReader.Get"/>
    IReadOnlyList<JsonObject> IObjectReader.List(ResourceType type, string? @namespace) => ListPage(type, @namespace, ListOptions.Everything).Items;

    long? IObjectReader.RevisionOf(ResourceType type) => RevisionOf(type);

    /// <summary>The stored entry (frozen: do not mutate <see cref="StoredObject.Object"/>), or null.</summary>
    public StoredObject? GetSnapshot(ResourceType type, string? @namespace, string name) =>
        _byKey.GetValueOrDefault((TypeKey(type), Key(type, @namespace, name)));

    /// <summary>Every stored object of every type (frozen snapshots), for background controllers.</summary>
    public IReadOnlyList<StoredObject> Snapshot()
    {
        lock (_gate) return _tables.Values.SelectMany(t => t.Values).ToList();
    }

    /// <summary>True when an object with this uid is stored (being deleted or not).</summary>
    public bool ContainsUid(string uid)
    {
        lock (_gate) return _byUid.ContainsKey(uid);
    }

    private SortedDictionary<string, StoredObject> Table(ResourceType type)
    {
        var typeKey = TypeKey(type);
        if (!_tables.TryGetValue(typeKey, out var table))
        {
            table = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            _tables[typeKey] = table;
        }
        return table;
    }

    /// <summary>Objects are stored once per group and resource, whatever version they were written in.</summary>
    public static string TypeKey(ResourceType type) => type.QualifiedResource;

    private static string Key(ResourceType type, string? @namespace, string name) => type.Namespaced ? $"{@namespace}/{name}" : name;

    private string Now() => ObjectMeta.Timestamp(_time.GetUtcNow());

    /// <summary>Stamps a new revision on <paramref name="obj"/>, freezes it and publishes the change. Call under the lock.</summary>
    private JsonObject Commit(ResourceType type, string key, JsonObject obj, StoredObject? previous, WatchEventType kind)
    {
        // Published (below) only once every watcher has been offered the change: a lock-free reader of CurrentRevision never
        // sees a revision whose event a watch has not queued yet (a BOOKMARK at it would let the client skip that event).
        var revision = _revision + 1;
        ObjectMeta.Metadata(obj)["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        // Re-parse so every stored value behaves like parsed JSON (a number set in code as long reads as int too), then freeze.
        var json = SnapshotJson.Serialize(obj);
        obj = JsonNode.Parse(json)!.AsObject();
        Freeze(obj);
        SnapshotJson.Remember(obj, json);
        var table = Table(type);
        var uid = ObjectMeta.Uid(obj);
        if (kind == WatchEventType.Deleted)
        {
            table.Remove(key);
            _byKey.TryRemove((TypeKey(type), key), out _);
            _byUid.Remove(uid);
        }
        else
        {
            var stored = new StoredObject(type, key, obj, revision);
            table[key] = stored;
            _byKey[(TypeKey(type), key)] = stored;
            _byUid[uid] = stored;
        }
        _typeRevisions[TypeKey(type)] = revision;
        Reindex(uid, obj, kind);
        var e = new WatchEvent(kind, TypeKey(type), ObjectMeta.Namespace(obj), obj, previous?.Object, revision);
        _history.Add(e);
        foreach (var watcher in _watchers) watcher.Offer(e);
        Volatile.Write(ref _revision, revision);
        var changed = _changed;
        Volatile.Write(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        changed.TrySetResult();
        return obj;
    }

    /// <summary>Forces every lazily-parsed node to materialise so that concurrent readers never race on initialisation.</summary>
    private static void Freeze(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o) Freeze(child);
                break;
            case JsonArray a:
                foreach (var child in a) Freeze(child);
                break;
        }
    }
}
