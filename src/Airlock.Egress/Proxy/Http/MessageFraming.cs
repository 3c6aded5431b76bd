namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// Where a request or response body ends (RFC 9112 section 6.3). Requests are held to the unambiguous forms only: one
/// Content-Length of plain digits, or <c>Transfer-Encoding: chunked</c> alone on HTTP/1.1; anything else is refused.
/// </summary>
public static class MessageFraming
{
    private const int MaxLengthDigits = 18;

    /// <summary>The request's body framing, or null when it is ambiguous or unsupported (answer 400 and close).</summary>
    public static BodyFraming? ForRequest(RequestHead head)
    {
        var encodings = head.Count("Transfer-Encoding");
        var lengths = head.Count("Content-Length");
        if (encodings > 0)
        {
            if (encodings > 1 || lengths > 0 || head.Version != "HTTP/1.1") return null;
            return string.Equals(head.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase) ? BodyFraming.Chunked : null;
        }
        if (lengths == 0) return BodyFraming.None;
        return lengths == 1 && ParseLength(head.Header("Content-Length")) is { } length ? BodyFraming.Of(length) : null;
    }

    /// <summary>The response's body framing, or null when its length fields are malformed or contradict each other (502).</summary>
    public static BodyFraming? ForResponse(string requestMethod, ResponseHead head)
    {
        if (requestMethod == "HEAD" || head.IsInterim || head.Status is 204 or 304) return BodyFraming.None;
        var encodings = HeaderLines.Elements(head.Headers, "Transfer-Encoding");
        if (encodings.Count > 0)
        {
            // Chunked last: the chunks say where the body ends. Any other last coding: the body ends when the server closes.
            return string.Equals(encodings[^1], "chunked", StringComparison.OrdinalIgnoreCase) ? BodyFraming.Chunked : BodyFraming.UntilClose;
        }
        long? found = null;
        foreach (var (name, value) in head.Headers)
        {
            if (!string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (ParseLength(value) is not { } length || (found is { } earlier && earlier != length)) return null;
            found = length;
        }
        return found is { } n ? BodyFraming.Of(n) : BodyFraming.UntilClose;
    }

    /// <summary>Plain decimal digits only (no sign, no spaces, no list), at most 18 of them.</summary>
    public static long? ParseLength(string? text)
    {
        if (text is not { Length: > 0 and <= MaxLengthDigits }) return null;
        long value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return null;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
