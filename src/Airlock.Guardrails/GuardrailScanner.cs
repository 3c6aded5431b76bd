using Airlock.Guardrails.Injection;
using Airlock.Guardrails.Secrets;

namespace Airlock.Guardrails;

/// <summary>The guardrails in one call: secrets found and redacted, and the prompt-injection verdict. Pure and thread-safe.</summary>
public sealed class GuardrailScanner : IGuardrailScanner
{
    private readonly InjectionDetector _injection;

    public GuardrailScanner(GuardrailOptions? options = null)
    {
        _injection = new InjectionDetector((options ?? new GuardrailOptions()).InjectionThreshold);
    }

    /// <summary>A scanner with the default options, for callers that need no configuration.</summary>
    public static GuardrailScanner Default { get; } = new();

    public ScanResult Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Combine(text, _injection.Analyze(text));
    }

    /// <summary>Several messages of one request; the injection verdict also sees instructions split across them.</summary>
    public IReadOnlyList<ScanResult> ScanMessages(IReadOnlyList<string> messages, out InjectionVerdict conversation)
    {
        ArgumentNullException.ThrowIfNull(messages);
        conversation = _injection.AnalyzeMessages(messages);
        return messages.Select(Scan).ToList();
    }

    private static ScanResult Combine(string text, InjectionVerdict verdict)
    {
        var secrets = SecretScanner.Find(text);
        return new ScanResult(verdict.IsInjection, verdict.Score, verdict.Reasons, secrets, SecretRedactor.Redact(text, secrets));
    }
}
