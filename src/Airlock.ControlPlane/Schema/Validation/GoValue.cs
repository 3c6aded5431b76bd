using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>JSON values printed the way the API server's field errors print them (Go's <c>%v</c> / <c>%q</c> / <c>%#v</c>).</summary>
public static class GoValue
{
    /// <summary><c>"x"</c> for strings, <c>100</c>, <c>1.5</c>, <c>true</c>, <c>null</c>; objects and arrays as Go prints a decoded map or slice.</summary>
    public static string Format(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonValue v => FormatScalar(v),
        JsonObject o => FormatMap(o),
        JsonArray a => "[]interface {}{" + string.Join(", ", a.Select(Nested)) + "}",
        _ => value.ToJsonString(),
    };

    /// <summary>Go's <c>%q</c> of a string.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Go's <c>%v</c> of a float64 bound (<c>600</c>, <c>0.5</c>, <c>1e+21</c>).</summary>
    public static string Number(double d)
    {
        if (Math.Abs(d) >= 1e21)
        {
            var s = d.ToString("0.################e+00", CultureInfo.InvariantCulture);
            return s;
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string FormatScalar(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => JsonNumber(v),
        _ => "\"null\"",
    };

    private static string JsonNumber(JsonValue v)
    {
        if (JsonKinds.TryGetInt64(v, out var l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }
        return Number(JsonKinds.GetDouble(v));
    }

    private static string FormatMap(JsonObject o) =>
        "map[string]interface {}{" + string.Join(", ", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}:{Nested(p.Value)}")) + "}";

    // Inside %#v of a map or slice, numbers are float64/int64 and strings quoted.
    private static string Nested(JsonNode? value) => value switch
    {
        null => "interface {}(nil)",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && JsonKinds.TryGetInt64(v, out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => Format(value),
    };
}
