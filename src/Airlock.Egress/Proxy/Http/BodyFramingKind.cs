namespace Airlock.Egress.Proxy.Http;

/// <summary>The ways an HTTP/1.1 body can be delimited.</summary>
public enum BodyFramingKind
{
    None,
    Length,
    Chunked,

    /// <summary>A response read until the server closes; the client connection must close after it.</summary>
    UntilClose,
}
