namespace Airlock.Egress.Proxy.Http;

/// <summary>How one forwarded plain-HTTP request ended.</summary>
public enum ExchangeEnd
{
    /// <summary>The response was passed on whole.</summary>
    Complete,

    /// <summary>The upstream closed (or failed) before any byte of a response: nothing reached the client yet.</summary>
    NoResponse,

    /// <summary>The upstream's response head or body broke the rules (malformed, contradictory lengths, a protocol switch).</summary>
    BadResponse,

    /// <summary>The client's request body broke its framing (a bad chunk, an early end).</summary>
    BadRequestBody,

    ByteLimit,

    IdleTimeout,

    /// <summary>The client went away, the connection's lifetime ended, or the proxy is stopping.</summary>
    Aborted,
}
