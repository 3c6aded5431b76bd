using System.Globalization;
using System.Text;

namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// The head a response is passed to the client with: the proxy's own HTTP/1.1 status line, the server's end-to-end fields,
/// no hop-by-hop fields, no Content-Length beside a Transfer-Encoding, and <c>Connection: close</c> when the proxy will
/// close the client connection after this response.
/// </summary>
public static class ResponseHeadWriter
{
    public static byte[] Build(ResponseHead head, bool close)
    {
        var listed = HopByHop.Listed(head.Headers);
        var chunked = head.Count("Transfer-Encoding") > 0;
        var text = new StringBuilder(256);
        text.Append("HTTP/1.1 ").Append(head.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(head.Reason).Append("\r\n");
        foreach (var (name, value) in head.Headers)
        {
            if (HopByHop.IsHopByHop(name, listed)) continue;
            if (chunked && string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (close && !head.IsInterim) text.Append("Connection: close\r\n");
        text.Append("\r\n");
        return Encoding.Latin1.GetBytes(text.ToString());
    }
}
