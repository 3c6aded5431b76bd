using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Bench.Egress;

/// <summary>The "internet host" of the keep-alive figure: answers every request on a connection with a small 200 and keeps it open.</summary>
public sealed class KeepAliveHttpServer : IAsyncDisposable
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public KeepAliveHttpServer()
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
            client.NoDelay = true;
            _ = ServeAsync(client);
        }
    }

    private static async Task ServeAsync(Socket client)
    {
        using (client)
        {
            var buffer = new byte[8192];
            var seen = 0;
            try
            {
                while (true)
                {
                    // Bodiless requests only: every blank line ends one request.
                    var end = buffer.AsSpan(0, seen).IndexOf("\r\n\r\n"u8);
                    if (end >= 0)
                    {
                        buffer.AsSpan(end + 4, seen - end - 4).CopyTo(buffer);
                        seen -= end + 4;
                        await client.SendAsync(Response, SocketFlags.None).ConfigureAwait(false);
                        continue;
                    }
                    if (seen == buffer.Length) return;
                    var read = await client.ReceiveAsync(buffer.AsMemory(seen), SocketFlags.None).ConfigureAwait(false);
                    if (read == 0) return;
                    seen += read;
                }
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
