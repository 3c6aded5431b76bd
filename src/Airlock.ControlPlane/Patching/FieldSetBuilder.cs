using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Walks an object with its <see cref="IFieldSchema"/> and lists the fields it sets: scalars, atomic lists and
/// structs, and empty objects are leaves; list-map and set items are members themselves. For Update operations
/// (<c>markMaps</c>) a map-typed field (labels, data…) is a member too, so its creator owns its existence.
/// </summary>
internal sealed class FieldSetBuilder
{
    private readonly IFieldSchema _schema;
    private readonly bool _markMaps;

    public FieldSetBuilder(IFieldSchema schema, bool markMaps)
    {
        _schema = schema;
        _markMaps = markMaps;
    }

    public FieldSet Build(JsonObject obj)
    {
        var set = new FieldSet();
        WalkFields(obj, [], [], set, null);
        return set;
    }

    /// <summary>Builds the set and the values of its leaves, keyed by <see cref="LeafKey"/>.</summary>
    public FieldSet Build(JsonObject obj, out Dictionary<string, FieldLeaf> leaves)
    {
        var set = new FieldSet();
        leaves = new Dictionary<string, FieldLeaf>(StringComparer.Ordinal);
        WalkFields(obj, [], [], set, leaves);
        return set;
    }

    /// <summary>
    /// <see cref="Build(JsonObject, out Dictionary{string, FieldLeaf})"/> of <see cref="ManagedView.Of"/>(<paramref name="obj"/>),
    /// walked in place: the same set and leaves without copying the object.
    /// </summary>
    public FieldSet BuildManaged(JsonObject? obj, ResourceType type, string? subresource, out Dictionary<string, FieldLeaf> leaves)
    {
        var set = new FieldSet();
        leaves = new Dictionary<string, FieldLeaf>(StringComparer.Ordinal);
        if (obj is null) return set;
        if (subresource == "status")
        {
            if (obj["status"] is JsonObject status) Walk(status, [FieldPath.Field("status")], ["status"], set, leaves);
            return set;
        }
        var dropStatus = type.HasSubresource("status");
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind" || (dropStatus && name == "status")) continue;
            if (name == "metadata" && value is JsonObject metadata)
            {
                WalkOwnedMetadata(metadata, set, leaves);
                continue;
            }
            Walk(value, [FieldPath.Field(name)], [name], set, leaves);
        }
        return set;
    }

    public static string LeafKey(IReadOnlyList<string> path) => string.Join('\u001f', path);

    /// <summary>metadata without what the server sets (<see cref="ManagedView"/>); absent when nothing else is left.</summary>
    private void WalkOwnedMetadata(JsonObject metadata, FieldSet set, Dictionary<string, FieldLeaf> leaves)
    {
        var owned = 0;
        foreach (var (name, _) in metadata)
        {
            if (!ManagedView.IsServerMetadata(name)) owned++;
        }
        if (owned == 0) return;
        string[] path = [FieldPath.Field("metadata")];
        string[] fields = ["metadata"];
        var kind = _schema.ObjectAt(fields);
        if (kind == ObjectKind.Atomic)
        {
            // Owned whole: the leaf value is the view itself (rare enough to copy).
            var view = (JsonObject)metadata.DeepClone();
            foreach (var name in ManagedView.ServerMetadataFields) view.Remove(name);
            Leaf(view, path, set, leaves);
            return;
        }
        if (_markMaps && kind == ObjectKind.Map) set.Insert(path);
        foreach (var (name, value) in metadata)
        {
            if (!ManagedView.IsServerMetadata(name)) Walk(value, [.. path, FieldPath.Field(name)], [.. fields, name], set, leaves);
        }
    }

    private void Walk(JsonNode? node, string[] path, string[] fields, FieldSet set, Dictionary<string, FieldLeaf>? leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                var kind = _schema.ObjectAt(fields);
                if (kind == ObjectKind.Atomic || obj.Count == 0)
                {
                    Leaf(node, path, set, leaves);
                    return;
                }
                if (_markMaps && kind == ObjectKind.Map)
                {
                    set.Insert(path);
                }
                WalkFields(obj, path, fields, set, leaves);
                return;
            case JsonArray list:
                var strategy = _schema.ListAt(fields);
                if (strategy.Kind == ListKind.Atomic || list.Count == 0)
                {
                    Leaf(node, path, set, leaves);
                    return;
                }
                foreach (var item in list)
                {
                    WalkItem(item, strategy, path, fields, set, leaves);
                }
                return;
            default:
                Leaf(node, path, set, leaves);
                return;
        }
    }

    private void WalkItem(JsonNode? item, ListStrategy strategy, string[] path, string[] fields, FieldSet set, Dictionary<string, FieldLeaf>? leaves)
    {
        if (strategy.Kind == ListKind.Set)
        {
            Leaf(item, [.. path, FieldPath.Value(item)], set, leaves);
            return;
        }
        if (item is not JsonObject obj || FieldPath.Key(obj, strategy) is not { } key)
        {
            // A live item without its key cannot be addressed; own the list whole instead.
            Leaf(item, path, set, leaves);
            return;
        }
        string[] itemPath = [.. path, key];
        set.Insert(itemPath);
        WalkFields(obj, itemPath, fields, set, leaves);
    }

    private void WalkFields(JsonObject obj, string[] path, string[] fields, FieldSet set, Dictionary<string, FieldLeaf>? leaves)
    {
        foreach (var (name, value) in obj)
        {
            Walk(value, [.. path, FieldPath.Field(name)], [.. fields, name], set, leaves);
        }
    }

    private static void Leaf(JsonNode? node, string[] path, FieldSet set, Dictionary<string, FieldLeaf>? leaves)
    {
        set.Insert(path);
        if (leaves is not null) leaves[LeafKey(path)] = new FieldLeaf(path, node);
    }
}
