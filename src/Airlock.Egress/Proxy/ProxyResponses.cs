using System.Text;

namespace Airlock.Egress.Proxy;

/// <summary>
/// The few responses the proxy itself writes. Each closes the connection except the CONNECT 200 and refusals of plain-HTTP
/// requests without a body on a keep-alive connection (<c>close: false</c>), after which the client may send its next request.
/// </summary>
public static class ProxyResponses
{
    public static readonly byte[] ConnectEstablished = "HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray();

    /// <summary>For callers the proxy does not know: no body, no hint.</summary>
    public static readonly byte[] ForbiddenBare = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray();

    public static byte[] Status(int status, string reason, bool close = true)
    {
        var body = reason.Length == 0 ? "" : "airlock-egress: " + reason + "\n";
        var connection = close ? "Connection: close\r\n" : "";
        return Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status} {Phrase(status)}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\n{connection}\r\n{body}");
    }

    public static string Phrase(int status) => status switch
    {
        400 => "Bad Request",
        403 => "Forbidden",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
