using System.Text.Json.Nodes;

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

    public FieldSet Build(JsonObject obj) => Build(obj, out _);

    /// <summary>Builds the set and the values of its leaves, keyed by <see cref="LeafKey"/>.</summary>
    public FieldSet Build(JsonObject obj, out Dictionary<string, JsonNode?> leaves)
    {
        var set = new FieldSet();
        leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        WalkFields(obj, [], [], set, leaves);
        return set;
    }

    public static string LeafKey(IReadOnlyList<string> path) => string.Join('\u001f', path);

    private void Walk(JsonNode? node, string[] path, string[] fields, FieldSet set, Dictionary<string, JsonNode?> leaves)
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

    private void WalkItem(JsonNode? item, ListStrategy strategy, string[] path, string[] fields, FieldSet set, Dictionary<string, JsonNode?> leaves)
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

    private void WalkFields(JsonObject obj, string[] path, string[] fields, FieldSet set, Dictionary<string, JsonNode?> leaves)
    {
        foreach (var (name, value) in obj)
        {
            Walk(value, [.. path, FieldPath.Field(name)], [.. fields, name], set, leaves);
        }
    }

    private static void Leaf(JsonNode? node, string[] path, FieldSet set, Dictionary<string, JsonNode?> leaves)
    {
        set.Insert(path);
        leaves[LeafKey(path)] = node;
    }
}
