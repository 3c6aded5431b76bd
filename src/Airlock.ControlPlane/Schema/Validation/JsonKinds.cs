using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>The OpenAPI type name of a JSON value (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>object</c>, <c>array</c>, <c>null</c>).</summary>
public static class JsonKinds
{
    public static string TypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsInteger(v) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    /// <summary>True when the value is a JSON number without a fractional part.</summary>
    public static bool IsInteger(JsonValue v)
    {
        if (v.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (TryGetInt64(v, out _))
        {
            return true;
        }
        var d = GetDouble(v);
        return Math.Floor(d) == d && !double.IsInfinity(d) && !v.ToJsonString().Contains('.', StringComparison.Ordinal);
    }

    public static bool TryGetInt64(JsonValue v, out long value)
    {
        if (v.TryGetValue(out value))
        {
            return true;
        }
        if (v.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetInt64(out value);
        }
        if (v.TryGetValue<int>(out var i))
        {
            value = i;
            return true;
        }
        return false;
    }

    public static double GetDouble(JsonValue v)
    {
        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }
        if (v.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number)
        {
            return element.GetDouble();
        }
        return double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string? AsString(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool IsTrue(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
