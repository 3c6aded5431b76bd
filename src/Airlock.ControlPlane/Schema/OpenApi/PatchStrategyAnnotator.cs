using System.Text.Json.Nodes;
using Airlock.ControlPlane.Patching;

namespace Airlock.ControlPlane.Schema.OpenApi;

/// <summary>
/// Writes <c>x-kubernetes-patch-strategy</c>, <c>x-kubernetes-patch-merge-key</c>, <c>x-kubernetes-list-type</c> and
/// <c>x-kubernetes-list-map-keys</c> onto the list properties of a built-in kind's schema, from the same merge-key table the
/// server's strategic merge patch uses. kubectl builds its apply patch from the published schema when there is one: without
/// these, it would treat merged lists as atomic and never send the deletions that keyed merging needs.
/// </summary>
internal static class PatchStrategyAnnotator
{
    public static void Annotate(string rootComponent, string group, string kind, IReadOnlyDictionary<string, JsonObject> components)
    {
        foreach (var (path, strategy) in BuiltinSchemas.For(group, kind).Lists)
        {
            if (Resolve(rootComponent, path.Split('.'), components) is not { } property)
            {
                continue;
            }
            if (strategy.Kind == ListKind.Set)
            {
                property["x-kubernetes-patch-strategy"] = "merge";
                property["x-kubernetes-list-type"] = "set";
            }
            else if (strategy.Kind == ListKind.Map)
            {
                if (strategy.PatchMergeKey is { } mergeKey)
                {
                    property["x-kubernetes-patch-strategy"] = "merge";
                    property["x-kubernetes-patch-merge-key"] = mergeKey;
                }
                property["x-kubernetes-list-type"] = "map";
                property["x-kubernetes-list-map-keys"] = new JsonArray(strategy.Keys.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
            }
        }
    }

    /// <summary>The property schema at <paramref name="path"/>, following <c>$ref</c>s (direct, in allOf, or in array items).</summary>
    private static JsonObject? Resolve(string component, IReadOnlyList<string> path, IReadOnlyDictionary<string, JsonObject> components)
    {
        var current = components.GetValueOrDefault(component);
        for (var i = 0; i < path.Count && current is not null; i++)
        {
            if (current["properties"]?[path[i]] is not JsonObject property)
            {
                return null;
            }
            if (i == path.Count - 1)
            {
                return property;
            }
            current = Target(property, components);
        }
        return null;
    }

    private static JsonObject? Target(JsonObject schema, IReadOnlyDictionary<string, JsonObject> components)
    {
        if (schema["items"] is JsonObject items)
        {
            schema = items;
        }
        var reference = schema["$ref"]?.GetValue<string>() ?? (schema["allOf"] as JsonArray)?.FirstOrDefault()?["$ref"]?.GetValue<string>();
        return reference is null ? null : components.GetValueOrDefault(reference[(reference.LastIndexOf('/') + 1)..]);
    }
}
