namespace Airlock.Guardrails;

/// <summary>
/// The verdict on one text, as <c>airlock scan --json</c> prints it: whether it looks like a prompt injection (with a score in
/// [0, 1] and readable reasons), the secrets in it, and the text with every secret redacted.
/// </summary>
public sealed record ScanResult(bool Injection, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<SecretFinding> Secrets, string Redacted);
