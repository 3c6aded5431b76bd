using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Merges an applied configuration into the live object: structs and maps recursively, list-maps item by key,
/// sets by value, atomic lists and structs replaced whole. Live-only items keep their place; new ones are appended.
/// </summary>
internal sealed class ApplyMerge
{
    private readonly IFieldSchema _schema;

    public ApplyMerge(IFieldSchema schema) => _schema = schema;

    public JsonObject Merge(JsonObject live, JsonObject config) => MergeObject(live, config, []);

    private JsonObject MergeObject(JsonObject live, JsonObject config, string[] fields)
    {
        var result = (JsonObject)live.DeepClone();
        foreach (var (name, value) in config)
        {
            if (value is null)
            {
                // Applying null means "this field is unset".
                result.Remove(name);
                continue;
            }
            string[] childFields = [.. fields, name];
            var existing = result[name];
            result[name] = value switch
            {
                JsonObject obj when existing is JsonObject liveObj && _schema.ObjectAt(childFields) != ObjectKind.Atomic =>
                    MergeObject(liveObj, obj, childFields),
                JsonArray list when existing is JsonArray liveList => MergeList(liveList, list, childFields),
                _ => value.DeepClone(),
            };
        }
        return result;
    }

    private JsonArray MergeList(JsonArray live, JsonArray config, string[] fields)
    {
        var strategy = _schema.ListAt(fields);
        switch (strategy.Kind)
        {
            case ListKind.Set:
                var union = live.Select(n => n?.DeepClone()).ToList();
                foreach (var item in config.Where(item => !live.Any(l => JsonNode.DeepEquals(l, item))))
                {
                    union.Add(item?.DeepClone());
                }
                return new JsonArray(union.ToArray());
            case ListKind.Map:
                var items = live.Select(n => n?.DeepClone()).ToList();
                foreach (var item in config.OfType<JsonObject>())
                {
                    var key = FieldPath.Key(item, strategy);
                    var index = items.FindIndex(l => l is JsonObject o && FieldPath.Key(o, strategy) == key);
                    if (index >= 0)
                    {
                        items[index] = MergeObject((JsonObject)items[index]!, item, fields);
                    }
                    else
                    {
                        items.Add(item.DeepClone());
                    }
                }
                return new JsonArray(items.ToArray());
            default:
                return (JsonArray)config.DeepClone();
        }
    }
}
