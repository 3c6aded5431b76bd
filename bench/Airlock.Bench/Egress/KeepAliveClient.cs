using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Bench.Egress;

/// <summary>
/// An agent's kept-alive connection (as a Python requests session holds one), on a blocking socket bound to the pod's
/// address: each <see cref="Exchange"/> sends one request and reads exactly one Content-Length response.
/// </summary>
public sealed class KeepAliveClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly byte[] _request;
    private readonly byte[] _buffer = new byte[4096];

    /// <param name="request">The request sent each time (origin-form straight to a server, absolute-form through the proxy).</param>
    public KeepAliveClient(IPAddress source, IPEndPoint target, string request)
    {
        _socket.Bind(new IPEndPoint(source, 0));
        _socket.Connect(target);
        _request = Encoding.ASCII.GetBytes(request);
    }

    /// <summary>One request and its whole response on the open connection; milliseconds.</summary>
    public double Exchange()
    {
        var start = Stopwatch.GetTimestamp();
        _socket.Send(_request);
        var total = 0;
        while (true)
        {
            var read = _socket.Receive(_buffer, total, _buffer.Length - total, SocketFlags.None);
            if (read == 0) throw new InvalidOperationException("the connection closed during a response");
            total += read;
            var end = _buffer.AsSpan(0, total).IndexOf("\r\n\r\n"u8);
            // The bench servers answer "Content-Length: 2", so the response is whole at head + 2 bytes.
            if (end >= 0 && total >= end + 4 + 2) break;
        }
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!_buffer.AsSpan(0, total).StartsWith("HTTP/1.1 200"u8)) throw new InvalidOperationException($"unexpected answer: {Encoding.ASCII.GetString(_buffer, 0, Math.Min(total, 40))}");
        return elapsed;
    }

    public void Dispose() => _socket.Dispose();
}
