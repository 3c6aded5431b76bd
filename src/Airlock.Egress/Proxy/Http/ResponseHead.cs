namespace Airlock.Egress.Proxy.Http;

/// <summary>A parsed HTTP/1.x response head from an upstream server.</summary>
public sealed record ResponseHead(string Version, int Status, string Reason, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>1xx: an interim answer (100 Continue, 103 Early Hints); the final one follows.</summary>
    public bool IsInterim => Status is >= 100 and < 200;

    public string? Header(string name) => HeaderLines.First(Headers, name);

    public int Count(string name) => HeaderLines.Count(Headers, name);
}
