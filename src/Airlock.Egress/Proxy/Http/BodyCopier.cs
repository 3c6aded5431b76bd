using System.Buffers;
using System.Globalization;
using System.Net.Sockets;

namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// Copies one message body from a reader to a socket exactly as framed: so many bytes, chunks up to the last one and its
/// trailers, or everything until the sender closes. Chunked bodies are checked as they pass (hex sizes, CRLFs, line
/// lengths), so a body can never spill into what the next request or response is taken to be.
/// </summary>
public sealed class BodyCopier(ProxyLimits limits, TaskQuota? quota)
{
    private const int MaxChunkLine = 4096;

    /// <summary>Copies the body; returns the bytes written. Throws <see cref="HttpFramingException"/> on a broken body or early end.</summary>
    public async Task<long> CopyAsync(SocketReader from, Socket to, BodyFraming framing, IdleDeadline idle, CancellationToken cancellationToken)
    {
        switch (framing.Kind)
        {
            case BodyFramingKind.None:
                return 0;
            case BodyFramingKind.Length:
                await CopyExactAsync(from, to, framing.Length, idle, cancellationToken).ConfigureAwait(false);
                return framing.Length;
            case BodyFramingKind.Chunked:
                return await CopyChunkedAsync(from, to, idle, cancellationToken).ConfigureAwait(false);
            default:
                return await CopyToEndAsync(from, to, idle, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CopyExactAsync(SocketReader from, Socket to, long count, IdleDeadline idle, CancellationToken cancellationToken)
    {
        var size = limits.CopyBufferBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            while (count > 0)
            {
                var read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(size, count)), cancellationToken).ConfigureAwait(false);
                if (read == 0) throw new HttpFramingException("the body ended before its length");
                await ForwardAsync(to, buffer.AsMemory(0, read), idle, cancellationToken).ConfigureAwait(false);
                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<long> CopyToEndAsync(SocketReader from, Socket to, IdleDeadline idle, CancellationToken cancellationToken)
    {
        var size = limits.CopyBufferBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        long total = 0;
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
                if (read == 0) return total;
                await ForwardAsync(to, buffer.AsMemory(0, read), idle, cancellationToken).ConfigureAwait(false);
                total += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<long> CopyChunkedAsync(SocketReader from, Socket to, IdleDeadline idle, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var line = await ReadLineAsync(from, cancellationToken).ConfigureAwait(false);
            var size = ParseChunkSize(line.Span[..^2]) ?? throw new HttpFramingException("malformed chunk size");
            await ForwardAsync(to, line, idle, cancellationToken).ConfigureAwait(false);
            total += line.Length;
            if (size == 0) break;
            await CopyExactAsync(from, to, size, idle, cancellationToken).ConfigureAwait(false);
            total += size;
            var end = await ReadLineAsync(from, cancellationToken).ConfigureAwait(false);
            if (end.Length != 2) throw new HttpFramingException("chunk data is not followed by CRLF");
            await ForwardAsync(to, end, idle, cancellationToken).ConfigureAwait(false);
            total += 2;
        }
        // Trailer fields, then the blank line; bounded like a head.
        var trailers = 0;
        while (true)
        {
            var line = await ReadLineAsync(from, cancellationToken).ConfigureAwait(false);
            trailers += line.Length;
            if (trailers > limits.MaxHeadBytes) throw new HttpFramingException("trailer fields are too large");
            if (line.Length > 2 && !HeaderLines.TryParse(line.Span[..^2], out _)) throw new HttpFramingException("malformed trailer field");
            await ForwardAsync(to, line, idle, cancellationToken).ConfigureAwait(false);
            total += line.Length;
            if (line.Length == 2) return total;
        }
    }

    /// <summary>Hex digits, optionally followed by chunk extensions after <c>;</c> (passed through unread). Null when malformed.</summary>
    public static long? ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = semicolon < 0 ? line : line[..semicolon];
        if (digits.Length is 0 or > 15) return null;
        foreach (var b in digits)
        {
            if (!char.IsAsciiHexDigit((char)b)) return null;
        }
        if (semicolon >= 0)
        {
            foreach (var b in line[(semicolon + 1)..])
            {
                if (b is < 0x20 and not (byte)'\t' || b == 0x7F) return null;
            }
        }
        return long.Parse(System.Text.Encoding.ASCII.GetString(digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadLineAsync(SocketReader from, CancellationToken cancellationToken) =>
        await from.ReadLineAsync(MaxChunkLine, cancellationToken).ConfigureAwait(false) ?? throw new HttpFramingException("the body ended inside its chunks");

    private async Task ForwardAsync(Socket to, ReadOnlyMemory<byte> data, IdleDeadline idle, CancellationToken cancellationToken)
    {
        if (quota is not null && !quota.TryAddBytes(data.Length)) throw new ByteLimitException();
        idle.Touch();
        await TunnelPump.SendAllAsync(to, data, cancellationToken).ConfigureAwait(false);
        idle.Touch();
    }
}
