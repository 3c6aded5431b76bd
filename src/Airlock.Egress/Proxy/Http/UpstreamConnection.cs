using System.Net;
using System.Net.Sockets;

namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// A kept-alive connection to an upstream server for plain HTTP: the checked host, port and address it was opened for
/// (it serves only requests for exactly those), its reader, and the task's connection slot, released on dispose.
/// </summary>
public sealed class UpstreamConnection : IDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly IPAddress _address;
    private readonly Action _closed;
    private bool _disposed;

    public UpstreamConnection(Socket socket, string host, int port, IPAddress address, TaskQuota quota, int headCapacity, Action closed)
    {
        Socket = socket;
        _host = host;
        _port = port;
        _address = address;
        Quota = quota;
        _closed = closed;
        Reader = new SocketReader(socket, headCapacity);
    }

    public Socket Socket { get; }

    public SocketReader Reader { get; }

    public TaskQuota Quota { get; }

    /// <summary>True when the next request goes to the same checked host, port and address this connection was opened for.</summary>
    public bool Serves(string host, int port, IPAddress address) =>
        string.Equals(host, _host, StringComparison.Ordinal) && port == _port && address.Equals(_address);

    /// <summary>
    /// False when the idle connection is readable: the server closed it, or sent bytes nobody asked for. Either way it
    /// must not carry another request.
    /// </summary>
    public bool LooksReusable()
    {
        try
        {
            return Reader.Buffered == 0 && !Socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Reader.Dispose();
        Socket.Dispose();
        Quota.Exit();
        _closed();
    }
}
