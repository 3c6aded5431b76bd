using System.Text.RegularExpressions;
using Airlock.Guardrails;

namespace Airlock.Gateway.Tests.Support;

/// <summary>
/// A minimal scanner standing in for Airlock.Guardrails in these tests: OpenAI-style keys (<c>sk-…</c>) are secrets, and
/// "ignore previous instructions" is an injection.
/// </summary>
public sealed partial class TestScanner : IGuardrailScanner
{
    public ScanResult Scan(string text)
    {
        var secrets = SecretPattern().Matches(text).Select(m => new SecretFinding("openai-key", m.Index, m.Index + m.Length)).ToList();
        var injection = text.Contains("ignore previous instructions", StringComparison.OrdinalIgnoreCase);
        var redacted = SecretPattern().Replace(text, "[REDACTED:openai-key]");
        return new ScanResult(injection, injection ? 0.99 : 0, injection ? ["instruction override"] : [], secrets, redacted);
    }

    [GeneratedRegex("sk-[A-Za-z0-9]{20,}")]
    private static partial Regex SecretPattern();
}
