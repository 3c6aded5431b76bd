using System.Text;

namespace Airlock.Egress.Proxy;

/// <summary>
/// Parses an HTTP/1.x request head strictly (RFC 9112): CRLF line ends only, no obsolete line folding, token header names,
/// size limits per line and per head. Anything doubtful is a 400, never a guess: a proxy that reads a request differently
/// from the server behind it is how requests get smuggled.
/// </summary>
public static class RequestHeadParser
{
    /// <summary>Parses <paramref name="head"/>: the bytes up to and including the blank line that ends it.</summary>
    public static HeadParseResult Parse(ReadOnlySpan<byte> head, ProxyLimits limits)
    {
        var headers = new List<KeyValuePair<string, string>>();
        string? method = null, target = null, version = null;
        var rest = head;
        while (true)
        {
            var lf = rest.IndexOf((byte)'\n');
            if (lf < 0) return HeadParseResult.Fail(400, "request head does not end with a blank line");
            if (lf == 0 || rest[lf - 1] != (byte)'\r') return HeadParseResult.Fail(400, "lines must end with CRLF");
            var line = rest[..(lf - 1)];
            rest = rest[(lf + 1)..];
            if (line.Length > limits.MaxLineBytes) return HeadParseResult.Fail(431, "a request line or header is too long");
            if (line.IndexOf((byte)'\r') >= 0) return HeadParseResult.Fail(400, "bare CR in request head");
            if (method is null)
            {
                if (!ParseRequestLine(line, out method, out target, out version)) return HeadParseResult.Fail(400, "malformed request line");
                continue;
            }
            if (line.Length == 0) break;
            if (headers.Count >= limits.MaxHeaderCount) return HeadParseResult.Fail(431, "too many headers");
            if (!Http.HeaderLines.TryParse(line, out var header)) return HeadParseResult.Fail(400, "malformed header line");
            headers.Add(header);
        }
        if (rest.Length != 0) return HeadParseResult.Fail(400, "bytes after the request head");
        return HeadParseResult.Ok(new RequestHead(method, target!, version!, headers));
    }

    private static bool ParseRequestLine(ReadOnlySpan<byte> line, out string? method, out string? target, out string? version)
    {
        method = target = version = null;
        var first = line.IndexOf((byte)' ');
        if (first is <= 0 or > 16) return false;
        var afterMethod = line[(first + 1)..];
        var second = afterMethod.IndexOf((byte)' ');
        if (second <= 0) return false;
        var methodBytes = line[..first];
        var targetBytes = afterMethod[..second];
        var versionBytes = afterMethod[(second + 1)..];
        foreach (var b in methodBytes)
        {
            if (b is < (byte)'A' or > (byte)'Z') return false;
        }
        foreach (var b in targetBytes)
        {
            if (b is <= 0x20 or >= 0x7F) return false;
        }
        if (!versionBytes.SequenceEqual("HTTP/1.1"u8) && !versionBytes.SequenceEqual("HTTP/1.0"u8)) return false;
        method = Encoding.ASCII.GetString(methodBytes);
        target = Encoding.ASCII.GetString(targetBytes);
        version = Encoding.ASCII.GetString(versionBytes);
        return true;
    }
}
