namespace Airlock.Egress.Debug;

/// <summary>
/// The CONNECT target of a debug tunnel: <c>&lt;task&gt;.&lt;namespace&gt;.airlock-debug:&lt;port&gt;</c>. The proxy, not the
/// client, finds the task's pod, so a debug credential reaches that one sandbox and nothing else.
/// </summary>
public sealed record DebugTarget(string Namespace, string Task, int Port)
{
    public const string Suffix = ".airlock-debug";

    public string Host => $"{Task}.{Namespace}{Suffix}";

    public string Authority => $"{Host}:{Port}";

    public static DebugTarget? TryParse(string host, int port)
    {
        if (!host.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = host[..^Suffix.Length].ToLowerInvariant();
        var dot = rest.LastIndexOf('.');
        if (dot <= 0 || dot == rest.Length - 1) return null;
        return new DebugTarget(rest[(dot + 1)..], rest[..dot], port);
    }
}
