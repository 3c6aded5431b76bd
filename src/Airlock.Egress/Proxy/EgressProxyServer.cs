using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Airlock.Egress.Proxy;

/// <summary>The listening socket and its accept loop; each connection runs on its own task until it ends.</summary>
public sealed partial class EgressProxyServer : IAsyncDisposable
{
    private readonly ProxyServices _services;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Task> _connections = [];
    private readonly Lock _lock = new();
    private Task? _acceptLoop;

    public EgressProxyServer(ProxyServices services, IPEndPoint listen)
    {
        _services = services;
        _listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(listen);
        _listener.Listen(512);
        Endpoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    /// <summary>Where the proxy listens (the real port when 0 was asked for).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Connections being served now.</summary>
    public int OpenConnections
    {
        get
        {
            lock (_lock) return _connections.Count;
        }
    }

    public void Start() => _acceptLoop ??= Task.Run(AcceptLoopAsync);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(_services.Logger, e);
                continue;
            }
            lock (_lock)
            {
                if (_connections.Count >= _services.Limits.MaxConnections)
                {
                    client.Dispose();
                    continue;
                }
                client.NoDelay = true;
                var connection = Task.Run(() => ServeAsync(client));
                _connections.Add(connection);
                _ = connection.ContinueWith(t => { lock (_lock) _connections.Remove(t); }, TaskScheduler.Default);
            }
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            await new ProxyConnection(_services, client).RunAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogConnectionFailed(_services.Logger, e);
        }
        finally
        {
            try
            {
                client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already closed by the peer.
            }
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        Task[] running;
        lock (_lock) running = [.. _connections, .. _acceptLoop is null ? Array.Empty<Task>() : [_acceptLoop]];
        await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting a connection failed")]
    private static partial void LogAcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A proxy connection failed unexpectedly")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);
}
