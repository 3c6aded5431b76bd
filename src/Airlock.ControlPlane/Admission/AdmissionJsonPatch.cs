using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airlock.ControlPlane.Admission;

/// <summary>
/// A small RFC 6902 JSON Patch applier for webhook responses (add, remove, replace, move, copy, test), for the
/// admission chain only (the API server's PATCH verb uses Patching/). Works on a copy; throws
/// <see cref="FormatException"/> for a patch that is malformed or does not apply.
/// </summary>
public static class AdmissionJsonPatch
{
    public static JsonObject Apply(JsonObject target, ReadOnlySpan<byte> patch)
    {
        JsonArray operations;
        try
        {
            operations = JsonNode.Parse(patch) as JsonArray ?? throw new FormatException("a JSON patch must be an array of operations");
        }
        catch (JsonException e)
        {
            throw new FormatException("the JSON patch is not valid JSON: " + e.Message, e);
        }
        JsonNode document = target.DeepClone();
        foreach (var node in operations)
        {
            if (node is not JsonObject operation) throw new FormatException("a JSON patch operation must be an object");
            document = ApplyOne(document, operation);
        }
        return document as JsonObject ?? throw new FormatException("the JSON patch replaced the object with a non-object");
    }

    private static JsonNode ApplyOne(JsonNode document, JsonObject operation)
    {
        var op = (string?)operation["op"] ?? throw new FormatException("a JSON patch operation needs \"op\"");
        var path = (string?)operation["path"] ?? throw new FormatException($"JSON patch operation \"{op}\" needs \"path\"");
        switch (op)
        {
            case "add":
                return Add(document, path, Value(operation, op));
            case "remove":
                Remove(document, path);
                return document;
            case "replace":
                if (path.Length == 0) return Value(operation, op) ?? throw new FormatException("cannot replace the whole document with null");
                Remove(document, path);
                return Add(document, path, Value(operation, op));
            case "move":
            {
                var from = From(operation, op);
                if (path.StartsWith(from + "/", StringComparison.Ordinal)) throw new FormatException($"cannot move \"{from}\" into its own child \"{path}\"");
                var moved = Get(document, from)?.DeepClone();
                Remove(document, from);
                return Add(document, path, moved);
            }
            case "copy":
                return Add(document, path, Get(document, From(operation, op))?.DeepClone());
            case "test":
                if (!JsonNode.DeepEquals(Get(document, path), operation["value"])) throw new FormatException($"JSON patch test failed at \"{path}\"");
                return document;
            default:
                throw new FormatException($"unknown JSON patch operation \"{op}\"");
        }
    }

    private static JsonNode? Value(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw new FormatException($"JSON patch operation \"{op}\" needs \"value\"");

    private static string From(JsonObject operation, string op) =>
        (string?)operation["from"] ?? throw new FormatException($"JSON patch operation \"{op}\" needs \"from\"");

    private static JsonNode Add(JsonNode document, string path, JsonNode? value)
    {
        if (path.Length == 0) return value ?? throw new FormatException("cannot replace the whole document with null");
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var index = last == "-" ? array.Count : Index(last, array.Count + 1, path);
                array.Insert(index, value);
                break;
            default:
                throw new FormatException($"cannot add at \"{path}\": parent is not a container");
        }
        return document;
    }

    private static void Remove(JsonNode document, string path)
    {
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                obj.Remove(last);
                break;
            case JsonArray array:
                array.RemoveAt(Index(last, array.Count, path));
                break;
            default:
                throw new FormatException($"cannot remove \"{path}\": it does not exist");
        }
    }

    private static JsonNode? Get(JsonNode document, string path)
    {
        if (path.Length == 0) return document;
        var (parent, last) = Parent(document, path);
        return parent switch
        {
            JsonObject obj when obj.TryGetPropertyValue(last, out var value) => value,
            JsonArray array => array[Index(last, array.Count, path)],
            _ => throw new FormatException($"\"{path}\" does not exist"),
        };
    }

    private static (JsonNode? Parent, string Last) Parent(JsonNode document, string path)
    {
        if (path[0] != '/') throw new FormatException($"JSON pointer \"{path}\" must start with /");
        var tokens = path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode? current = document;
        foreach (var token in tokens[..^1])
        {
            current = current switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array => array[Index(token, array.Count, path)],
                _ => throw new FormatException($"\"{path}\" does not exist"),
            };
        }
        return (current, tokens[^1]);
    }

    private static int Index(string token, int limit, string path)
    {
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit)
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= limit)
        {
            throw new FormatException($"array index \"{token}\" in \"{path}\" is out of range");
        }
        return index;
    }
}
