using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Airlock.Operator.Manifests;

/// <summary>Reads multi-document YAML (or JSON) manifests into JSON trees, resolving plain scalars as the YAML core schema does.</summary>
public static partial class ManifestReader
{
    /// <summary>Every non-empty document of <paramref name="text"/>; throws <see cref="ManifestException"/> when it is not YAML or a document is not a mapping.</summary>
    public static IReadOnlyList<JsonObject> ReadDocuments(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestException($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }
        var documents = new List<JsonObject>();
        foreach (var (document, index) in stream.Documents.Select((d, i) => (d, i)))
        {
            var node = ToJson(document.RootNode);
            if (node is null) continue;
            if (node is not JsonObject obj) throw new ManifestException($"document {index + 1} is not a mapping (an object with apiVersion and kind)");
            documents.Add(obj);
        }
        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(KeyOf(c.Key), ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ManifestException($"unsupported YAML node at line {node.Start.Line} (anchors and aliases are not supported)"),
    };

    private static string KeyOf(YamlNode key) =>
        key is YamlScalarNode { Value: { } value } ? value : throw new ManifestException($"a mapping key at line {key.Start.Line} is not a plain string");

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str")) return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
