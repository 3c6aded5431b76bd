using System.Text.Json.Nodes;

namespace Airlock.Gateway.Guardrails;

/// <summary>What the guardrails found in one call's prompt, and whether the call was blocked for it.</summary>
public sealed record GuardrailVerdict(bool Injection, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> PromptSecrets, IReadOnlyList<string> CompletionSecrets, bool Blocked)
{
    public static GuardrailVerdict None { get; } = new(false, 0, [], [], [], false);

    /// <summary>True when anything fired (an injection or a secret).</summary>
    public bool Hit => Injection || PromptSecrets.Count > 0 || CompletionSecrets.Count > 0;

    public JsonObject ToJson() => new()
    {
        ["injection"] = Injection,
        ["score"] = Math.Round(Score, 3),
        ["reasons"] = new JsonArray([.. Reasons.Select(r => (JsonNode)r)]),
        ["promptSecrets"] = new JsonArray([.. PromptSecrets.Select(r => (JsonNode)r)]),
        ["completionSecrets"] = new JsonArray([.. CompletionSecrets.Select(r => (JsonNode)r)]),
        ["blocked"] = Blocked,
    };
}
