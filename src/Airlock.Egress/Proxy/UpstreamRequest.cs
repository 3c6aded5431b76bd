using System.Text;

namespace Airlock.Egress.Proxy;

/// <summary>
/// The head a plain-HTTP request is forwarded with: origin-form target, the Host the allowlist checked (the client's own
/// Host header is replaced, so a virtual host cannot be switched behind the check), no proxy or hop-by-hop headers,
/// and <c>Connection: close</c> (one request per connection, so nothing can ride along to another host).
/// </summary>
public static class UpstreamRequest
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Trailer", "Upgrade",
    };

    /// <summary>Null when the request is ambiguous (Content-Length with Transfer-Encoding, several Content-Lengths, several Hosts).</summary>
    public static byte[]? Build(RequestHead head, ProxyTarget target)
    {
        if (head.Count("Content-Length") > 1 || (head.Header("Content-Length") is not null && head.Header("Transfer-Encoding") is not null)
            || head.Count("Host") > 1)
            return null;
        var listed = (head.Header("Connection") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var text = new StringBuilder(256);
        text.Append(head.Method).Append(' ').Append(target.PathAndQuery ?? "/").Append(' ').Append("HTTP/1.1\r\n");
        text.Append("Host: ").Append(target.Port == 80 ? target.Host : target.Authority).Append("\r\n");
        foreach (var (name, value) in head.Headers)
        {
            if (HopByHop.Contains(name) || listed.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        text.Append("Connection: close\r\n\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
