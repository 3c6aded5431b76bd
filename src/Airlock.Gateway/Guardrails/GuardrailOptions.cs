namespace Airlock.Gateway.Guardrails;

/// <summary>The gateway's guardrail policy. Secrets are always redacted from the audit log, whatever the action.</summary>
public sealed record GuardrailOptions
{
    /// <summary>Prompt injection found in content the agent did not author (user and tool content).</summary>
    public GuardrailAction Injection { get; init; } = GuardrailAction.Flag;

    /// <summary>A secret in the prompt (the agent is about to send a credential to a model provider).</summary>
    public GuardrailAction SecretsInPrompt { get; init; } = GuardrailAction.Flag;

    /// <summary>
    /// Secrets in the model's output reach the agent redacted (<c>[REDACTED:type]</c>), streamed or not. A team whose agents
    /// must see them may turn this off; the audit log and the metrics still record them redacted.
    /// </summary>
    public bool RedactCompletions { get; init; } = true;

    /// <summary>Texts remembered as scanned (per task, by SHA-256), for each of the secret and injection caches.</summary>
    public int ScanCacheCapacity { get; init; } = 100_000;
}
