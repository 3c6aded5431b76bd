namespace Airlock.Egress.Accounting;

/// <summary>
/// One connection through the proxy, as audited: who (task and pod, empty for unknown sources), where, the verdict
/// (<c>allowed</c>, <c>denied</c>, <c>error</c>) and its reason, and what it moved.
/// </summary>
public sealed record EgressAttempt
{
    public const string AllowedVerdict = "allowed";
    public const string DeniedVerdict = "denied";
    public const string ErrorVerdict = "error";

    /// <summary><c>egress.attempt</c> for sandbox traffic, <c>egress.debug</c> for debug tunnels into a sandbox.</summary>
    public string Kind { get; init; } = "egress.attempt";

    public string Namespace { get; init; } = "";

    public string Task { get; init; } = "";

    public string? Pod { get; init; }

    public required string Source { get; init; }

    public string Method { get; init; } = "";

    public string Host { get; init; } = "";

    public int Port { get; init; }

    /// <summary>The address the proxy connected to (null when it did not).</summary>
    public string? Address { get; init; }

    public required string Verdict { get; init; }

    public string Reason { get; init; } = "";

    /// <summary>The authenticated user of a debug tunnel.</summary>
    public string? User { get; init; }

    public long BytesUp { get; init; }

    public long BytesDown { get; init; }

    public TimeSpan Duration { get; init; }

    public bool IsDenied => Verdict == DeniedVerdict;
}
