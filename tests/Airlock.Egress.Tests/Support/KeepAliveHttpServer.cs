using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// A loopback upstream that keeps connections alive and answers every request on them with
/// <c>conn=&lt;n&gt; req=&lt;n&gt; host=&lt;Host&gt; target=&lt;target&gt; body=&lt;decoded body&gt; headers=&lt;names&gt;</c>. Paths choose the
/// response framing: <c>/chunked</c> answers in chunks, <c>/until-close</c> without a length (then closes), anything else
/// with Content-Length.
/// </summary>
public sealed class KeepAliveHttpServer() : LoopbackListener(null, 0)
{
    protected override async Task ServeAsync(TcpClient client, int id)
    {
        var stream = client.GetStream();
        try
        {
            for (var request = 1; ; request++)
            {
                var head = await HttpText.ReadHeadAsync(stream);
                if (head is null) return;
                var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                var headers = lines.Skip(1).Select(l => (Name: l[..l.IndexOf(':')], Value: l[(l.IndexOf(':') + 1)..].Trim())).ToList();
                string? Header(string name) => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
                var body = Header("Transfer-Encoding") is not null
                    ? await HttpText.ReadChunkedAsync(stream)
                    : await HttpText.ReadExactAsync(stream, int.Parse(Header("Content-Length") ?? "0"));
                var target = lines[0].Split(' ')[1];
                var text = $"conn={id} req={request} host={Header("Host")} target={target} body={body} headers={string.Join(',', headers.Select(h => h.Name))}";
                var close = Header("Connection")?.Contains("close", StringComparison.OrdinalIgnoreCase) == true;
                if (target == "/until-close")
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{text}"));
                    return;
                }
                var response = target == "/chunked"
                    ? $"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nKeep-Alive: timeout=5\r\n\r\n{text.Length:x}\r\n{text}\r\n0\r\nX-Trailer: t\r\n\r\n"
                    : $"HTTP/1.1 200 OK\r\nContent-Length: {text.Length}\r\n{(close ? "Connection: close\r\n" : "")}\r\n{text}";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
                if (close) return;
            }
        }
        catch (Exception e) when (e is IOException or FormatException or ObjectDisposedException)
        {
            // The proxy cut the connection, or sent what this simple server cannot read.
        }
    }
}
