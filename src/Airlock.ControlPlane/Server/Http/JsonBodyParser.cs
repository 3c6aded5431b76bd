using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Server.Http;

/// <summary>
/// Parses JSON into <see cref="JsonNode"/>s, keeping the last of duplicate keys and reporting their paths (strict field
/// validation must refuse them, and System.Text.Json's own parser would either throw or hide them).
/// </summary>
public static class JsonBodyParser
{
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, List<string> duplicates)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            if (!reader.Read()) throw ApiError.BadRequest("the request body is empty");
            var node = ReadValue(ref reader, "", duplicates);
            if (reader.Read()) throw ApiError.BadRequest("the request body has content after the JSON value");
            return node;
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? ReadValue(ref Utf8JsonReader reader, string path, List<string> duplicates)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    var child = ReadValue(ref reader, childPath, duplicates);
                    if (obj.ContainsKey(name))
                    {
                        duplicates.Add(childPath);
                        obj.Remove(name);
                    }
                    obj[name] = child;
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(ReadValue(ref reader, $"{path}[{index++}]", duplicates));
                }
                return array;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Number:
                // Backed by a JsonElement, so readers may ask for int, long or double alike.
                return JsonNode.Parse(reader.ValueSpan);
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"unexpected token {reader.TokenType}");
        }
    }
}
