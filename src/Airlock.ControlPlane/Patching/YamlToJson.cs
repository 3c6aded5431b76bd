using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Airlock.ControlPlane.Patching;

/// <summary>Converts one YAML document to JSON with the YAML 1.2 core-schema scalar rules sigs.k8s.io/yaml follows.</summary>
internal static partial class YamlToJson
{
    public static JsonObject ParseObject(ReadOnlyMemory<byte> body)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(Encoding.UTF8.GetString(body.Span));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw PatchErrors.BadRequest($"error decoding YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0)
        {
            throw PatchErrors.BadRequest("error decoding YAML: the body is empty");
        }
        return Convert(stream.Documents[0].RootNode) as JsonObject
            ?? throw PatchErrors.BadRequest("error decoding YAML: the body is not an object");
    }

    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "null" : throw PatchErrors.BadRequest("error decoding YAML: map keys must be scalars");
            if (result.ContainsKey(name))
            {
                throw PatchErrors.BadRequest($"error decoding YAML: mapping key \"{name}\" already defined");
            }
            result[name] = Convert(value);
        }
        return result;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }
        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
