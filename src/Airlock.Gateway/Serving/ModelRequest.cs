using Airlock.Gateway.Guardrails;

namespace Airlock.Gateway.Serving;

/// <summary>
/// What the gateway needs from a request body: the model, whether it streams, the token estimate, the prompt as parts (each
/// message on its own, so a message already scanned in an earlier call of the conversation is not scanned again), and the
/// body to send upstream.
/// </summary>
public sealed record ModelRequest(
    string? Model,
    bool Stream,
    long EstimatedTokens,
    IReadOnlyList<PromptPart> Parts,
    ReadOnlyMemory<byte> UpstreamBody,
    bool UsageRequestedByGateway);
