using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// Removes fields the schema does not declare (unless <c>x-kubernetes-preserve-unknown-fields</c> or
/// <c>additionalProperties</c> keeps them) and records their paths: <c>spec.foo</c>, <c>spec.items[0].bar</c>.
/// </summary>
public sealed class Pruner(SchemaResolver resolver)
{
    public void Prune(JsonNode? value, JsonObject schema, SchemaMode mode, string path, List<string> pruned)
    {
        (schema, mode) = resolver.Resolve(schema, mode);
        switch (value)
        {
            case JsonObject obj:
                PruneObject(obj, schema, mode, path, pruned);
                break;
            case JsonArray array when SchemaView.Items(schema) is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Prune(array[i], items, mode, SchemaErrors.Index(path, i), pruned);
                }
                break;
        }
    }

    private void PruneObject(JsonObject obj, JsonObject schema, SchemaMode mode, string path, List<string> pruned)
    {
        if (SchemaView.IsEmbeddedResource(schema))
        {
            schema = SchemaResolver.WithTypeAndObjectMeta(schema);
        }
        var properties = SchemaView.Properties(schema);
        var additional = SchemaView.AdditionalProperties(schema);
        var preserve = SchemaView.PreservesUnknownFields(schema);
        List<string>? unknown = null;
        foreach (var (key, child) in obj)
        {
            // Only objects and arrays hold anything to prune: scalars need neither their schema nor their path.
            if (properties?[key] is JsonObject propertySchema)
            {
                if (child is JsonObject or JsonArray) Prune(child, propertySchema, mode, SchemaErrors.Child(path, key), pruned);
            }
            else if (additional is not null)
            {
                if (child is JsonObject or JsonArray) Prune(child, additional, mode, SchemaErrors.Child(path, key), pruned);
            }
            else if (!preserve)
            {
                // Reported in document order; removed after the walk.
                (unknown ??= []).Add(key);
                pruned.Add(SchemaErrors.Child(path, key));
            }
        }
        if (unknown is null) return;
        foreach (var key in unknown) obj.Remove(key);
    }
}
