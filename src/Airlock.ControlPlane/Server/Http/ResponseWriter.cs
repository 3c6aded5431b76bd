using System.Text.Json;
using System.Text.Json.Nodes;
using Airlock.ControlPlane.Api;
using Airlock.ControlPlane.Storage.Watching;
using Microsoft.AspNetCore.Http;

namespace Airlock.ControlPlane.Server.Http;

/// <summary>Writes JSON responses: objects, streamed lists of frozen snapshots, <c>kind: Status</c> errors and warnings.</summary>
public static class ResponseWriter
{
    /// <summary>Plain JSON escaping (quotes as \", not \u0022), like the API server writes (the same as stored snapshots' JSON).</summary>
    public static readonly JsonWriterOptions WriterOptions = SnapshotJson.WriterOptions;

    public static async Task WriteJsonAsync(HttpResponse response, int status, JsonNode body, CancellationToken cancellationToken = default)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (body is JsonObject obj && SnapshotJson.TryGet(obj, out var json))
        {
            // A stored snapshot: its JSON was written once when it was committed.
            response.ContentLength = json.Length;
            await response.Body.WriteAsync(json, cancellationToken);
            return;
        }
        await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
        body.WriteTo(writer);
        await writer.FlushAsync(cancellationToken);
    }

    public static Task WriteStatusAsync(HttpResponse response, ApiError error)
    {
        if (error.RetryAfter is { } retry) response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (error.Code == 401) response.Headers.WWWAuthenticate = "Bearer";
        return WriteJsonAsync(response, error.Code, error.ToStatus());
    }

    /// <summary>A list document whose items are written one by one (they are shared snapshots and must not be re-parented).</summary>
    public static async Task WriteListAsync(HttpResponse response, string apiVersion, string listKind, IEnumerable<JsonObject> items,
        string resourceVersion, string? continueToken, long? remaining, Func<JsonObject, JsonObject> present, CancellationToken cancellationToken)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("kind", listKind);
        writer.WriteString("apiVersion", apiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", resourceVersion);
        if (continueToken is not null) writer.WriteString("continue", continueToken);
        if (remaining is not null) writer.WriteNumber("remainingItemCount", remaining.Value);
        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in items)
        {
            var shown = present(item);
            if (ReferenceEquals(shown, item) && SnapshotJson.TryGet(item, out var json)) writer.WriteRawValue(json, skipInputValidation: true);
            else shown.WriteTo(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Adds <c>Warning: 299 - "text"</c> headers (RFC 7234), as the API server sends for deprecations and field warnings.</summary>
    public static void AddWarnings(HttpResponse response, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings.Distinct(StringComparer.Ordinal))
        {
            var escaped = warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("\n", " ", StringComparison.Ordinal);
            response.Headers.Append("Warning", $"299 - \"{escaped}\"");
        }
    }

    /// <summary>A <c>kind: Status</c> success body (deletes of kinds that do not return the deleted object).</summary>
    public static JsonObject Success(string name, string group, string kind, string uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = group, ["kind"] = kind, ["uid"] = uid },
    };
}
