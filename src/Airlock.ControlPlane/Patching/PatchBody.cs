using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;

namespace Airlock.ControlPlane.Patching;

/// <summary>Parses PATCH bodies into JSON nodes, turning syntax errors into 400 BadRequest.</summary>
internal static class PatchBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>Parses any JSON body.</summary>
    public static JsonNode? ParseJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonNode.Parse(body.Span, documentOptions: Options);
        }
        catch (JsonException e)
        {
            throw PatchErrors.BadRequest($"invalid character in JSON body: {e.Message}");
        }
    }

    /// <summary>Parses a body that must be a JSON object (merge and strategic merge patches).</summary>
    public static JsonObject ParseObject(ReadOnlyMemory<byte> body, string invalidMessage)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body.Span, documentOptions: Options);
        }
        catch (JsonException)
        {
            throw PatchErrors.BadRequest(invalidMessage);
        }
        return node as JsonObject ?? throw PatchErrors.BadRequest(invalidMessage);
    }

    /// <summary>Parses an apply body: YAML (a JSON document is valid YAML, and is parsed as JSON directly).</summary>
    public static JsonObject ParseApply(ReadOnlyMemory<byte> body)
    {
        var span = body.Span.TrimStart(" \t\r\n"u8);
        if (span.Length > 0 && span[0] == (byte)'{')
        {
            try
            {
                return JsonNode.Parse(body.Span, documentOptions: Options) as JsonObject
                    ?? throw PatchErrors.BadRequest("error decoding YAML: the body is not an object");
            }
            catch (JsonException)
            {
                // Flow-style YAML that is not strict JSON: let the YAML parser try.
            }
        }
        var duplicates = new List<string>();
        var parsed = YamlBodyParser.Parse(System.Text.Encoding.UTF8.GetString(body.Span), duplicates);
        if (duplicates.Count > 0)
        {
            throw PatchErrors.BadRequest($"error decoding YAML: mapping key \"{duplicates[0]}\" already defined");
        }
        return parsed as JsonObject ?? throw PatchErrors.BadRequest("error decoding YAML: the body is not an object");
    }
}
