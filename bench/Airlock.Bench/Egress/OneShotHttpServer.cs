using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Bench.Egress;

/// <summary>The "internet host" of the egress figure: on loopback, answers each request with a small 200 and closes (as the proxy's plain-HTTP path expects).</summary>
public sealed class OneShotHttpServer : IAsyncDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public OneShotHttpServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Endpoint = (IPEndPoint)_listener.LocalEndPoint!;
        _loop = Task.Run(AcceptAsync);
    }

    public IPEndPoint Endpoint { get; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = AnswerAsync(client);
        }
    }

    private static async Task AnswerAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            var seen = 0;
            try
            {
                while (seen < buffer.Length)
                {
                    var read = await client.ReceiveAsync(buffer.AsMemory(seen), SocketFlags.None).ConfigureAwait(false);
                    if (read == 0) return;
                    seen += read;
                    if (buffer.AsSpan(0, seen).IndexOf("\r\n\r\n"u8) >= 0) break;
                }
                await client.SendAsync(Response, SocketFlags.None).ConfigureAwait(false);
                client.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The client went away.
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
