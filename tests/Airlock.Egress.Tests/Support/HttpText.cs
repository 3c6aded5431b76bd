using System.Globalization;
using System.Text;

namespace Airlock.Egress.Tests.Support;

/// <summary>Byte-at-a-time HTTP/1.1 reading for test peers: never consumes a byte past the message it reads.</summary>
public static class HttpText
{
    /// <summary>A head up to its blank line, or null when the stream ends before any byte.</summary>
    public static async Task<string?> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) return head.Length == 0 ? null : throw new IOException("the head ended early");
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    public static async Task<string> ReadExactAsync(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return Encoding.Latin1.GetString(buffer);
    }

    /// <summary>A chunked body, decoded (trailers read and dropped).</summary>
    public static async Task<string> ReadChunkedAsync(Stream stream)
    {
        var body = new StringBuilder();
        while (true)
        {
            var line = await ReadLineAsync(stream);
            var size = int.Parse(line.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0) break;
            body.Append(await ReadExactAsync(stream, size));
            await ReadLineAsync(stream);
        }
        while ((await ReadLineAsync(stream)).Length > 0)
        {
        }
        return body.ToString();
    }

    /// <summary>One line without its CRLF.</summary>
    public static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0) throw new IOException("the stream ended inside a line");
            line.Append((char)one[0]);
        }
        return line.ToString()[..^2];
    }

    /// <summary>Reads one response (head and body by its framing; a body without a length runs to the end of the stream).</summary>
    public static async Task<HttpAnswer> ReadResponseAsync(Stream stream)
    {
        var head = await ReadHeadAsync(stream) ?? throw new IOException("the connection closed before a response");
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string? Header(string name) => lines.Skip(1).FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
        string body;
        if (Header("Transfer-Encoding") is not null) body = await ReadChunkedAsync(stream);
        else if (Header("Content-Length") is { } length) body = await ReadExactAsync(stream, int.Parse(length, CultureInfo.InvariantCulture));
        else
        {
            using var rest = new MemoryStream();
            await stream.CopyToAsync(rest);
            body = Encoding.Latin1.GetString(rest.ToArray());
        }
        return new HttpAnswer(head, body);
    }
}
