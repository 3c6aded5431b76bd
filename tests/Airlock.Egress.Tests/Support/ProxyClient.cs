using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Egress.Tests.Support;

/// <summary>A raw client of the proxy whose socket is bound to a chosen source address ("the pod").</summary>
public sealed class ProxyClient : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private ProxyClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false) { ReadTimeout = 15_000 };
    }

    public static async Task<ProxyClient> ConnectAsync(IPEndPoint proxy, IPAddress source)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(source, 0));
        await socket.ConnectAsync(proxy);
        return new ProxyClient(socket);
    }

    /// <summary>The client's own address (the pod's).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public Task SendAsync(string text) => _socket.SendAsync(Encoding.Latin1.GetBytes(text), SocketFlags.None);

    /// <summary>Everything until the proxy closes the connection (or the deadline passes).</summary>
    public async Task<string> ReadToEndAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var all = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
            if (read == 0) return Encoding.Latin1.GetString(all.ToArray());
            all.Write(buffer, 0, read);
        }
    }

    /// <summary>Bytes up to and including the first blank line (a response head) and no further.</summary>
    public async Task<string> ReadHeadAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _socket.ReceiveAsync(one, SocketFlags.None, deadline.Token) == 0) break;
            head.Append((char)one[0]);
        }
        return head.ToString();
    }

    /// <summary>The next response on a kept-alive connection, read by its framing (nothing past it is consumed).</summary>
    public async Task<HttpAnswer> ReadResponseAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await HttpText.ReadResponseAsync(_stream).WaitAsync(deadline.Token);
    }

    /// <summary>True once the proxy has closed the connection (read returns end of stream) within the deadline.</summary>
    public async Task<bool> ClosedAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        var one = new byte[1];
        try
        {
            return await _socket.ReceiveAsync(one, SocketFlags.None, deadline.Token) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>One request through the proxy from <paramref name="source"/>; the whole answer.</summary>
    public static async Task<string> ExchangeAsync(IPEndPoint proxy, IPAddress source, string request)
    {
        using var client = await ConnectAsync(proxy, source);
        await client.SendAsync(request);
        return await client.ReadToEndAsync();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }
}
