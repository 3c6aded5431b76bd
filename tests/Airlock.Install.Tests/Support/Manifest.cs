using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Airlock.Install.Tests.Support;

/// <summary>One Kubernetes object of a multi-document YAML stream, as a JSON tree (every scalar a string).</summary>
public sealed record Manifest(JsonObject Root)
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().Build();
    private static readonly ISerializer JsonWriter = new SerializerBuilder().JsonCompatible().Build();

    public string Kind => (string?)Root["kind"] ?? "";

    public string Name => (string?)Root["metadata"]?["name"] ?? "";

    public string? Namespace => (string?)Root["metadata"]?["namespace"];

    public override string ToString() => $"{Kind}/{Name}";

    /// <summary>The node at a dotted path (<c>spec.template.spec</c>), or null.</summary>
    public JsonNode? At(string path) => At(Root, path);

    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null) return null;
        }
        return node;
    }

    /// <summary>Every non-empty document of a YAML stream.</summary>
    public static IReadOnlyList<Manifest> ParseAll(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var result = new List<Manifest>();
        while (!parser.Accept<StreamEnd>(out _))
        {
            var doc = Reader.Deserialize<object?>(parser);
            if (doc is null) continue;
            if (ToJson(doc) is JsonObject o) result.Add(new Manifest(o));
        }
        return result;
    }

    /// <summary>Any YAML document as a JSON tree.</summary>
    public static JsonNode? ParseYaml(string yaml)
    {
        var doc = Reader.Deserialize<object?>(yaml);
        return doc is null ? null : ToJson(doc);
    }

    private static JsonNode? ToJson(object doc) => JsonNode.Parse(JsonWriter.Serialize(doc));
}
