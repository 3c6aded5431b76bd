using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Auth;

/// <summary>Lenient readers for the JSON shapes auth code consumes: absent or wrongly typed values read as empty.</summary>
internal static class JsonFields
{
    /// <summary>The string at <paramref name="path"/>, or "" when absent or not a string.</summary>
    public static string Str(JsonNode? node, params string[] path)
    {
        var current = Walk(node, path);
        return current is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
    }

    /// <summary>The integer at <paramref name="path"/>, or null when absent or not an integer.</summary>
    public static long? Long(JsonNode? node, params string[] path)
    {
        var current = Walk(node, path);
        if (current is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return null;
        return long.TryParse(value.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>The strings of the array at <paramref name="path"/> (non-string items skipped); empty when absent.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, params string[] path)
    {
        if (Walk(node, path) is not JsonArray array) return [];
        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String) result.Add(value.GetValue<string>());
        }
        return result;
    }

    public static JsonObject? Obj(JsonNode? node, params string[] path) => Walk(node, path) as JsonObject;

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>A map of string lists (UserInfo.extra) as JSON.</summary>
    public static JsonObject Map(IReadOnlyDictionary<string, IReadOnlyList<string>> map)
    {
        var result = new JsonObject();
        foreach (var (key, values) in map.OrderBy(e => e.Key, StringComparer.Ordinal)) result[key] = Array(values);
        return result;
    }

    /// <summary>Reads a JSON map of string lists (UserInfo.extra); non-array entries are skipped.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadMap(JsonNode? node)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is not JsonObject map) return result;
        foreach (var (key, value) in map)
        {
            if (value is JsonArray) result[key] = Strings(value);
        }
        return result;
    }

    /// <summary>authentication.k8s.io UserInfo as JSON (username, uid, groups, extra; empty parts left out).</summary>
    public static JsonObject User(UserInfo user)
    {
        var json = new JsonObject { ["username"] = user.Name };
        if (!string.IsNullOrEmpty(user.Uid)) json["uid"] = user.Uid;
        if (user.Groups.Count > 0) json["groups"] = Array(user.Groups);
        if (user.Extra.Count > 0) json["extra"] = Map(user.Extra);
        return json;
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonNode? Walk(JsonNode? node, string[] path)
    {
        var current = node;
        foreach (var key in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(key, out current)) return null;
        }
        return current;
    }
}
