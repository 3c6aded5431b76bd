namespace Airlock.Gateway.Guardrails;

/// <summary>The gateway's guardrail policy. Secrets are always redacted from the audit log, whatever the action.</summary>
public sealed record GuardrailOptions
{
    /// <summary>Prompt injection found in content the agent did not author (user and tool content).</summary>
    public GuardrailAction Injection { get; init; } = GuardrailAction.Flag;

    /// <summary>A secret in the prompt (the agent is about to send a credential to a model provider).</summary>
    public GuardrailAction SecretsInPrompt { get; init; } = GuardrailAction.Flag;
}
