using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Airlock.Egress.Tests.Support;

/// <summary>
/// A tiny upstream on a loopback address: reads one request head and answers 200 with "seen Host=&lt;host&gt; target=&lt;target&gt;",
/// then closes. Stands in for an internet host in end-to-end tests (tests talk only to 127.0.0.0/8).
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(IPAddress? address = null, int port = 0)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
        _listener.Start();
        Endpoint = (IPEndPoint)_listener.LocalEndpoint;
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint Endpoint { get; }

    public int Port => Endpoint.Port;

    private int _requests;

    public int Requests => Volatile.Read(ref _requests);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
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

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
