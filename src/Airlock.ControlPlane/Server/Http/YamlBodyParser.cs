using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Airlock.ControlPlane.Api;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Airlock.ControlPlane.Server.Http;

/// <summary>Parses the first YAML document of a request body into <see cref="JsonNode"/>s (YAML 1.2 core schema scalars), reporting duplicate keys.</summary>
public static partial class YamlBodyParser
{
    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9]*)$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    public static JsonNode? Parse(string text, List<string> duplicates)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) throw ApiError.BadRequest("the request body is empty");
            parser.Consume<DocumentStart>();
            return Read(parser, "", duplicates, anchors);
        }
        catch (YamlException e)
        {
            throw ApiError.BadRequest($"the request body is not valid YAML: {e.Message} (line {e.Start.Line}, column {e.Start.Column})");
        }
    }

    private static JsonNode? Read(IParser parser, string path, List<string> duplicates, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var target) ? target?.DeepClone() : throw ApiError.BadRequest($"unknown YAML alias {alias.Value}");
        }
        JsonNode? node;
        string anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            node = Scalar(scalar);
            anchor = scalar.Anchor.IsEmpty ? "" : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var seq))
        {
            var array = new JsonArray();
            var i = 0;
            while (!parser.TryConsume<SequenceEnd>(out _)) array.Add(Read(parser, $"{path}[{i++}]", duplicates, anchors));
            node = array;
            anchor = seq.Anchor.IsEmpty ? "" : seq.Anchor.Value;
        }
        else
        {
            var map = parser.Consume<MappingStart>();
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = Read(parser, path, duplicates, anchors);
                var name = key is JsonValue v && v.TryGetValue<string>(out var s) ? s : key?.ToJsonString() ?? "null";
                var childPath = path.Length == 0 ? name : $"{path}.{name}";
                var value = Read(parser, childPath, duplicates, anchors);
                if (obj.ContainsKey(name))
                {
                    duplicates.Add(childPath);
                    obj.Remove(name);
                }
                obj[name] = value;
            }
            node = obj;
            anchor = map.Anchor.IsEmpty ? "" : map.Anchor.Value;
        }
        if (anchor.Length > 0) anchors[anchor] = node?.DeepClone();
        return node;
    }

    private static JsonNode? Scalar(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style is not ScalarStyle.Plain) return JsonValue.Create(value);
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonNode.Parse(l.ToString(CultureInfo.InvariantCulture));
        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonNode.Parse(d.ToString("R", CultureInfo.InvariantCulture));
        return JsonValue.Create(value);
    }
}
