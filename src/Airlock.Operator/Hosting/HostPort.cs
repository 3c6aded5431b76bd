using System.Globalization;
using System.Net;

namespace Airlock.Operator.Hosting;

/// <summary>Parses the <c>--metrics-addr</c> forms: <c>host:port</c>, <c>:port</c> (every interface) or a bare port (loopback).</summary>
public static class HostPort
{
    public static IPEndPoint Parse(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : hostPort[..colon].Trim('[', ']');
        var portText = colon < 0 ? hostPort : hostPort[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"\"{hostPort}\" is not host:port");
        }
        var address = host.Length == 0 ? IPAddress.Any : host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(host);
        return new IPEndPoint(address, port);
    }
}
