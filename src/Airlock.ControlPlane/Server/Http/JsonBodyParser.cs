using System.Globalization;
using System.Text;
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
            var node = ReadValue(ref reader, [], duplicates);
            if (reader.Read()) throw ApiError.BadRequest("the request body has content after the JSON value");
            return node;
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    /// <param name="path">Where the value is (property names, or null for an array item at its index): printed only for a duplicate.</param>
    private static JsonNode? ReadValue(ref Utf8JsonReader reader, List<(string? Name, int Index)> path, List<string> duplicates)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    path.Add((name, 0));
                    var child = ReadValue(ref reader, path, duplicates);
                    if (obj.ContainsKey(name))
                    {
                        duplicates.Add(Print(path));
                        obj.Remove(name);
                    }
                    path.RemoveAt(path.Count - 1);
                    obj[name] = child;
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    path.Add((null, index++));
                    array.Add(ReadValue(ref reader, path, duplicates));
                    path.RemoveAt(path.Count - 1);
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

    /// <summary><c>spec.containers[0].name</c>.</summary>
    private static string Print(List<(string? Name, int Index)> path)
    {
        var text = new StringBuilder();
        foreach (var (name, index) in path)
        {
            if (name is null) text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else text.Append(text.Length == 0 ? "" : ".").Append(name);
        }
        return text.ToString();
    }
}
