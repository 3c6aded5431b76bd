using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Encodes a Swagger 2.0 document as the protobuf message kubectl asks <c>/openapi/v2</c> for
/// (<c>application/com.github.proto-openapi.spec.v2@v1.0+protobuf</c>): gnostic's <c>openapi.v2.Document</c>. Field numbers
/// are those of gnostic's <c>openapiv2/OpenAPIv2.proto</c>. Vendor extensions, defaults, enums and examples travel as
/// <c>Any.yaml</c> strings; their JSON text is valid YAML, which is how kubectl reads them back.
/// </summary>
public static class SwaggerProtobuf
{
    public static byte[] Encode(JsonObject document)
    {
        var writer = new ProtoWriter();
        writer.String(1, document["swagger"]?.GetValue<string>());
        if (document["info"] is JsonObject info)
        {
            writer.Message(2, w =>
            {
                w.String(1, info["title"]?.GetValue<string>());
                w.String(2, info["version"]?.GetValue<string>());
            });
        }
        writer.Message(8, _ => { }); // paths: published in v3 only (see SwaggerDocumentBuilder)
        if (document["definitions"] is JsonObject definitions)
        {
            writer.Message(9, w => NamedSchemas(w, definitions));
        }
        return writer.ToArray();
    }

    /// <summary>Definitions and Properties share one shape: <c>repeated NamedSchema additional_properties = 1</c>.</summary>
    private static void NamedSchemas(ProtoWriter writer, JsonObject schemas)
    {
        foreach (var (name, schema) in schemas)
        {
            writer.Message(1, named =>
            {
                named.String(1, name);
                named.Message(2, s => Schema(s, schema as JsonObject ?? []));
            });
        }
    }

    private static void Schema(ProtoWriter writer, JsonObject schema)
    {
        writer.String(1, Text(schema, "$ref"));
        writer.String(2, Text(schema, "format"));
        writer.String(3, Text(schema, "title"));
        writer.String(4, Text(schema, "description"));
        if (schema["default"] is { } defaultValue) writer.Message(5, w => Any(w, defaultValue));
        writer.Double(6, Number(schema, "multipleOf"));
        writer.Double(7, Number(schema, "maximum"));
        writer.Bool(8, Flag(schema, "exclusiveMaximum"));
        writer.Double(9, Number(schema, "minimum"));
        writer.Bool(10, Flag(schema, "exclusiveMinimum"));
        writer.Int64(11, (long)Number(schema, "maxLength"));
        writer.Int64(12, (long)Number(schema, "minLength"));
        writer.String(13, Text(schema, "pattern"));
        writer.Int64(14, (long)Number(schema, "maxItems"));
        writer.Int64(15, (long)Number(schema, "minItems"));
        writer.Bool(16, Flag(schema, "uniqueItems"));
        writer.Int64(17, (long)Number(schema, "maxProperties"));
        writer.Int64(18, (long)Number(schema, "minProperties"));
        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            writer.String(19, required?.GetValue<string>());
        }
        foreach (var value in schema["enum"] as JsonArray ?? [])
        {
            writer.Message(20, w => Any(w, value));
        }
        switch (schema["additionalProperties"])
        {
            case JsonObject additional:
                writer.Message(21, w => w.Message(1, s => Schema(s, additional)));
                break;
            case JsonValue allowed when allowed.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                writer.Message(21, w => w.Bool(2, allowed.GetValue<bool>()));
                break;
        }
        if (Text(schema, "type") is { } type) writer.Message(22, w => w.String(1, type));
        if (schema["items"] is JsonObject items) writer.Message(23, w => w.Message(1, s => Schema(s, items)));
        if (schema["properties"] is JsonObject properties) writer.Message(25, w => NamedSchemas(w, properties));
        writer.Bool(27, Flag(schema, "readOnly"));
        if (schema["example"] is { } example) writer.Message(30, w => Any(w, example));
        foreach (var (key, value) in schema)
        {
            if (key.StartsWith("x-", StringComparison.Ordinal))
            {
                writer.Message(31, named =>
                {
                    named.String(1, key);
                    named.Message(2, w => Any(w, value));
                });
            }
        }
    }

    /// <summary>gnostic's <c>Any</c>: the value as YAML text (field 2); JSON is a subset of YAML.</summary>
    private static void Any(ProtoWriter writer, JsonNode? value) => writer.String(2, value?.ToJsonString() ?? "null");

    private static string? Text(JsonObject schema, string key) =>
        schema[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static double Number(JsonObject schema, string key) =>
        schema[key] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : 0;

    private static bool Flag(JsonObject schema, string key) =>
        schema[key] is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
