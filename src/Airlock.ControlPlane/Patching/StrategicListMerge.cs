using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>The list half of <see cref="StrategicMergePatch"/>: merge by key, merge primitive sets, replace, reorder.</summary>
internal sealed class StrategicListMerge
{
    private readonly IFieldSchema _schema;
    private readonly Func<JsonObject?, JsonObject, IReadOnlyList<string>, JsonObject?> _mergeMap;

    public StrategicListMerge(IFieldSchema schema, Func<JsonObject?, JsonObject, IReadOnlyList<string>, JsonObject?> mergeMap)
    {
        _schema = schema;
        _mergeMap = mergeMap;
    }

    public JsonArray Merge(JsonArray? original, JsonArray patch, IReadOnlyList<string> path, JsonNode? order)
    {
        var strategy = _schema.ListAt(path);
        if (!strategy.MergesInStrategicPatch)
        {
            return Replace(patch, path);
        }
        if (patch.Any(item => item is JsonArray))
        {
            throw PatchErrors.NoListOfLists();
        }
        if (patch.Any(item => item is JsonObject o && StrategicMergePatch.DirectiveOf(o) == "replace"))
        {
            return Reorder(Replace(patch, path), original ?? [], order, path);
        }
        var result = strategy.Kind == ListKind.Set || strategy.PatchMergeKey is null
            ? MergePrimitives(original, patch)
            : MergeByKey(original, patch, path, strategy.PatchMergeKey);
        return Reorder(result, original ?? [], order, path);
    }

    /// <summary>
    /// Applies <c>$setElementOrder</c>: items it names are sorted by it; items only the server has keep their place
    /// relative to the original list (strategicpatch's mergeSortedSlice).
    /// </summary>
    public JsonArray Reorder(JsonArray list, JsonArray original, JsonNode? order, IReadOnlyList<string> path)
    {
        if (order is null)
        {
            return list;
        }
        if (order is not JsonArray orderList)
        {
            throw PatchErrors.BadSetElementOrderFormat();
        }
        var key = _schema.ListAt(path).PatchMergeKey;
        JsonNode? Identity(JsonNode? item) => key is not null && item is JsonObject o ? o[key] : item;
        var orderKeys = orderList.Select(Identity).ToList();
        int OrderIndex(JsonNode? item) => orderKeys.FindIndex(k => JsonNode.DeepEquals(k, Identity(item)));
        int ServerIndex(JsonNode? item) => original.ToList().FindIndex(o => JsonNode.DeepEquals(Identity(o), Identity(item)));

        var sorted = list.Where(i => OrderIndex(i) >= 0).OrderBy(OrderIndex).ToList();
        var serverOnly = list.Where(i => OrderIndex(i) < 0).ToList();
        var merged = new List<JsonNode?>(list.Count);
        int l = 0, r = 0;
        while (l < sorted.Count || r < serverOnly.Count)
        {
            if (r >= serverOnly.Count)
            {
                merged.Add(sorted[l++]);
            }
            else if (l >= sorted.Count)
            {
                merged.Add(serverOnly[r++]);
            }
            else
            {
                var li = ServerIndex(sorted[l]);
                var ri = ServerIndex(serverOnly[r]);
                merged.Add(li >= 0 && ri >= 0 && li < ri ? sorted[l++] : serverOnly[r++]);
            }
        }
        return new JsonArray(merged.Select(n => n?.DeepClone()).ToArray());
    }

    private JsonArray Replace(JsonArray patch, IReadOnlyList<string> path)
    {
        var items = new List<JsonNode?>();
        foreach (var item in patch)
        {
            if (item is JsonObject map)
            {
                if (StrategicMergePatch.DirectiveOf(map) is "replace" && map.Count == 1)
                {
                    continue;
                }
                items.Add(_mergeMap(null, map, path));
            }
            else
            {
                items.Add(item?.DeepClone());
            }
        }
        return new JsonArray(items.ToArray());
    }

    private static JsonArray MergePrimitives(JsonArray? original, JsonArray patch)
    {
        var result = original is null ? [] : (JsonArray)original.DeepClone();
        foreach (var item in patch)
        {
            if (item is JsonObject)
            {
                throw PatchErrors.BadPrimitiveListFormat();
            }
            if (!result.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                result.Add(item?.DeepClone());
            }
        }
        return result;
    }

    private JsonArray MergeByKey(JsonArray? original, JsonArray patch, IReadOnlyList<string> path, string key)
    {
        var result = original is null ? new List<JsonNode?>() : original.Select(n => n?.DeepClone()).ToList();
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                throw PatchErrors.BadJsonDocument();
            }
            if (!patchItem.TryGetPropertyValue(key, out var keyValue))
            {
                throw PatchErrors.BadRequest($"map: {patchItem.ToJsonString()} does not contain declared merge key: {key}");
            }
            bool Matches(JsonNode? existing) => existing is JsonObject o && JsonNode.DeepEquals(o[key], keyValue);
            if (StrategicMergePatch.DirectiveOf(patchItem) == "delete")
            {
                result.RemoveAll(Matches);
                continue;
            }
            var index = result.FindIndex(Matches);
            if (index >= 0)
            {
                var merged = _mergeMap((JsonObject)result[index]!, patchItem, path);
                if (merged is null)
                {
                    result.RemoveAt(index);
                }
                else
                {
                    result[index] = merged;
                }
            }
            else if (_mergeMap(null, patchItem, path) is { } added)
            {
                result.Add(added);
            }
        }
        return new JsonArray(result.ToArray());
    }
}
