using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>Path elements of a <see cref="FieldSet"/>, and their printed form in conflict messages (<c>.spec.containers[name="app"].image</c>).</summary>
public static class FieldPath
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Field(string name) => "f:" + name;

    public static string Value(JsonNode? value) => "v:" + Json(value);

    /// <summary>The <c>k:</c> element of a list-map item (key fields sorted by name), or null when a key has no value or default.</summary>
    public static string? Key(JsonObject item, ListStrategy strategy)
    {
        var key = new JsonObject();
        foreach (var name in strategy.Keys.Order(StringComparer.Ordinal))
        {
            if (item[name] is { } value)
            {
                key[name] = value.DeepClone();
            }
            else if (strategy.KeyDefaults.TryGetValue(name, out var fallback))
            {
                key[name] = fallback;
            }
            else
            {
                return null;
            }
        }
        return "k:" + key.ToJsonString(Compact);
    }

    public static string Json(JsonNode? value) => value?.ToJsonString(Compact) ?? "null";

    /// <summary>Formats a path the way structured-merge-diff prints it.</summary>
    public static string Display(IEnumerable<string> path) => string.Concat(path.Select(DisplayElement));

    private static string DisplayElement(string element)
    {
        var body = element[2..];
        switch (element[..2])
        {
            case "f:":
                return "." + body;
            case "v:":
                return "[=" + body + "]";
            case "k:":
                var key = JsonNode.Parse(body) as JsonObject ?? [];
                return "[" + string.Join(",", key.Select(p => $"{p.Key}={Json(p.Value)}")) + "]";
            default:
                return "[" + body + "]";
        }
    }
}
