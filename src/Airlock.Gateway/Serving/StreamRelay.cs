using System.Buffers;
using System.Text.Json;
using Airlock.Gateway.Redaction;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Relays a server-sent-event stream event by event as it arrives (what one read brings is written and flushed at once,
/// never the whole stream buffered), showing each event's data to a <see cref="CompletionCollector"/>. With a
/// <see cref="StreamRedactor"/> the events pass through it first (the collector then sees what the caller sees). The
/// usage-only chunk the gateway itself asked for is not passed on. Before the event that ends the stream <c>beforeEnd</c>
/// runs: usage is settled and the call audited before the caller sees the end. A stream the provider breaks off (connection
/// reset, or its body ends before the terminal event) gets <c>beforeEnd</c> with <see cref="StreamBrokenStatus"/> and then a
/// terminal error event in the caller's API shape, so its SDK raises an error instead of taking half an answer as whole.
/// </summary>
public sealed class StreamRelay(
    HttpResponse response, ModelRoute route, CompletionCollector collector, bool dropGatewayUsage, StreamRedactor? redactor, StreamRelay.BeforeEnd beforeEnd,
    string providerName)
{
    /// <summary>The status a broken-off stream is audited and counted with (the caller's status line said 200 already).</summary>
    public const int StreamBrokenStatus = 502;

    /// <summary>The error code of the terminal event the caller gets when the provider broke the stream off.</summary>
    public const string StreamBrokenCode = "upstream_stream_broken";

    private readonly List<ReleasedEvent> _released = [];
    private bool _ended;
    private bool _upstreamError;

    /// <summary>Settles the call before the caller sees the end: <paramref name="error"/> is null, or the code of a broken stream.</summary>
    public delegate Task BeforeEnd(string? error);

    public async Task RelayAsync(Stream upstream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var filled = 0;
        var broken = false;
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
                int read;
                try
                {
                    read = await upstream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // The provider's connection broke (reset, a chunked body cut off, or the upstream timeout cut a long
                    // stream); the caller is still there.
                    broken = true;
                    break;
                }
                if (read == 0) break;
                filled += read;
                var consumed = 0;
                while (SseEvents.EventEnd(buffer.AsSpan(consumed, filled - consumed)) is var end && end > 0)
                {
                    await HandleAsync(buffer.AsMemory(consumed, end), cancellationToken).ConfigureAwait(false);
                    consumed += end;
                }
                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                    await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            // A last event missing only its blank line still counts (and is still redacted); half an event is dropped: its
            // cut-off JSON would reach the caller's SDK as a parse error instead of the error event below.
            if (filled > 0 && IsWhole(buffer.AsMemory(0, filled))) await HandleAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
            if (!_ended) await BreakOffAsync(broken || !_upstreamError, cancellationToken).ConfigureAwait(false);
            if (redactor is not null)
            {
                // Whatever came after the terminal event still leaves, decided whole.
                redactor.Flush(_released);
                Write();
            }
            await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> eventBytes, CancellationToken cancellationToken)
    {
        if (!_ended && SseEvents.IsTerminal(eventBytes))
        {
            await EndAsync(eventBytes, null, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!_ended && SseEvents.IsError(eventBytes)) _upstreamError = true;
        if (redactor is null)
        {
            using var data = Parse(eventBytes);
            var drop = false;
            if (data is not null)
            {
                collector.AddStreamEvent(route, data.RootElement);
                drop = dropGatewayUsage && CompletionCollector.IsUsageOnly(route, data.RootElement);
            }
            if (!drop) response.BodyWriter.Write(eventBytes.Span);
            return;
        }
        var owned = eventBytes.ToArray();
        var parsed = Parse(owned);
        var isUsage = parsed is not null && dropGatewayUsage && CompletionCollector.IsUsageOnly(route, parsed.RootElement);
        redactor.Add(owned, parsed, isUsage, _released);
        Write();
    }

    /// <summary>
    /// The stream ended without its terminal event: audited as broken, and unless the provider sent its own error event last,
    /// the caller gets one from the gateway (<paramref name="sendError"/>).
    /// </summary>
    private async Task BreakOffAsync(bool sendError, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? error = null;
        if (sendError)
        {
            var flavor = ModelRoutes.Flavor(route);
            var json = ErrorResponses.Render(flavor, new GatewayError(StreamBrokenStatus, StreamBrokenCode, $"provider \"{providerName}\" broke the stream off before its end"));
            // A blank line first closes whatever half-written event the caller's parser may hold.
            var prefix = flavor == ApiFlavor.Anthropic ? "\n\nevent: error\ndata: "u8 : "\n\ndata: "u8;
            var bytes = new byte[prefix.Length + json.Length + 2];
            prefix.CopyTo(bytes);
            json.CopyTo(bytes.AsSpan(prefix.Length));
            bytes[^2] = (byte)'\n';
            bytes[^1] = (byte)'\n';
            error = bytes;
        }
        await EndAsync(error, StreamBrokenCode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases what the redactor holds, runs <c>beforeEnd</c>, then sends the terminal event (when there is one).</summary>
    private async Task EndAsync(ReadOnlyMemory<byte>? terminal, string? error, CancellationToken cancellationToken)
    {
        _ended = true;
        if (redactor is not null)
        {
            redactor.Flush(_released);
            Write();
        }
        if (error is null && terminal is { } last && Parse(last) is { } data)
        {
            using (data) collector.AddStreamEvent(route, data.RootElement);
        }
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        await beforeEnd(error).ConfigureAwait(false);
        if (terminal is { } end) response.BodyWriter.Write(end.Span);
    }

    private void Write()
    {
        foreach (var released in _released)
        {
            using (var data = released.Data ?? Parse(released.Bytes))
            {
                if (data is not null) collector.AddStreamEvent(route, data.RootElement);
            }
            if (!released.Drop) response.BodyWriter.Write(released.Bytes);
        }
        _released.Clear();
    }

    /// <summary>Whether bytes left at the end of the body are a whole event: the terminal one, or data that parses.</summary>
    private static bool IsWhole(ReadOnlyMemory<byte> eventBytes)
    {
        if (SseEvents.IsTerminal(eventBytes)) return true;
        using var data = Parse(eventBytes);
        return data is not null;
    }

    /// <summary>The event's data as JSON, or null ([DONE], or not JSON).</summary>
    private static JsonDocument? Parse(ReadOnlyMemory<byte> eventBytes)
    {
        var data = SseEvents.Data(eventBytes);
        if (data.Length == 0 || data.Span[0] is not ((byte)'{' or (byte)'[')) return null;
        try
        {
            return JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
