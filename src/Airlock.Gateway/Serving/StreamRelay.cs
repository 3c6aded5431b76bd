using System.Buffers;
using System.Text.Json;
using Airlock.Gateway.Redaction;
using Microsoft.AspNetCore.Http;

namespace Airlock.Gateway.Serving;

/// <summary>
/// Relays a server-sent-event stream event by event as it arrives (what one read brings is written and flushed at once,
/// never the whole stream buffered), showing each event's data to a <see cref="CompletionCollector"/>. With a
/// <see cref="StreamRedactor"/> the events pass through it first (the collector then sees what the caller sees). The
/// usage-only chunk the gateway itself asked for is not passed on. Before the event that ends the stream (or the end of the
/// upstream body) <c>beforeEnd</c> runs: usage is settled and the call audited before the caller sees the end.
/// </summary>
public sealed class StreamRelay(HttpResponse response, ModelRoute route, CompletionCollector collector, bool dropGatewayUsage, StreamRedactor? redactor, Func<Task> beforeEnd)
{
    private readonly List<ReleasedEvent> _released = [];
    private bool _ended;

    public async Task RelayAsync(Stream upstream, CancellationToken cancellationToken)
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
            // An unterminated last event (the upstream closed early) still counts, and is still redacted.
            if (filled > 0) await HandleAsync(buffer.AsMemory(0, filled), cancellationToken).ConfigureAwait(false);
            if (!_ended) await EndAsync(null, cancellationToken).ConfigureAwait(false);
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
            await EndAsync(eventBytes, cancellationToken).ConfigureAwait(false);
            return;
        }
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

    /// <summary>Releases what the redactor holds, runs <c>beforeEnd</c>, then sends the terminal event (when there is one).</summary>
    private async Task EndAsync(ReadOnlyMemory<byte>? terminal, CancellationToken cancellationToken)
    {
        _ended = true;
        if (redactor is not null)
        {
            redactor.Flush(_released);
            Write();
        }
        if (terminal is { } last && Parse(last) is { } data)
        {
            using (data) collector.AddStreamEvent(route, data.RootElement);
        }
        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        await beforeEnd().ConfigureAwait(false);
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
