using System.Buffers;
using System.Net.Sockets;

namespace Airlock.Egress.Proxy;

/// <summary>
/// Copies bytes both ways between the client and the upstream socket with pooled buffers (no allocation per chunk).
/// A direction that reaches end of stream half-closes the other side; an error, the idle timeout, the lifetime or the
/// task's byte budget ends both.
/// </summary>
public sealed class TunnelPump
{
    private readonly Socket _client;
    private readonly Socket _upstream;
    private readonly ProxyLimits _limits;
    private readonly TaskQuota? _quota;
    private readonly CancellationTokenSource _idle = new();
    private long _up;
    private long _down;
    private volatile string? _end;

    public TunnelPump(Socket client, Socket upstream, ProxyLimits limits, TaskQuota? quota)
    {
        _client = client;
        _upstream = upstream;
        _limits = limits;
        _quota = quota;
    }

    /// <summary>Runs until both directions end; <paramref name="lifetime"/> caps the whole tunnel.</summary>
    public async Task<TunnelResult> RunAsync(ReadOnlyMemory<byte> earlyUp, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        using var life = new CancellationTokenSource(lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromMilliseconds(1));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, life.Token, _idle.Token);
        var token = linked.Token;
        _idle.CancelAfter(_limits.IdleTimeout);
        try
        {
            if (!earlyUp.IsEmpty)
            {
                if (_quota is not null && !_quota.TryAddBytes(earlyUp.Length)) return new TunnelResult(0, 0, "byte-limit");
                await SendAllAsync(_upstream, earlyUp, token).ConfigureAwait(false);
                _up += earlyUp.Length;
            }
            var up = CopyAsync(_client, _upstream, isUp: true, linked);
            var down = CopyAsync(_upstream, _client, isUp: false, linked);
            await Task.WhenAll(up, down).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            _end ??= "canceled";
        }
        var end = _end switch
        {
            "byte-limit" => "byte-limit",
            _ when cancellationToken.IsCancellationRequested => "shutdown",
            _ when life.IsCancellationRequested => "lifetime",
            _ when _idle.IsCancellationRequested => "idle-timeout",
            "canceled" => "error",
            _ => "closed",
        };
        _idle.Dispose();
        return new TunnelResult(Interlocked.Read(ref _up), Interlocked.Read(ref _down), end);
    }

    private async Task CopyAsync(Socket from, Socket to, bool isUp, CancellationTokenSource linked)
    {
        var size = _limits.CopyBufferBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(0, size), SocketFlags.None, linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    // Half-close: the other side still gets its answer (a client that shut down its sending side after a request).
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }
                if (_quota is not null && !_quota.TryAddBytes(read))
                {
                    _end = "byte-limit";
                    await linked.CancelAsync().ConfigureAwait(false);
                    return;
                }
                await SendAllAsync(to, buffer.AsMemory(0, read), linked.Token).ConfigureAwait(false);
                Interlocked.Add(ref isUp ? ref _up : ref _down, read);
                try
                {
                    _idle.CancelAfter(_limits.IdleTimeout);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            _end ??= "canceled";
            try
            {
                await linked.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // Already finished.
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }
}
