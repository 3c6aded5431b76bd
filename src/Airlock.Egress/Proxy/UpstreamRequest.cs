using System.Text;
using Airlock.Egress.Proxy.Http;

namespace Airlock.Egress.Proxy;

/// <summary>
/// The head a plain-HTTP request is forwarded with: origin-form target, the Host the allowlist checked (the client's own
/// Host header is replaced, so a virtual host cannot be switched behind the check), no proxy or hop-by-hop headers, and
/// <c>Connection: close</c> when this is the connection's last request. The upstream connection is reused only for the
/// next request to the same checked host, port and address, so nothing can ride along to another host.
/// </summary>
public static class UpstreamRequest
{
    /// <summary>Null when the request is ambiguous (several Hosts, or a body framing <see cref="MessageFraming"/> refuses).</summary>
    public static byte[]? Build(RequestHead head, ProxyTarget target, bool close = true)
    {
        if (head.Count("Host") > 1 || MessageFraming.ForRequest(head) is null) return null;
        var listed = HopByHop.Listed(head.Headers);
        var text = new StringBuilder(256);
        text.Append(head.Method).Append(' ').Append(target.PathAndQuery ?? "/").Append(' ').Append("HTTP/1.1\r\n");
        text.Append("Host: ").Append(target.Port == 80 ? target.Host : target.Authority).Append("\r\n");
        foreach (var (name, value) in head.Headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase) || HopByHop.IsHopByHop(name, listed)) continue;
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (close) text.Append("Connection: close\r\n");
        text.Append("\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
