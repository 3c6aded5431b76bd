using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Airlock.Api.Serialization;

/// <summary>
/// Writes Kubernetes objects as YAML with their JSON field names and the JSON shape (integers stay integers,
/// strings that look like numbers or booleans are quoted), so the output reads back to the same object.
/// </summary>
public static class ManifestYaml
{
    /// <summary>One object as a YAML document (no leading <c>---</c>).</summary>
    public static string Serialize(object value)
    {
        var yaml = KubernetesYaml.Serialize(ToPlain(JsonNode.Parse(KubernetesJson.Serialize(value))));
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    /// <summary>Several objects as one multi-document YAML stream.</summary>
    public static string SerializeAll(IEnumerable<object> values) =>
        string.Concat(values.Select(v => "---\n" + Serialize(v)));

    /// <summary>A JSON tree as plain dictionaries, lists and scalars (the shape YAML serialisers handle without type hints).</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetValue<long>(out var l) => l,
            JsonValueKind.Number => v.GetValue<double>(),
            _ => null,
        },
        _ => null,
    };
}
