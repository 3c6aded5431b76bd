using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>Reads a request body whole (Kestrel enforces the size limit; the gateway needs the model and messages before forwarding).</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it exceeds the server's limit.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext context)
    {
        var length = context.Request.ContentLength;
        var buffer = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length.Value : 4096);
        try
        {
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
