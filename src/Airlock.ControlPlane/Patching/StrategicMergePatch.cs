using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// Strategic merge patch (k8s.io/apimachinery strategicpatch semantics): maps merge recursively, lists with a
/// merge key merge item by item, other lists replace. Directives: <c>$patch</c> (replace|delete|merge),
/// <c>$retainKeys</c>, <c>$setElementOrder/&lt;field&gt;</c>, <c>$deleteFromPrimitiveList/&lt;field&gt;</c>.
/// </summary>
public sealed class StrategicMergePatch
{
    internal const string PatchDirective = "$patch";
    internal const string RetainKeysDirective = "$retainKeys";
    internal const string SetElementOrderPrefix = "$setElementOrder/";
    internal const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    private readonly StrategicListMerge _lists;

    public StrategicMergePatch(IFieldSchema schema) => _lists = new StrategicListMerge(schema, MergeMap);

    /// <summary>Returns <paramref name="original"/> patched; neither input is changed.</summary>
    public JsonObject Apply(JsonObject original, JsonObject patch) => MergeMap(original, patch, []) ?? [];

    /// <summary>Merges a patch map into an original map (null when absent); null result means the map was deleted.</summary>
    internal JsonObject? MergeMap(JsonObject? original, JsonObject patch, IReadOnlyList<string> path)
    {
        switch (DirectiveOf(patch))
        {
            case "delete":
                return null;
            case "replace":
                return MergeMap(null, WithoutDirective(patch), path);
            case null or "merge":
                break;
            case var other:
                throw PatchErrors.BadRequest($"Unknown patch type: {other} in map: {patch.ToJsonString()}");
        }

        var result = original is null ? [] : (JsonObject)original.DeepClone();
        ApplyRetainKeys(result, patch);
        foreach (var (name, values) in patch)
        {
            if (name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                DeleteFromPrimitiveList(result, name[DeleteFromPrimitiveListPrefix.Length..], values);
            }
        }

        foreach (var (name, value) in patch)
        {
            if (IsDirective(name))
            {
                continue;
            }
            var childPath = path.Append(name).ToArray();
            switch (value)
            {
                case null:
                    result.Remove(name);
                    break;
                case JsonObject patchMap:
                    var merged = MergeMap(result[name] as JsonObject, patchMap, childPath);
                    if (merged is null)
                    {
                        result.Remove(name);
                    }
                    else
                    {
                        result[name] = merged;
                    }
                    break;
                case JsonArray patchList:
                    result[name] = _lists.Merge(result[name] as JsonArray, patchList, childPath, patch[SetElementOrderPrefix + name]);
                    break;
                default:
                    result[name] = value.DeepClone();
                    break;
            }
        }

        // An order directive without the list itself only reorders what is there.
        foreach (var (name, order) in patch)
        {
            if (name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                var field = name[SetElementOrderPrefix.Length..];
                if (!patch.ContainsKey(field) && result[field] is JsonArray existing)
                {
                    result[field] = _lists.Reorder(existing, existing, order, path.Append(field).ToArray());
                }
            }
        }
        return result;
    }

    internal static string? DirectiveOf(JsonObject map) =>
        map[PatchDirective] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static JsonObject WithoutDirective(JsonObject map)
    {
        var copy = (JsonObject)map.DeepClone();
        copy.Remove(PatchDirective);
        return copy;
    }

    private static bool IsDirective(string name) =>
        name is PatchDirective or RetainKeysDirective
        || name.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
        || name.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    private static void ApplyRetainKeys(JsonObject result, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(RetainKeysDirective, out var retain))
        {
            return;
        }
        if (retain is not JsonArray list || list.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw PatchErrors.BadRetainKeysFormat();
        }
        var keep = list.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (patch.Any(p => !IsDirective(p.Key) && p.Value is not null && !keep.Contains(p.Key)))
        {
            throw PatchErrors.PatchDoesNotMatchRetainKeys();
        }
        foreach (var name in result.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            result.Remove(name);
        }
    }

    private static void DeleteFromPrimitiveList(JsonObject result, string field, JsonNode? values)
    {
        if (values is not JsonArray toDelete || toDelete.Any(n => n is JsonObject or JsonArray))
        {
            throw PatchErrors.BadPrimitiveListFormat();
        }
        if (result[field] is JsonArray existing)
        {
            result[field] = new JsonArray(existing
                .Where(item => !toDelete.Any(d => JsonNode.DeepEquals(d, item)))
                .Select(item => item?.DeepClone())
                .ToArray());
        }
    }
}
