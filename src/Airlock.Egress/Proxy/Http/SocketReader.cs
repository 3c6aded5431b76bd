using System.Buffers;
using System.Net.Sockets;

namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// A socket read through one pooled buffer, so a message head can be found and whatever came after it (a body, the next
/// pipelined request, early tunnel data) stays available to the next read. Not thread-safe: one reader at a time.
/// </summary>
public sealed class SocketReader : IDisposable
{
    private readonly Socket _socket;
    private byte[]? _buffer;
    private int _start;
    private int _end;

    /// <param name="capacity">The largest head this reader can hold (a head past it is reported as too large).</param>
    public SocketReader(Socket socket, int capacity)
    {
        _socket = socket;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Bytes received but not consumed yet.</summary>
    public int Buffered => _end - _start;

    /// <summary>
    /// Reads up to and including the blank line that ends a head; the head is valid until the next call on this reader.
    /// The caller's token bounds the whole head (slowloris).
    /// </summary>
    public async ValueTask<HeadRead> ReadHeadAsync(int maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, Capacity);
        var searched = 0;
        while (true)
        {
            var end = Span[searched..].IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                var length = searched + end + 4;
                var head = _buffer.AsMemory(_start, length);
                _start += length;
                return new HeadRead(HeadReadStatus.Ok, head);
            }
            if (Buffered >= limit) return new HeadRead(HeadReadStatus.TooLarge, default);
            searched = Math.Max(0, Buffered - 3);
            if (await FillAsync(limit, cancellationToken).ConfigureAwait(false) == 0)
                return new HeadRead(Buffered == 0 ? HeadReadStatus.Closed : HeadReadStatus.Truncated, default);
        }
    }

    /// <summary>A line ending in CRLF (returned with it), or null at end of stream; a line longer than <paramref name="maxBytes"/> throws.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(int maxBytes, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var lf = Span[searched..].IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var length = searched + lf + 1;
                if (length > maxBytes) throw new HttpFramingException("a chunk or trailer line is too long");
                var line = _buffer.AsMemory(_start, length);
                _start += length;
                if (length < 2 || line.Span[^2] != (byte)'\r') throw new HttpFramingException("a line does not end with CRLF");
                return line;
            }
            if (Buffered >= maxBytes) throw new HttpFramingException("a chunk or trailer line is too long");
            searched = Buffered;
            if (await FillAsync(Capacity, cancellationToken).ConfigureAwait(false) == 0) return null;
        }
    }

    /// <summary>Buffered bytes first, then straight from the socket into <paramref name="destination"/>; 0 at end of stream.</summary>
    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (Buffered > 0)
        {
            var count = Math.Min(Buffered, destination.Length);
            _buffer.AsSpan(_start, count).CopyTo(destination.Span);
            _start += count;
            return count;
        }
        return await _socket.ReceiveAsync(destination, SocketFlags.None, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until at least one byte is buffered; false when the peer closed first (an idle keep-alive connection ending).</summary>
    public async ValueTask<bool> WaitForDataAsync(CancellationToken cancellationToken) =>
        Buffered > 0 || await FillAsync(Capacity, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Hands over every buffered byte (early tunnel data after a CONNECT head); the reader is empty afterwards.</summary>
    public byte[] TakeBuffered()
    {
        var taken = Span.ToArray();
        _start = _end = 0;
        return taken;
    }

    private Span<byte> Span => _buffer.AsSpan(_start, _end - _start);

    private async ValueTask<int> FillAsync(int limit, CancellationToken cancellationToken)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(SocketReader));
        if (_start > 0)
        {
            buffer.AsSpan(_start, _end - _start).CopyTo(buffer);
            _end -= _start;
            _start = 0;
        }
        var read = await _socket.ReceiveAsync(buffer.AsMemory(_end, limit - _end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    public void Dispose()
    {
        if (_buffer is null) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
