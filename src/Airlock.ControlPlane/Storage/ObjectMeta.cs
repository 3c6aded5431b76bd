using System.Globalization;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Storage;

/// <summary>Reads and writes the <c>metadata</c> fields of an object held as a <see cref="JsonObject"/>.</summary>
public static class ObjectMeta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta) return meta;
        meta = [];
        obj["metadata"] = meta;
        return meta;
    }

    public static string? Str(JsonObject? obj, string property) =>
        obj?[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static string Name(JsonObject obj) => Str(obj["metadata"] as JsonObject, "name") ?? "";

    public static string? Namespace(JsonObject obj) => Str(obj["metadata"] as JsonObject, "namespace") is { Length: > 0 } ns ? ns : null;

    public static string Uid(JsonObject obj) => Str(obj["metadata"] as JsonObject, "uid") ?? "";

    public static string ResourceVersion(JsonObject obj) => Str(obj["metadata"] as JsonObject, "resourceVersion") ?? "";

    public static bool IsDeleting(JsonObject obj) => (obj["metadata"] as JsonObject)?["deletionTimestamp"] is not null;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"] as JsonObject);

    public static IReadOnlyDictionary<string, string> StringMap(JsonObject? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null) return result;
        foreach (var (key, value) in map)
        {
            result[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        }
        return result;
    }

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray)?.Select(f => f?.GetValue<string>() ?? "").ToList() ?? [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var meta = Metadata(obj);
        if (finalizers.Count == 0) meta.Remove("finalizers");
        else meta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
    }

    /// <summary>The uids named by <c>metadata.ownerReferences</c>.</summary>
    public static IReadOnlyList<string> OwnerUids(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().Select(r => Str(r, "uid") ?? "").Where(u => u.Length > 0).ToList()
        ?? [];

    public static long Generation(JsonObject obj) => Integer(obj["metadata"]?["generation"]) ?? 0;

    /// <summary>An integer however it is held (parsed JSON, or an int or long set in code); null when not an integer.</summary>
    public static long? Integer(JsonNode? node)
    {
        if (node is not JsonValue v) return null;
        if (v.TryGetValue<long>(out var l)) return l;
        if (v.TryGetValue<int>(out var i)) return i;
        if (v.TryGetValue<System.Text.Json.JsonElement>(out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Number && e.TryGetInt64(out var el)) return el;
        return null;
    }

    /// <summary>RFC 3339 in UTC with second precision, as metav1.Time serialises.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>Reads a dotted path such as <c>status.phase</c> or <c>involvedObject.name</c>; null when absent.</summary>
    public static JsonNode? AtPath(JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var part in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node is not JsonObject o) return null;
            node = o[part];
        }
        return node;
    }

    /// <summary>A scalar as text (strings unquoted); null for missing or structured values.</summary>
    public static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };
}
