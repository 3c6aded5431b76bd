using System.Net.Sockets;
using System.Text;

namespace Airlock.Bench.Egress;

/// <summary>The "internet host" of the keep-alive figure: answers every request on a connection with a small 200 and keeps it open.</summary>
public sealed class KeepAliveHttpServer() : LoopbackHttpServer(noDelay: true)
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    protected override async Task ServeAsync(Socket client)
    {
        var buffer = new byte[8192];
        var seen = 0;
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
}
