namespace Airlock.Egress.Proxy;

/// <summary>
/// Where a request wants to go: <paramref name="Host"/> as written (a name, or an IP literal, brackets kept for IPv6),
/// the port, and for plain HTTP the origin-form path to send upstream.
/// </summary>
public sealed record ProxyTarget(string Host, int Port, string? PathAndQuery)
{
    /// <summary>host:port as it goes into audit records and the upstream Host header.</summary>
    public string Authority => $"{Host}:{Port}";
}
