using System.Net.Sockets;

namespace Airlock.Egress.Proxy;

/// <summary>Reads bytes until the blank line that ends a request head, within a size limit and a deadline for the whole head.</summary>
public static class RequestHeadReader
{
    /// <param name="buffer">At least <see cref="ProxyLimits.MaxHeadBytes"/> long; the head and any early data land here.</param>
    public static async Task<HeadReadResult> ReadAsync(Socket socket, byte[] buffer, ProxyLimits limits, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.HeadReadTimeout);
        var total = 0;
        var max = Math.Min(buffer.Length, limits.MaxHeadBytes);
        try
        {
            while (total < max)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(total, max - total), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                if (read == 0) return new HeadReadResult(0, total, total == 0 ? 0 : 400);
                var searchFrom = Math.Max(0, total - 3);
                total += read;
                var end = buffer.AsSpan(searchFrom, total - searchFrom).IndexOf("\r\n\r\n"u8);
                if (end >= 0) return new HeadReadResult(searchFrom + end + 4, total, 0);
            }
            return new HeadReadResult(0, total, 431);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HeadReadResult(0, total, 408);
        }
        catch (SocketException)
        {
            return new HeadReadResult(0, total, 0);
        }
    }
}
