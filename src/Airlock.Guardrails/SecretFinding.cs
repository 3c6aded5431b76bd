namespace Airlock.Guardrails;

/// <summary>A secret found in a text: its type (<c>aws-access-key</c>, <c>github-token</c>, <c>private-key</c>…) and its UTF-16 span [Start, End).</summary>
public sealed record SecretFinding(string Type, int Start, int End);
