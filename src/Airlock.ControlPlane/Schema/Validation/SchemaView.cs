using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>Typed reads of a JSON schema node's keywords.</summary>
public static class SchemaView
{
    public static string? Type(JsonObject schema) => JsonKinds.AsString(schema["type"]);

    public static JsonObject? Properties(JsonObject schema) => schema["properties"] as JsonObject;

    public static JsonObject? Items(JsonObject schema) => schema["items"] as JsonObject;

    public static bool Flag(JsonObject schema, string keyword) => JsonKinds.IsTrue(schema[keyword]);

    public static bool PreservesUnknownFields(JsonObject schema) => Flag(schema, "x-kubernetes-preserve-unknown-fields");

    public static bool IsIntOrString(JsonObject schema) => Flag(schema, "x-kubernetes-int-or-string");

    public static bool IsEmbeddedResource(JsonObject schema) => Flag(schema, "x-kubernetes-embedded-resource");

    public static bool IsNullable(JsonObject schema) => Flag(schema, "nullable");

    /// <summary>The schema of map values: <c>additionalProperties</c> as a schema, or <c>{}</c> (anything) when it is <c>true</c>.</summary>
    public static JsonObject? AdditionalProperties(JsonObject schema) => schema["additionalProperties"] switch
    {
        JsonObject o => o,
        JsonValue v when JsonKinds.IsTrue(v) => new JsonObject { ["x-kubernetes-preserve-unknown-fields"] = true },
        _ => null,
    };

    public static long? Long(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? (long)JsonKinds.GetDouble(v) : null;

    public static double? Double(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? JsonKinds.GetDouble(v) : null;

    public static IEnumerable<string> Strings(JsonObject schema, string keyword) =>
        schema[keyword] is JsonArray a ? a.Select(JsonKinds.AsString).OfType<string>() : [];
}
