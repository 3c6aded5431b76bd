using Airlock.Guardrails;
using Airlock.Guardrails.Secrets;

namespace Airlock.Gateway.Guardrails;

/// <summary>Applies the guardrail policy to a call: the prompt (injection only in untrusted parts) and the model's output.</summary>
public sealed class GuardrailCheck
{
    private readonly GuardrailOptions _options;
    private readonly PromptScanner _prompts;

    public GuardrailCheck(IGuardrailScanner scanner, GuardrailOptions options)
    {
        _options = options;
        Engine = new GuardrailEngine(scanner);
        _prompts = new PromptScanner(Engine, options.ScanCacheCapacity);
    }

    public GuardrailEngine Engine { get; }

    public bool RedactCompletions => _options.RedactCompletions;

    /// <summary>
    /// True when a finding can refuse the call, so the prompt must be scanned before anything is sent upstream. Otherwise
    /// (flag only) the scan runs while the provider answers and only the audit record waits for it.
    /// </summary>
    public bool ScanBeforeForwarding => _options.Injection == GuardrailAction.Block || _options.SecretsInPrompt == GuardrailAction.Block;

    /// <summary>The verdict and the redacted prompt for the audit log; <paramref name="scope"/> names the task (scan cache).</summary>
    public (GuardrailVerdict Verdict, string RedactedPrompt) CheckPrompt(string scope, IReadOnlyList<PromptPart> parts)
    {
        var scan = _prompts.Scan(scope, parts);
        var injection = scan.Injection;
        var blocked = (injection.Injection && _options.Injection == GuardrailAction.Block)
            || (scan.SecretTypes.Count > 0 && _options.SecretsInPrompt == GuardrailAction.Block);
        var verdict = new GuardrailVerdict(injection.Injection, injection.Score, injection.Reasons, scan.SecretTypes, [], blocked);
        return (verdict, scan.RedactedPrompt);
    }

    /// <summary>The model's output (or a tool call's arguments) with secrets redacted, and the secret types found.</summary>
    public (string Redacted, IReadOnlyList<string> Secrets) RedactCompletion(string text)
    {
        if (text.Length == 0) return (text, []);
        var findings = Engine.FindSecrets(text);
        return findings.Count == 0 ? (text, []) : (SecretRedactor.Redact(text, findings), Types(findings));
    }

    public static IReadOnlyList<string> Types(IReadOnlyList<SecretFinding> findings)
    {
        var types = new List<string>(findings.Count);
        foreach (var finding in findings)
        {
            if (!types.Contains(finding.Type)) types.Add(finding.Type);
        }
        return types;
    }
}
