namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// Which header fields stay on one hop (RFC 9110 section 7.6.1): the fixed connection-level ones and any the
/// <c>Connection</c> field lists. The framing fields (Content-Length, Transfer-Encoding) and Host are never dropped because a
/// <c>Connection</c> field lists them: the proxy forwards bodies as framed, so dropping one would let a body be read as the
/// next request (request smuggling).
/// </summary>
public static class HopByHop
{
    private static readonly HashSet<string> Fixed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authorization", "Proxy-Authenticate", "TE", "Upgrade",
    };

    private static readonly HashSet<string> NeverListed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Transfer-Encoding", "Host",
    };

    /// <summary>The names the <c>Connection</c> fields of <paramref name="headers"/> list, minus the framing fields.</summary>
    public static HashSet<string> Listed(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in HeaderLines.Elements(headers, "Connection"))
        {
            if (!NeverListed.Contains(name)) listed.Add(name);
        }
        return listed;
    }

    public static bool IsHopByHop(string name, HashSet<string> listed) => Fixed.Contains(name) || listed.Contains(name);
}
