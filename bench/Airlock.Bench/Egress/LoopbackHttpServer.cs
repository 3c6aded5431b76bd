using System.Net;
using System.Net.Sockets;

namespace Airlock.Bench.Egress;

/// <summary>
/// A loopback "internet host" for the egress figures: owns the listening socket, the accept loop and shutdown; a
/// subclass answers each accepted connection (<see cref="ServeAsync"/>).
/// </summary>
public abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    protected LoopbackHttpServer(bool noDelay)
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Endpoint = (IPEndPoint)_listener.LocalEndPoint!;
        _loop = Task.Run(() => AcceptAsync(noDelay));
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Answers one connection; disposes nothing (the caller disposes the socket).</summary>
    protected abstract Task ServeAsync(Socket client);

    private async Task AcceptAsync(bool noDelay)
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
            client.NoDelay = noDelay;
            _ = ServeAndCloseAsync(client);
        }
    }

    private async Task ServeAndCloseAsync(Socket client)
    {
        using (client)
        {
            try
            {
                await ServeAsync(client).ConfigureAwait(false);
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
        GC.SuppressFinalize(this);
    }
}
