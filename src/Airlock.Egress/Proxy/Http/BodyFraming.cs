namespace Airlock.Egress.Proxy.Http;

/// <summary>Where a message body ends (RFC 9112 section 6): no body, a length, chunked, or at end of stream.</summary>
public readonly record struct BodyFraming(BodyFramingKind Kind, long Length)
{
    public static BodyFraming None { get; } = new(BodyFramingKind.None, 0);

    public static BodyFraming Chunked { get; } = new(BodyFramingKind.Chunked, 0);

    public static BodyFraming UntilClose { get; } = new(BodyFramingKind.UntilClose, 0);

    public static BodyFraming Of(long length) => length == 0 ? None : new(BodyFramingKind.Length, length);
}
