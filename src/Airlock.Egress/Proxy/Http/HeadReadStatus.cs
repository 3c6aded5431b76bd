namespace Airlock.Egress.Proxy.Http;

/// <summary>How reading a head ended.</summary>
public enum HeadReadStatus
{
    /// <summary>A whole head, up to its blank line.</summary>
    Ok,

    /// <summary>The peer closed before sending anything (the normal end of a keep-alive connection).</summary>
    Closed,

    /// <summary>The peer closed in the middle of a head.</summary>
    Truncated,

    /// <summary>No blank line within the size limit.</summary>
    TooLarge,
}
