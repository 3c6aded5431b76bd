using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Resources;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Walks an object with its <see cref="IFieldSchema"/> and lists the fields it sets: scalars, atomic lists and
/// structs, and empty objects are leaves (each holding its value, see <see cref="FieldSet.ModifiedLeaves"/>); list-map
/// and set items are members themselves. For Update operations (<c>markMaps</c>) a map-typed field (labels, data…) is a
/// member too, so its creator owns its existence.
/// </summary>
internal sealed class FieldSetBuilder
{
    /// <summary><c>f:name</c> elements of the field names seen (bounded: emptied when full).</summary>
    private static readonly ConcurrentDictionary<string, string> FieldElements = new(StringComparer.Ordinal);

    private const int FieldElementCapacity = 16_384;

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
        WalkFields(obj, set, new string[8], 0);
        return set;
    }

    /// <summary>
    /// The set of <see cref="ManagedView.Of"/>(<paramref name="obj"/>), walked in place: the same set without copying the
    /// object.
    /// </summary>
    public FieldSet BuildManaged(JsonObject? obj, ResourceType type, string? subresource)
    {
        var set = new FieldSet();
        if (obj is null) return set;
        var fields = new string[8];
        if (subresource == "status")
        {
            if (obj["status"] is JsonObject status) WalkField(set, "status", status, fields, 0);
            return set;
        }
        var dropStatus = type.HasSubresource("status");
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind" || (dropStatus && name == "status")) continue;
            if (name == "metadata" && value is JsonObject metadata)
            {
                WalkOwnedMetadata(metadata, set, fields);
                continue;
            }
            WalkField(set, name, value, fields, 0);
        }
        return set;
    }

    /// <summary>metadata without what the server sets (<see cref="ManagedView"/>); absent when nothing else is left.</summary>
    private void WalkOwnedMetadata(JsonObject metadata, FieldSet set, string[] fields)
    {
        var owned = 0;
        foreach (var (name, _) in metadata)
        {
            if (!ManagedView.IsServerMetadata(name)) owned++;
        }
        if (owned == 0) return;
        var node = set.Child(FieldPath.Field("metadata"));
        fields[0] = "metadata";
        var kind = _schema.ObjectAt(new ArraySegment<string>(fields, 0, 1));
        if (kind == ObjectKind.Atomic)
        {
            // Owned whole: the leaf value is the view itself (rare enough to copy).
            var view = (JsonObject)metadata.DeepClone();
            foreach (var name in ManagedView.ServerMetadataFields) view.Remove(name);
            node.MarkLeaf(view);
            return;
        }
        if (_markMaps && kind == ObjectKind.Map) node.MarkMember();
        foreach (var (name, value) in metadata)
        {
            if (!ManagedView.IsServerMetadata(name)) WalkField(node, name, value, fields, 1);
        }
    }

    /// <param name="fields">The field names down to here in its first <paramref name="depth"/> slots (the schema's path; grown as needed).</param>
    private void WalkField(FieldSet parent, string name, JsonNode? value, string[] fields, int depth)
    {
        var node = parent.Child(Element(name));
        if (value is not (JsonObject or JsonArray))
        {
            node.MarkLeaf(value);
            return;
        }
        if (depth == fields.Length) Array.Resize(ref fields, Math.Max(8, fields.Length * 2));
        fields[depth] = name;
        Walk(value, node, fields, depth + 1);
    }

    private void Walk(JsonNode value, FieldSet node, string[] fields, int depth)
    {
        var path = new ArraySegment<string>(fields, 0, depth);
        switch (value)
        {
            case JsonObject obj:
                var kind = _schema.ObjectAt(path);
                if (kind == ObjectKind.Atomic || obj.Count == 0)
                {
                    node.MarkLeaf(value);
                    return;
                }
                if (_markMaps && kind == ObjectKind.Map)
                {
                    node.MarkMember();
                }
                WalkFields(obj, node, fields, depth);
                return;
            case JsonArray list:
                var strategy = _schema.ListAt(path);
                if (strategy.Kind == ListKind.Atomic || list.Count == 0)
                {
                    node.MarkLeaf(value);
                    return;
                }
                foreach (var item in list)
                {
                    WalkItem(item, strategy, node, fields, depth);
                }
                return;
        }
    }

    private void WalkItem(JsonNode? item, ListStrategy strategy, FieldSet list, string[] fields, int depth)
    {
        if (strategy.Kind == ListKind.Set)
        {
            list.Child(FieldPath.Value(item)).MarkLeaf(item);
            return;
        }
        if (item is not JsonObject obj || FieldPath.Key(obj, strategy) is not { } key)
        {
            // A live item without its key cannot be addressed; own the list whole instead.
            list.MarkLeaf(item);
            return;
        }
        var node = list.Child(key);
        node.MarkMember();
        WalkFields(obj, node, fields, depth);
    }

    private void WalkFields(JsonObject obj, FieldSet node, string[] fields, int depth)
    {
        foreach (var (name, value) in obj)
        {
            WalkField(node, name, value, fields, depth);
        }
    }

    private static string Element(string name)
    {
        if (FieldElements.TryGetValue(name, out var element)) return element;
        if (FieldElements.Count >= FieldElementCapacity) FieldElements.Clear();
        return FieldElements[name] = FieldPath.Field(name);
    }
}
