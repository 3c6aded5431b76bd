using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>
/// Structural defaulting, as the apiextensions server does it when decoding a custom resource: a property's
/// <c>default</c> is set when the property is absent (or null and not nullable), recursively into present and defaulted
/// objects, array items and map values. Non-nullable nulls without a default are dropped.
/// </summary>
public sealed class Defaulter(SchemaResolver resolver)
{
    public void Apply(JsonNode? value, JsonObject schema, SchemaMode mode)
    {
        (schema, mode) = resolver.Resolve(schema, mode);
        if (mode == SchemaMode.Builtin)
        {
            return;
        }
        switch (value)
        {
            case JsonObject obj:
                ApplyToObject(obj, SchemaView.IsEmbeddedResource(schema) ? SchemaResolver.WithTypeAndObjectMeta(schema) : schema, mode);
                break;
            case JsonArray array when SchemaView.Items(schema) is { } items:
                foreach (var item in array)
                {
                    Apply(item, items, mode);
                }
                break;
        }
    }

    private void ApplyToObject(JsonObject obj, JsonObject schema, SchemaMode mode)
    {
        var properties = SchemaView.Properties(schema);
        if (properties is not null)
        {
            foreach (var (name, node) in properties)
            {
                if (node is not JsonObject propertySchema)
                {
                    continue;
                }
                var present = obj.TryGetPropertyValue(name, out var current);
                if (present && current is not null)
                {
                    continue;
                }
                if (propertySchema["default"] is { } defaultValue)
                {
                    if (!present || !SchemaView.IsNullable(propertySchema))
                    {
                        obj[name] = defaultValue.DeepClone();
                    }
                }
                else if (present && !SchemaView.IsNullable(propertySchema) && !SchemaView.PreservesUnknownFields(propertySchema))
                {
                    obj.Remove(name);
                }
            }
        }
        var additional = SchemaView.AdditionalProperties(schema);
        foreach (var (key, child) in obj.ToList())
        {
            if (properties?[key] is JsonObject propertySchema)
            {
                Apply(child, propertySchema, mode);
            }
            else if (additional is not null)
            {
                Apply(child, additional, mode);
            }
        }
    }
}
