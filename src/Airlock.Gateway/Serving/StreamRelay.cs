using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Relays a server-sent-event stream event by event as it arrives (each read is written and flushed at once, never the whole
/// stream buffered), showing each event's data to a <see cref="CompletionCollector"/>. The usage-only chunk the gateway
/// itself asked for is not passed on, so the caller sees exactly the stream it asked for.
/// </summary>
public static class StreamRelay
{
    public static async Task RelayAsync(Stream upstream, HttpResponse response, ModelRoute route, CompletionCollector collector, bool dropGatewayUsage, Func<Task> beforeEnd, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await upstream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                filled += read;
                var consumed = await ForwardCompleteEventsAsync(buffer.AsMemory(0, filled), response, route, collector, dropGatewayUsage, beforeEnd, cancellationToken).ConfigureAwait(false);
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                    await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            if (filled > 0) Inspect(buffer.AsSpan(0, filled), route, collector);
            await beforeEnd().ConfigureAwait(false);
            if (filled > 0)
            {
                await response.Body.WriteAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
                await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes every complete event in <paramref name="data"/>; returns how many bytes were consumed.</summary>
    private static async ValueTask<int> ForwardCompleteEventsAsync(
        ReadOnlyMemory<byte> data, HttpResponse response, ModelRoute route, CompletionCollector collector, bool dropGatewayUsage, Func<Task> beforeEnd,
        CancellationToken cancellationToken)
    {
        var consumed = 0;
        var pendingStart = 0;
        while (true)
        {
            var end = EventEnd(data.Span[consumed..]);
            if (end < 0) break;
            var eventBytes = data.Slice(consumed, end);
            var isGatewayUsage = Inspect(eventBytes.Span, route, collector);
            if (IsTerminal(eventBytes.Span))
            {
                // Settle usage and ceilings before the caller sees the end of the stream (its next call must meet them).
                if (consumed > pendingStart) await response.Body.WriteAsync(data[pendingStart..consumed], cancellationToken).ConfigureAwait(false);
                pendingStart = consumed;
                await beforeEnd().ConfigureAwait(false);
            }
            if (isGatewayUsage && dropGatewayUsage)
            {
                if (consumed > pendingStart) await response.Body.WriteAsync(data[pendingStart..consumed], cancellationToken).ConfigureAwait(false);
                pendingStart = consumed + end;
            }
            consumed += end;
        }
        if (consumed > pendingStart) await response.Body.WriteAsync(data[pendingStart..consumed], cancellationToken).ConfigureAwait(false);
        return consumed;
    }

    /// <summary>The event that ends a stream: OpenAI's <c>data: [DONE]</c>, Anthropic's <c>message_stop</c>.</summary>
    private static bool IsTerminal(ReadOnlySpan<byte> eventBytes) =>
        eventBytes.IndexOf("data: [DONE]"u8) >= 0 || eventBytes.IndexOf("event: message_stop"u8) >= 0;

    /// <summary>Length of the first event including its blank-line terminator, or -1 when it is not complete yet.</summary>
    private static int EventEnd(ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < data.Length - 1; i++)
        {
            if (data[i] != '\n') continue;
            if (data[i + 1] == '\n') return i + 2;
            if (data[i + 1] == '\r' && i + 2 < data.Length && data[i + 2] == '\n') return i + 3;
        }
        return -1;
    }

    /// <summary>Shows the event's data lines to the collector; true when it is the gateway-requested usage chunk.</summary>
    private static bool Inspect(ReadOnlySpan<byte> eventBytes, ModelRoute route, CompletionCollector collector)
    {
        var isUsage = false;
        while (eventBytes.Length > 0)
        {
            var newline = eventBytes.IndexOf((byte)'\n');
            var line = newline < 0 ? eventBytes : eventBytes[..newline];
            eventBytes = newline < 0 ? default : eventBytes[(newline + 1)..];
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            if (!line.StartsWith("data:"u8)) continue;
            var payload = line[5..];
            if (payload.Length > 0 && payload[0] == ' ') payload = payload[1..];
            isUsage |= collector.AddStreamEvent(route, payload);
        }
        return isUsage;
    }
}
