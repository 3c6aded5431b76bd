using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Patching;

/// <summary>RFC 7386 JSON merge patch: null deletes, objects merge recursively, everything else replaces.</summary>
public static class JsonMergePatch
{
    /// <summary>Returns <paramref name="target"/> merged with <paramref name="patch"/>; neither input is changed.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }
        return result;
    }
}
