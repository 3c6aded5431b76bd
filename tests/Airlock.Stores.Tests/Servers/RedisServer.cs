using System.Diagnostics;
using System.Net.Sockets;

namespace Airlock.Stores.Tests.Servers;

/// <summary>A real <c>redis-server</c> on a free loopback port with persistence off, in a temp directory; killed on dispose.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private RedisServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>StackExchange.Redis configuration string.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server, or marks the test inconclusive-ignored when <c>redis-server</c> is not installed.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var binary = ServerProcess.Find("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server");
        if (binary is null) Assert.Ignore("redis-server is not installed (apt-get install redis-server); skipping the Redis tests");
        var dir = Directory.CreateTempSubdirectory("airlock-redis-").FullName;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.Pick();
            var info = new ProcessStartInfo(binary!)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dir,
            };
            foreach (var arg in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes" })
            {
                info.ArgumentList.Add(arg);
            }
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await WaitForPortAsync(port, process)) return new RedisServer(process, dir, port);
            process.Kill(entireProcessTree: true);
            process.Dispose();
            if (attempt >= 3) throw new InvalidOperationException("redis-server did not start");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static async Task<bool> WaitForPortAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }
}
