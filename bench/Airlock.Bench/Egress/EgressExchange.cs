using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Bench.Egress;

/// <summary>One request as an agent makes it, on a blocking socket bound to the pod's address; returns milliseconds to the full answer.</summary>
public static class EgressExchange
{
    /// <summary>Straight to the server.</summary>
    public static double Direct(IPAddress source, IPEndPoint server, string host) =>
        Exchange(source, server, $"GET /bench HTTP/1.1\r\nHost: {host}\r\n\r\n", connect: null);

    /// <summary>A plain-HTTP request through the proxy (absolute URL) on its own connection, which it closes after the answer.</summary>
    public static double Forwarded(IPAddress source, IPEndPoint proxy, string host, int port) =>
        Exchange(source, proxy, $"GET http://{host}:{port}/bench HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n", connect: null);

    /// <summary>CONNECT, then the request inside the tunnel (what HTTPS through HTTPS_PROXY looks like, without TLS).</summary>
    public static double Tunnelled(IPAddress source, IPEndPoint proxy, string host, int port) =>
        Exchange(source, proxy, $"GET /bench HTTP/1.1\r\nHost: {host}\r\n\r\n", connect: $"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n");

    private static double Exchange(IPAddress source, IPEndPoint target, string request, string? connect)
    {
        var start = Stopwatch.GetTimestamp();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.Bind(new IPEndPoint(source, 0));
        socket.Connect(target);
        var buffer = new byte[4096];
        if (connect is not null)
        {
            socket.Send(Encoding.ASCII.GetBytes(connect));
            var head = ReadHead(socket, buffer);
            if (!head.StartsWith("HTTP/1.1 200", StringComparison.Ordinal)) throw new InvalidOperationException($"CONNECT refused: {head.Split('\r')[0]}");
        }
        socket.Send(Encoding.ASCII.GetBytes(request));
        var total = 0;
        while (true)
        {
            var read = socket.Receive(buffer, total, buffer.Length - total, SocketFlags.None);
            if (read == 0) break;
            total += read;
        }
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        var answer = Encoding.ASCII.GetString(buffer, 0, total);
        if (!answer.StartsWith("HTTP/1.1 200", StringComparison.Ordinal)) throw new InvalidOperationException($"unexpected answer: {answer.Split('\r')[0]}");
        return elapsed;
    }

    private static string ReadHead(Socket socket, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            // The proxy sends nothing after its 200 until the client speaks, so whole reads stop at the head's end.
            var read = socket.Receive(buffer, total, buffer.Length - total, SocketFlags.None);
            if (read == 0) break;
            total += read;
            if (buffer.AsSpan(0, total).IndexOf("\r\n\r\n"u8) >= 0) break;
        }
        return Encoding.ASCII.GetString(buffer, 0, total);
    }
}
