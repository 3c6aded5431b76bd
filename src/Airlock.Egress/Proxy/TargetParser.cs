namespace Airlock.Egress.Proxy;

/// <summary>
/// Reads the target of a proxy request: authority-form for CONNECT (<c>host:port</c>), absolute-form
/// <c>http://host[:port]/path</c> otherwise. Userinfo, fragments, empty hosts and doubtful ports are refused, so the
/// host the allowlist checks is the host the proxy connects to.
/// </summary>
public static class TargetParser
{
    public static ProxyTarget? Parse(RequestHead head)
    {
        if (head.IsConnect) return ParseAuthority(head.Target, defaultPort: null) is { } a ? new ProxyTarget(a.Host, a.Port, null) : null;
        const string scheme = "http://";
        var target = head.Target;
        if (!target.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || target.Contains('#')) return null;
        var rest = target[scheme.Length..];
        var end = rest.IndexOfAny(['/', '?']);
        var authority = end < 0 ? rest : rest[..end];
        var path = end < 0 ? "/" : rest[end] == '?' ? "/" + rest[end..] : rest[end..];
        return ParseAuthority(authority, defaultPort: 80) is { } parsed ? new ProxyTarget(parsed.Host, parsed.Port, path) : null;
    }

    /// <summary>Splits <c>host:port</c> or <c>[v6]:port</c>; the port is required unless <paramref name="defaultPort"/> is given.</summary>
    public static (string Host, int Port)? ParseAuthority(string authority, int? defaultPort)
    {
        if (authority.Length == 0 || authority.IndexOfAny(['@', '/', '\\', '%', ' ']) >= 0) return null;
        string host;
        string? portText;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0) return null;
            host = authority[..(close + 1)];
            var after = authority[(close + 1)..];
            if (after.Length != 0 && after[0] != ':') return null;
            portText = after.Length == 0 ? null : after[1..];
        }
        else
        {
            var colon = authority.IndexOf(':');
            if (colon >= 0 && authority.IndexOf(':', colon + 1) >= 0) return null;
            host = colon < 0 ? authority : authority[..colon];
            portText = colon < 0 ? null : authority[(colon + 1)..];
        }
        if (host.Length == 0) return null;
        if (portText is null) return defaultPort is { } d ? (host, d) : null;
        if (portText.Length is 0 or > 5 || !portText.All(char.IsAsciiDigit)) return null;
        var port = int.Parse(portText, System.Globalization.CultureInfo.InvariantCulture);
        return port is >= 1 and <= 65535 ? (host, port) : null;
    }
}
