namespace Airlock.Egress.Proxy;

/// <summary>A parsed HTTP/1.x request head: request line and headers in arrival order.</summary>
public sealed record RequestHead(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public bool IsConnect => string.Equals(Method, "CONNECT", StringComparison.Ordinal);

    /// <summary>The first value of header <paramref name="name"/> (names compare ignoring case), or null.</summary>
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }

    public int Count(string name) => Headers.Count(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}
