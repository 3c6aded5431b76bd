using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Server.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Server.Http;

/// <summary>Reads a request body (at most <see cref="MaxBytes"/>) and decodes JSON or YAML objects.</summary>
public static class RequestBody
{
    /// <summary>The API server's limit for a request body: 3 MiB.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            // The usual case: read straight into an array of the declared size (the server enforces the length).
            if (length > MaxBytes) throw TooLarge();
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken)) > 0) filled += got;
            return filled == body.Length ? body : body[..filled];
        }
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes) throw TooLarge();
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>Decodes an object body; <paramref name="duplicates"/> receives the paths of repeated keys.</summary>
    public static JsonObject DecodeObject(byte[] body, string? contentType, List<string> duplicates)
    {
        if (body.Length == 0) throw ApiError.BadRequest("the request body is empty; expected an object");
        var media = (contentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();
        JsonNode? node = media switch
        {
            "application/yaml" or "application/x-yaml" or "text/yaml" or "application/apply-patch+yaml" => YamlBodyParser.Parse(Encoding.UTF8.GetString(body), duplicates),
            "application/json" or "" or "*/*" or "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json"
                => JsonBodyParser.Parse(body, duplicates),
            "application/vnd.kubernetes.protobuf" => ProtobufBody.Decode(body),
            _ => throw ApiError.UnsupportedMediaType(media),
        };
        return node as JsonObject ?? throw ApiError.BadRequest("the request body must be an object");
    }

    private static ApiError TooLarge() => ApiError.TooLarge($"Request entity too large: limit is {MaxBytes}");
}
