using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Airlock.Operator.Manifests;

/// <summary>Reads multi-document YAML (or JSON) manifests into JSON trees, resolving plain scalars as the YAML core schema does.</summary>
public static partial class ManifestReader
{
    /// <summary>Deepest nesting of mappings and sequences accepted; Kubernetes objects need far less, and it bounds the work.</summary>
    public const int MaxDepth = 64;

    /// <summary>Every non-empty document of <paramref name="text"/>; throws <see cref="ManifestException"/> when it is not YAML or a document is not a mapping.</summary>
    /// <remarks>
    /// Built from the parser's event stream with an explicit stack (no recursion), so hostile nesting cannot exhaust the
    /// call stack; anchors and aliases are refused (they are how "billion laughs" documents blow up).
    /// </remarks>
    public static IReadOnlyList<JsonObject> ReadDocuments(string text)
    {
        var documents = new List<JsonObject>();
        try
        {
            var parser = new Parser(new StringReader(text));
            var stack = new Stack<(JsonNode Container, string? Key)>();
            JsonNode? root = null;
            var rootSet = false;
            var index = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        root = null;
                        rootSet = false;
                        break;
                    case DocumentEnd:
                        index++;
                        if (!rootSet || root is null) break;
                        if (root is not JsonObject obj) throw new ManifestException($"document {index} is not a mapping (an object with apiVersion and kind)");
                        documents.Add(obj);
                        break;
                    case AnchorAlias alias:
                        throw new ManifestException($"unsupported YAML node at line {alias.Start.Line} (anchors and aliases are not supported)");
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        throw new ManifestException($"unsupported YAML node at line {anchored.Start.Line} (anchors and aliases are not supported)");
                    case MappingStart start:
                        Push(new JsonObject(), start.Start.Line);
                        break;
                    case SequenceStart start:
                        Push(new JsonArray(), start.Start.Line);
                        break;
                    case MappingEnd or SequenceEnd:
                        stack.Pop();
                        break;
                    case YamlDotNet.Core.Events.Scalar scalar:
                        Add(Scalar(scalar), scalar.Start.Line, scalar.Value);
                        break;
                }
            }

            void Push(JsonNode container, long line)
            {
                if (stack.Count >= MaxDepth) throw new ManifestException($"nesting deeper than {MaxDepth} levels at line {line}");
                if (stack.Count > 0 && stack.Peek() is { Container: JsonObject, Key: null })
                    throw new ManifestException($"a mapping key at line {line} is not a plain string");
                Add(container, line, null);
                stack.Push((container, null));
            }

            void Add(JsonNode? value, long line, string? keyText)
            {
                if (stack.Count == 0)
                {
                    root = value;
                    rootSet = true;
                    return;
                }
                var (container, key) = stack.Pop();
                if (container is JsonArray array)
                {
                    array.Add(value);
                    stack.Push((container, null));
                }
                else if (key is null)
                {
                    stack.Push((container, keyText ?? throw new ManifestException($"a mapping key at line {line} is not a plain string")));
                }
                else
                {
                    var obj = (JsonObject)container;
                    if (obj.ContainsKey(key)) throw new ManifestException($"duplicate key \"{key}\" at line {line}");
                    obj[key] = value;
                    stack.Push((container, null));
                }
            }
        }
        catch (YamlException e)
        {
            throw new ManifestException($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The YAML library's scanner throws these on some malformed input: still "not YAML", never a crash.
            throw new ManifestException("not valid YAML: " + e.Message);
        }
        return documents;
    }

    private static JsonNode? Scalar(YamlDotNet.Core.Events.Scalar scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str")) return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (Integer().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (Float().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
