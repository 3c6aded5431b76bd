namespace Airlock.Gateway.Serving;

/// <summary>
/// What the gateway needs from a request body: the model, whether it streams, the token estimate, the whole prompt (for the
/// audit log) and the part the agent did not author (user and tool content, for injection detection), and the body to send.
/// </summary>
public sealed record ModelRequest(
    string? Model,
    bool Stream,
    long EstimatedTokens,
    string Prompt,
    string Untrusted,
    ReadOnlyMemory<byte> UpstreamBody,
    bool UsageRequestedByGateway);
