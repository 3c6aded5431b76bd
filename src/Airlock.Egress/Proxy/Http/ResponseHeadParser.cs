using System.Text;

namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// Parses an upstream's response head as strictly as requests are parsed: CRLF line ends, no folding, token names. A head
/// the proxy reads differently from the client could make the client take part of one response for the answer to its
/// next request, which may go to another host; so anything doubtful is a 502 and the connection closes.
/// </summary>
public static class ResponseHeadParser
{
    /// <summary>The head, or null when it is malformed or has more than <paramref name="maxHeaders"/> fields.</summary>
    public static ResponseHead? Parse(ReadOnlySpan<byte> head, int maxHeaders)
    {
        var headers = new List<KeyValuePair<string, string>>();
        ResponseHead? statusLine = null;
        var rest = head;
        while (true)
        {
            var lf = rest.IndexOf((byte)'\n');
            if (lf <= 0 || rest[lf - 1] != (byte)'\r') return null;
            var line = rest[..(lf - 1)];
            rest = rest[(lf + 1)..];
            if (line.IndexOf((byte)'\r') >= 0) return null;
            if (statusLine is null)
            {
                statusLine = ParseStatusLine(line);
                if (statusLine is null) return null;
                continue;
            }
            if (line.Length == 0) break;
            if (headers.Count >= maxHeaders || !HeaderLines.TryParse(line, out var header)) return null;
            headers.Add(header);
        }
        return rest.Length == 0 ? statusLine with { Headers = headers } : null;
    }

    private static ResponseHead? ParseStatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.x SP 3DIGIT SP reason-phrase (the reason may be empty, RFC 9112 section 4).
        if (line.Length < 12 || !(line.StartsWith("HTTP/1.1 "u8) || line.StartsWith("HTTP/1.0 "u8))) return null;
        var code = line.Slice(9, 3);
        foreach (var b in code)
        {
            if (!char.IsAsciiDigit((char)b)) return null;
        }
        if (line[12..].Length > 0 && line[12] != (byte)' ') return null;
        var reason = line.Length > 13 ? line[13..] : [];
        foreach (var b in reason)
        {
            if (b is < 0x20 and not (byte)'\t' || b == 0x7F) return null;
        }
        var status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        if (status < 100) return null;
        return new ResponseHead(Encoding.ASCII.GetString(line[..8]), status, Encoding.Latin1.GetString(reason), []);
    }
}
