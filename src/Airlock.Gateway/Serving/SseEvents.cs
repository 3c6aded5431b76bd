using System.Text;

namespace Airlock.Gateway.Serving;

/// <summary>Server-sent events as bytes: where one ends, its data, whether it ends the stream, and rewriting its data.</summary>
public static class SseEvents
{
    /// <summary>Length of the first event including its blank-line terminator, or -1 when it is not complete yet.</summary>
    public static int EventEnd(ReadOnlySpan<byte> data)
    {
        var i = 0;
        while (true)
        {
            var newline = data[i..].IndexOf((byte)'\n');
            if (newline < 0) return -1;
            i += newline;
            if (i + 1 >= data.Length) return -1;
            if (data[i + 1] == '\n') return i + 2;
            if (data[i + 1] == '\r' && i + 2 < data.Length && data[i + 2] == '\n') return i + 3;
            i++;
        }
    }

    /// <summary>
    /// The event that ends a stream: OpenAI's <c>data: [DONE]</c>, Anthropic's <c>event: message_stop</c> (as whole fields:
    /// the same words inside the model's text do not end it).
    /// </summary>
    public static bool IsTerminal(ReadOnlyMemory<byte> eventBytes)
    {
        var span = eventBytes.Span;
        if (span.StartsWith("event: message_stop"u8) || span.IndexOf("\nevent: message_stop"u8) >= 0) return true;
        return span.IndexOf("[DONE]"u8) >= 0 && Data(eventBytes).Span.SequenceEqual("[DONE]"u8);
    }

    /// <summary>
    /// A provider's own error event: Anthropic's <c>event: error</c>, or OpenAI's <c>data: {"error": …}</c> (sent mid-stream
    /// before it closes the connection).
    /// </summary>
    public static bool IsError(ReadOnlyMemory<byte> eventBytes)
    {
        var span = eventBytes.Span;
        if (span.StartsWith("event: error"u8) || span.IndexOf("\nevent: error"u8) >= 0) return true;
        if (span.IndexOf("\"error\""u8) < 0) return false;
        var data = Data(eventBytes).Span.TrimStart(" \t"u8);
        return data.StartsWith("{\"error\""u8);
    }

    /// <summary>The event's data (its <c>data:</c> lines joined by newlines, as the SSE specification reads them).</summary>
    public static ReadOnlyMemory<byte> Data(ReadOnlyMemory<byte> eventBytes)
    {
        ReadOnlyMemory<byte> first = default;
        List<byte>? joined = null;
        var found = false;
        var rest = eventBytes;
        while (rest.Length > 0)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            if (line.Length > 0 && line.Span[^1] == '\r') line = line[..^1];
            if (!line.Span.StartsWith("data:"u8)) continue;
            var payload = line[5..];
            if (payload.Length > 0 && payload.Span[0] == ' ') payload = payload[1..];
            if (!found)
            {
                first = payload;
                found = true;
                continue;
            }
            joined ??= [.. first.Span];
            joined.Add((byte)'\n');
            joined.AddRange(payload.Span);
        }
        return joined is null ? first : joined.ToArray();
    }

    /// <summary>The event with its data replaced by <paramref name="data"/> (one line); its other fields are kept.</summary>
    public static byte[] WithData(ReadOnlySpan<byte> eventBytes, string data)
    {
        var builder = new StringBuilder(eventBytes.Length + 16);
        var text = Encoding.UTF8.GetString(eventBytes);
        var wrote = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                if (!wrote) builder.Append("data: ").Append(data).Append('\n');
                wrote = true;
                continue;
            }
            builder.Append(line).Append('\n');
        }
        if (!wrote) builder.Append("data: ").Append(data).Append('\n');
        return Encoding.UTF8.GetBytes(builder.Append('\n').ToString());
    }
}
