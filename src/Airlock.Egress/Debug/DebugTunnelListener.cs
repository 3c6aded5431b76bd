using System.Net;
using System.Net.Sockets;
using System.Text;
using Airlock.Egress.Proxy;

namespace Airlock.Egress.Debug;

/// <summary>
/// The user's end of <c>airlock debug</c>: listens on a local port and carries each connection to the task's pod through
/// the egress proxy with an authenticated CONNECT (<c>Proxy-Authorization: Bearer &lt;the user's own token&gt;</c>).
/// </summary>
public sealed class DebugTunnelListener : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly EndPoint _proxy;
    private readonly string _token;
    private readonly DebugTarget _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DebugTunnelListener(IPEndPoint local, EndPoint proxy, string token, DebugTarget target)
    {
        _proxy = proxy;
        _token = token;
        _target = target;
        _listener = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(local);
        _listener.Listen(64);
        Endpoint = (IPEndPoint)_listener.LocalEndPoint!;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Called with the proxy's refusal (status line and body) when it will not open a tunnel.</summary>
    public Action<string>? OnRefused { get; init; }

    /// <summary>Opens one tunnel: CONNECT through the proxy; returns the connected socket, or null with the proxy's answer.</summary>
    public static async Task<(Socket? Socket, string Answer)> ConnectAsync(EndPoint proxy, string token, DebugTarget target, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(proxy, cancellationToken).ConfigureAwait(false);
            var request = $"CONNECT {target.Authority} HTTP/1.1\r\nHost: {target.Authority}\r\nProxy-Authorization: Bearer {token}\r\n\r\n";
            await TunnelPump.SendAllAsync(socket, Encoding.ASCII.GetBytes(request), cancellationToken).ConfigureAwait(false);
            // Read the answer byte by byte up to the blank line: nothing of the tunnel itself may be consumed here.
            var answer = new StringBuilder();
            var one = new byte[1];
            while (!answer.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && answer.Length < 16 * 1024)
            {
                if (await socket.ReceiveAsync(one, SocketFlags.None, cancellationToken).ConfigureAwait(false) == 0) break;
                answer.Append((char)one[0]);
            }
            var text = answer.ToString();
            if (text.StartsWith("HTTP/1.1 200", StringComparison.Ordinal)) return (socket, text);
            var rest = new byte[4096];
            var read = await socket.ReceiveAsync(rest, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            socket.Dispose();
            return (null, (text + Encoding.UTF8.GetString(rest, 0, read)).Trim());
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket local;
            try
            {
                local = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => CarryAsync(local));
        }
    }

    private async Task CarryAsync(Socket local)
    {
        using (local)
        {
            try
            {
                var (remote, answer) = await ConnectAsync(_proxy, _token, _target, _stop.Token).ConfigureAwait(false);
                if (remote is null)
                {
                    OnRefused?.Invoke(answer);
                    return;
                }
                using (remote)
                {
                    await new TunnelPump(local, remote, new ProxyLimits { IdleTimeout = Timeout.InfiniteTimeSpan }, null)
                        .RunAsync(ReadOnlyMemory<byte>.Empty, TimeSpan.FromDays(1), _stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
            {
                OnRefused?.Invoke(e.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
