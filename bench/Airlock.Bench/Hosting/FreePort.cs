using System.Net;
using System.Net.Sockets;

namespace Airlock.Bench.Hosting;

/// <summary>A loopback port free at the time of asking (for child processes that need a fixed address on their command line).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
