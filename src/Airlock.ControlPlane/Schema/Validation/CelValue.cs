using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Schema.Validation;

/// <summary>JSON values as the CEL evaluator takes them: maps, lists, <c>long</c> integers, <c>double</c> numbers, strings, bools.</summary>
public static class CelValue
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(From).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => JsonKinds.TryGetInt64(v, out var l) ? l : JsonKinds.GetDouble(v),
            _ => null,
        },
        _ => null,
    };
}
