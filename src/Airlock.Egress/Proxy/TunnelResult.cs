namespace Airlock.Egress.Proxy;

/// <summary>What a tunnel moved and why it ended (<c>closed</c>, <c>idle-timeout</c>, <c>lifetime</c>, <c>byte-limit</c>, <c>error</c>, <c>shutdown</c>).</summary>
public readonly record struct TunnelResult(long BytesUp, long BytesDown, string End);
