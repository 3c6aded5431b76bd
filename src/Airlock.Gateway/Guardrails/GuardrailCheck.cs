using Airlock.Guardrails;

namespace Airlock.Gateway.Guardrails;

/// <summary>Runs the scanner over a call's prompt (injection only in untrusted content) and applies the policy.</summary>
public sealed class GuardrailCheck(IGuardrailScanner scanner, GuardrailOptions options)
{
    /// <summary>The verdict and the redacted prompt for the audit log.</summary>
    public (GuardrailVerdict Verdict, string RedactedPrompt) CheckPrompt(string prompt, string untrusted)
    {
        var whole = scanner.Scan(prompt);
        var injection = untrusted.Length > 0 ? scanner.Scan(untrusted) : null;
        var isInjection = injection?.Injection == true;
        var secrets = whole.Secrets.Select(s => s.Type).Distinct(StringComparer.Ordinal).ToList();
        var blocked = (isInjection && options.Injection == GuardrailAction.Block) || (secrets.Count > 0 && options.SecretsInPrompt == GuardrailAction.Block);
        var verdict = new GuardrailVerdict(isInjection, injection?.Score ?? 0, injection?.Reasons ?? [], secrets, [], blocked);
        return (verdict, whole.Redacted);
    }

    /// <summary>The completion (or a tool call's arguments) with secrets redacted, and the secret types found.</summary>
    public (string Redacted, IReadOnlyList<string> Secrets) RedactCompletion(string text)
    {
        if (text.Length == 0) return (text, []);
        var result = scanner.Scan(text);
        return (result.Redacted, result.Secrets.Select(s => s.Type).Distinct(StringComparer.Ordinal).ToList());
    }
}
