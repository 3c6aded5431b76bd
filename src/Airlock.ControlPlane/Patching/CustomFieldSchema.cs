using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// List and map shapes of a custom resource, read from its CRD's <c>openAPIV3Schema</c>:
/// <c>x-kubernetes-list-type</c> (<c>map</c> with <c>x-kubernetes-list-map-keys</c>, <c>set</c>, default atomic) and
/// <c>x-kubernetes-map-type</c>. ObjectMeta is not in CRD schemas, so its lists come from the built-in rules.
/// </summary>
public sealed class CustomFieldSchema : IFieldSchema
{
    private static readonly BuiltinFieldSchema Metadata = BuiltinSchemas.For("", "");
    private readonly JsonObject? _root;

    public CustomFieldSchema(JsonObject? openApiV3Schema) => _root = openApiV3Schema;

    public ListStrategy ListAt(IReadOnlyList<string> fieldPath)
    {
        if (fieldPath.Count > 0 && fieldPath[0] == "metadata")
        {
            return Metadata.ListAt(fieldPath);
        }
        var node = Resolve(fieldPath);
        switch (Text(node, "x-kubernetes-list-type"))
        {
            case "set":
                return ListStrategy.Set;
            case "map":
                var keys = node?["x-kubernetes-list-map-keys"] is JsonArray k
                    ? k.Select(n => n?.GetValue<string>() ?? "").Where(s => s.Length > 0).ToArray()
                    : [];
                return keys.Length > 0 ? new ListStrategy(ListKind.Map, keys) : ListStrategy.Atomic;
            default:
                return ListStrategy.Atomic;
        }
    }

    public ObjectKind ObjectAt(IReadOnlyList<string> fieldPath)
    {
        if (fieldPath.Count > 0 && fieldPath[0] == "metadata")
        {
            return Metadata.ObjectAt(fieldPath);
        }
        var node = Resolve(fieldPath);
        if (node is null)
        {
            return fieldPath.Count == 0 ? ObjectKind.Struct : ObjectKind.Map;
        }
        if (Text(node, "x-kubernetes-map-type") == "atomic")
        {
            return ObjectKind.Atomic;
        }
        var hasProperties = node["properties"] is JsonObject { Count: > 0 };
        return hasProperties ? ObjectKind.Struct : ObjectKind.Map;
    }

    private JsonObject? Resolve(IReadOnlyList<string> fieldPath)
    {
        var node = _root;
        foreach (var segment in fieldPath)
        {
            if (node is null)
            {
                return null;
            }
            if (Text(node, "type") == "array")
            {
                node = node["items"] as JsonObject;
            }
            node = node?["properties"]?[segment] as JsonObject ?? node?["additionalProperties"] as JsonObject;
        }
        return node;
    }

    private static string? Text(JsonObject? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
