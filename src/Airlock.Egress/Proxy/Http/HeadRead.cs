namespace Airlock.Egress.Proxy.Http;

/// <summary>A head as read off a socket (<see cref="Bytes"/> when <see cref="Status"/> is <see cref="HeadReadStatus.Ok"/>).</summary>
public readonly record struct HeadRead(HeadReadStatus Status, ReadOnlyMemory<byte> Bytes);
