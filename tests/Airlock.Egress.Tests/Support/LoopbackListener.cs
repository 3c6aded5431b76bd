using System.Net;
using System.Net.Sockets;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// The part every loopback upstream of these tests shares: a listener on a 127.0.0.0/8 address, an accept loop that hands
/// each connection (numbered from 1) to <see cref="ServeAsync"/> on its own task, and shutdown.
/// </summary>
public abstract class LoopbackListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    protected LoopbackListener(IPAddress? address, int port)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint Endpoint { get; }

    public int Port => Endpoint.Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Serves one accepted connection; the client is disposed after it returns.</summary>
    protected abstract Task ServeAsync(TcpClient client, int connection);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            var id = Interlocked.Increment(ref _connections);
            _ = Task.Run(async () =>
            {
                using (client) await ServeAsync(client, id);
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}
