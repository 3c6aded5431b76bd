using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Writes a <see cref="GatewayError"/> in the shape the caller's SDK parses: OpenAI
/// <c>{"error":{"message","type","param","code"}}</c> or Anthropic <c>{"type":"error","error":{"type","message"}}</c>
/// (Anthropic has no code field, so the code leads the message).
/// </summary>
public static class ErrorResponses
{
    public static async Task WriteAsync(HttpContext context, ApiFlavor flavor, GatewayError error)
    {
        var response = context.Response;
        if (response.HasStarted) return;
        response.StatusCode = error.Status;
        response.ContentType = "application/json";
        if (error.RetryAfter is { } retry)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        await response.Body.WriteAsync(Render(flavor, error), context.RequestAborted).ConfigureAwait(false);
    }

    public static byte[] Render(ApiFlavor flavor, GatewayError error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (flavor == ApiFlavor.Anthropic)
            {
                writer.WriteString("type", "error");
                writer.WriteStartObject("error");
                writer.WriteString("type", error.AnthropicType);
                writer.WriteString("message", $"{error.Code}: {error.Message}");
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject("error");
                writer.WriteString("message", error.Message);
                writer.WriteString("type", error.OpenAiType);
                writer.WriteNull("param");
                writer.WriteString("code", error.Code);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
