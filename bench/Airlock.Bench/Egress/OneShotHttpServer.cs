using System.Net.Sockets;
using System.Text;

namespace Airlock.Bench.Egress;

/// <summary>The "internet host" of the egress figure: on loopback, answers each request with a small 200 and closes (as the proxy's plain-HTTP path expects).</summary>
public sealed class OneShotHttpServer() : LoopbackHttpServer(noDelay: false)
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");

    protected override async Task ServeAsync(Socket client)
    {
        var buffer = new byte[4096];
        var seen = 0;
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
}
