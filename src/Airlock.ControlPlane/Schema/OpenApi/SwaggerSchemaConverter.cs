using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Turns an OpenAPI 3.0 component schema into the Swagger 2.0 form the API server publishes at <c>/openapi/v2</c>, with the
/// simplifications kube-apiserver applies there so that kubectl's client-side validator (which reads only v2) neither
/// rejects valid objects nor chokes on v3-only keywords:
/// <list type="bullet">
/// <item><c>$ref</c>s point into <c>#/definitions/</c>; a lone <c>allOf: [{$ref}]</c> wrapper becomes a plain <c>$ref</c>
/// (v2 keeps a description beside a <c>$ref</c>).</item>
/// <item><c>oneOf</c>, <c>anyOf</c> and <c>not</c> are dropped (v2 has none of them).</item>
/// <item>A <c>nullable</c> node loses its type, properties and items, and a node that preserves unknown fields loses its
/// properties and items: kubectl would otherwise refuse a null or an unlisted field the server accepts.</item>
/// <item>An array left without an item schema loses its type (kubectl's model parser refuses such an array).</item>
/// </list>
/// Pure: the input is not changed.
/// </summary>
public static class SwaggerSchemaConverter
{
    public const string DefinitionsPrefix = "#/definitions/";

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "oneOf", "anyOf", "not", "nullable", "allOf" };

    public static JsonObject Convert(JsonObject schema)
    {
        var result = new JsonObject();
        if (LoneReference(schema) is { } reference)
        {
            result["$ref"] = DefinitionsPrefix + reference;
        }
        foreach (var (key, value) in schema)
        {
            if (Dropped.Contains(key) || value is null)
            {
                continue;
            }
            result[key] = key switch
            {
                "$ref" => DefinitionsPrefix + ComponentName(value.GetValue<string>()),
                "properties" when value is JsonObject properties => ConvertProperties(properties),
                "items" when value is JsonObject items => Convert(items),
                "additionalProperties" when value is JsonObject additional => Convert(additional),
                _ => value.DeepClone(),
            };
        }
        Simplify(schema, result);
        return result;
    }

    /// <summary>The component a <c>$ref</c> names, whatever its prefix (<c>#/components/schemas/X</c> → <c>X</c>).</summary>
    public static string ComponentName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    private static JsonObject ConvertProperties(JsonObject properties)
    {
        var converted = new JsonObject();
        foreach (var (name, property) in properties)
        {
            converted[name] = property is JsonObject schema ? Convert(schema) : new JsonObject();
        }
        return converted;
    }

    private static string? LoneReference(JsonObject schema) =>
        !schema.ContainsKey("$ref") && schema["allOf"] is JsonArray { Count: 1 } allOf && allOf[0]?["$ref"]?.GetValue<string>() is { } reference
            ? ComponentName(reference)
            : null;

    private static void Simplify(JsonObject original, JsonObject result)
    {
        if (original["nullable"]?.GetValue<bool>() == true)
        {
            result.Remove("type");
            result.Remove("properties");
            result.Remove("items");
            result.Remove("required");
        }
        if (original["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true)
        {
            result.Remove("properties");
            result.Remove("items");
            result.Remove("required");
        }
        if (result["type"]?.GetValue<string>() == "array" && result["items"] is null)
        {
            result.Remove("type");
        }
    }
}
