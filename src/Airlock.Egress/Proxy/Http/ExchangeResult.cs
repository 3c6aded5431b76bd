namespace Airlock.Egress.Proxy.Http;

/// <summary>
/// What one forwarded request moved (<see cref="BytesUp"/> to the server, <see cref="BytesDown"/> to the client), how it
/// ended, whether the client connection may carry another request and whether the upstream connection may be reused.
/// </summary>
public readonly record struct ExchangeResult(long BytesUp, long BytesDown, ExchangeEnd End, bool ClientKeepAlive, bool UpstreamReusable)
{
    /// <summary>True once any byte of a response head was sent to the client: after that, the proxy cannot answer with an error of its own.</summary>
    public bool Answered { get; init; } = End == ExchangeEnd.Complete;

    /// <summary>The audit reason for this end (empty for a complete exchange).</summary>
    public string Reason => End switch
    {
        ExchangeEnd.Complete => "",
        ExchangeEnd.NoResponse => "upstream-closed",
        ExchangeEnd.BadResponse => "bad-response",
        ExchangeEnd.BadRequestBody => "bad-request-body",
        ExchangeEnd.ByteLimit => "byte-limit",
        ExchangeEnd.IdleTimeout => "idle-timeout",
        _ => "error",
    };
}
