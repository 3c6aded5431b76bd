using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Patching;

/// <summary>
/// RFC 6902 JSON patch. Malformed bodies are 400; operations that do not apply (a failed <c>test</c>, a missing
/// path, a bad index) are 422 with the messages of the json-patch library the API server uses.
/// </summary>
public static class JsonPatch
{
    /// <summary>The API server's cap on operations per patch.</summary>
    public const int MaxOperations = 10000;

    public static JsonNode? Apply(JsonNode? document, ReadOnlyMemory<byte> body)
    {
        var operations = PatchBody.ParseJson(body) as JsonArray
            ?? throw PatchErrors.BadRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
        if (operations.Count > MaxOperations)
        {
            throw ApiError.TooLarge($"The allowed maximum operations in a JSON patch is {MaxOperations}, got {operations.Count}");
        }
        var root = document?.DeepClone();
        foreach (var item in operations)
        {
            var operation = item as JsonObject
                ?? throw PatchErrors.BadRequest("json: cannot unmarshal value into Go value of type jsonpatch.Operation");
            root = ApplyOne(root, operation);
        }
        return root;
    }

    private static JsonNode? ApplyOne(JsonNode? root, JsonObject operation)
    {
        var kind = StringMember(operation, "op") ?? "unknown";
        var path = StringMember(operation, "path");
        switch (kind)
        {
            case "add":
                return Add(root, Required(path, kind), ValueOf(operation, kind));
            case "remove":
                return Remove(root, Required(path, kind), out _);
            case "replace":
                return Replace(root, Required(path, kind), ValueOf(operation, kind));
            case "move":
                {
                    var from = Required(StringMember(operation, "from"), kind, "from");
                    var target = Required(path, kind);
                    if (target.StartsWith(from + "/", StringComparison.Ordinal))
                    {
                        throw PatchErrors.Unprocessable($"Unable to move {from} into its own child {target}");
                    }
                    if (Find(root, JsonPointer.Parse(from)) is not (true, _))
                    {
                        throw PatchErrors.Unprocessable("move operation does not apply: doesn't exist: missing value");
                    }
                    root = Remove(root, from, out var moved);
                    return Add(root, target, moved);
                }
            case "copy":
                {
                    var from = Required(StringMember(operation, "from"), kind, "from");
                    if (Find(root, JsonPointer.Parse(from)) is not (true, var value))
                    {
                        throw PatchErrors.Unprocessable("copy operation does not apply: doesn't exist: missing value");
                    }
                    return Add(root, Required(path, kind), value?.DeepClone());
                }
            case "test":
                {
                    var target = Required(path, kind);
                    var expected = ValueOf(operation, kind);
                    var (found, actual) = Find(root, JsonPointer.Parse(target));
                    var passes = found ? JsonNode.DeepEquals(actual, expected) : expected is null;
                    return passes ? root : throw PatchErrors.Unprocessable($"testing value {target} failed: test failed");
                }
            default:
                throw PatchErrors.Unprocessable($"Unexpected kind: {kind}");
        }
    }

    private static JsonNode? Add(JsonNode? root, string path, JsonNode? value)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }
        switch (Parent(root, tokens))
        {
            case JsonObject parent:
                parent[tokens[^1]] = value;
                return root;
            case JsonArray array:
                var key = tokens[^1];
                if (key == "-")
                {
                    array.Add(value);
                    return root;
                }
                var index = Index(key, array.Count);
                array.Insert(index, value);
                return root;
            default:
                throw PatchErrors.Unprocessable("add operation does not apply: doesn't exist: missing value");
        }
    }

    private static JsonNode? Remove(JsonNode? root, string path, out JsonNode? removed)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            removed = root;
            return null;
        }
        var key = tokens[^1];
        switch (Parent(root, tokens))
        {
            case JsonObject parent:
                if (!parent.TryGetPropertyValue(key, out removed))
                {
                    throw PatchErrors.Unprocessable($"error in remove for path: '{path}': Unable to remove nonexistent key: {key}: missing value");
                }
                parent.Remove(key);
                return root;
            case JsonArray array:
                var index = Index(key, array.Count - 1);
                removed = array[index];
                array.RemoveAt(index);
                return root;
            default:
                throw PatchErrors.Unprocessable("remove operation does not apply: doesn't exist: missing value");
        }
    }

    private static JsonNode? Replace(JsonNode? root, string path, JsonNode? value)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Count == 0)
        {
            return value;
        }
        var key = tokens[^1];
        switch (Parent(root, tokens))
        {
            case JsonObject parent when parent.ContainsKey(key):
                parent[key] = value;
                return root;
            case JsonArray array:
                array[Index(key, array.Count - 1)] = value;
                return root;
            default:
                throw PatchErrors.Unprocessable("replace operation does not apply: doesn't exist: missing value");
        }
    }

    /// <summary>The container holding the last token, or null when some ancestor does not exist.</summary>
    private static JsonNode? Parent(JsonNode? root, IReadOnlyList<string> tokens)
    {
        var (found, node) = Find(root, tokens.Take(tokens.Count - 1).ToArray());
        return found ? node : null;
    }

    private static (bool Found, JsonNode? Node) Find(JsonNode? root, IReadOnlyList<string> tokens)
    {
        var node = root;
        foreach (var token in tokens)
        {
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    node = child;
                    break;
                case JsonArray array when TryIndex(token, out var i) && i < array.Count:
                    node = array[i];
                    break;
                default:
                    return (false, null);
            }
        }
        return (true, node);
    }

    private static int Index(string token, int max)
    {
        if (!TryIndex(token, out var index) || index > max)
        {
            throw PatchErrors.Unprocessable($"Unable to access invalid index: {token}: invalid index referenced");
        }
        return index;
    }

    private static bool TryIndex(string token, out int index) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);

    private static string? StringMember(JsonObject operation, string name) =>
        operation[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string Required(string? value, string kind, string member = "path") =>
        value ?? throw PatchErrors.Unprocessable($"{kind} operation missing {member} field");

    private static JsonNode? ValueOf(JsonObject operation, string kind) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw PatchErrors.Unprocessable($"{kind} operation missing value field");
}
