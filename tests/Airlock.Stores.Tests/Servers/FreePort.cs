using System.Net;
using System.Net.Sockets;

namespace Airlock.Stores.Tests.Servers;

/// <summary>A loopback TCP port nothing listens on right now (servers that cannot bind port 0 need one picked for them).</summary>
public static class FreePort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
