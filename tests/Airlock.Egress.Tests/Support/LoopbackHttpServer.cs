using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// A tiny upstream on a loopback address: reads one request head and answers 200 with "seen Host=&lt;host&gt; target=&lt;target&gt;",
/// then closes. Stands in for an internet host in end-to-end tests (tests talk only to 127.0.0.0/8).
/// </summary>
public sealed class LoopbackHttpServer(IPAddress? address = null, int port = 0) : LoopbackListener(address, port)
{
    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    protected override async Task ServeAsync(TcpClient client, int connection)
    {
        try
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(buffer) == 0) return;
                head.Append((char)buffer[0]);
            }
            Interlocked.Increment(ref _requests);
            var lines = head.ToString().Split("\r\n");
            var host = lines.FirstOrDefault(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "";
            var body = $"seen Host={host} target={lines[0].Split(' ')[1]}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"));
        }
        catch (IOException)
        {
            // The proxy cut the connection.
        }
    }
}
