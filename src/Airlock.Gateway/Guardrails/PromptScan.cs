namespace Airlock.Gateway.Guardrails;

/// <summary>What the guardrails found in a prompt: the strongest injection finding, the secret types, and the prompt as the audit log keeps it (secrets redacted).</summary>
public sealed record PromptScan(InjectionFinding Injection, IReadOnlyList<string> SecretTypes, string RedactedPrompt);
