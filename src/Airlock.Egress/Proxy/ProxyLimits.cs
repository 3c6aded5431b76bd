namespace Airlock.Egress.Proxy;

/// <summary>What one client may cost the proxy: request head sizes and deadlines, tunnel timeouts, per-task quotas.</summary>
public sealed record ProxyLimits
{
    /// <summary>Largest request head (request line and headers); more is answered with 431.</summary>
    public int MaxHeadBytes { get; init; } = 16 * 1024;

    /// <summary>Longest single line of the head; more is answered with 431.</summary>
    public int MaxLineBytes { get; init; } = 8 * 1024;

    public int MaxHeaderCount { get; init; } = 64;

    /// <summary>The whole head must arrive within this time (slowloris); otherwise 408 and close.</summary>
    public TimeSpan HeadReadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a client connection may sit between plain-HTTP requests (keep-alive) before the proxy closes it without a
    /// word; once the next request's first byte arrives, its head has <see cref="HeadReadTimeout"/> like the first.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest response head an upstream server may send (status line and fields); more is a 502.</summary>
    public int MaxResponseHeadBytes { get; init; } = 64 * 1024;

    /// <summary>Most fields in a response head; more is a 502.</summary>
    public int MaxResponseHeaderCount { get; init; } = 256;

    /// <summary>A tunnel, or a plain-HTTP exchange, with no bytes in either direction for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>No tunnel, and no keep-alive client connection, lives longer than this.</summary>
    public TimeSpan TunnelLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Open connections one task may hold at once; more are refused with 429.</summary>
    public int MaxConnectionsPerTask { get; init; } = 64;

    /// <summary>Bytes (both directions, all connections) one task may move through the proxy; tunnels past it are cut.</summary>
    public long MaxBytesPerTask { get; init; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Connections the proxy serves at once, all callers together; more are closed at accept.</summary>
    public int MaxConnections { get; init; } = 4096;

    /// <summary>Size of each pooled copy buffer (one per direction per tunnel).</summary>
    public int CopyBufferBytes { get; init; } = 16 * 1024;
}
