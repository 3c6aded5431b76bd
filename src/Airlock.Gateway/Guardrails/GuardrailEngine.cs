using Airlock.Guardrails;
using Airlock.Guardrails.Secrets;

namespace Airlock.Gateway.Guardrails;

/// <summary>
/// The configured scanner, asked only what each use needs. Where only secrets matter (every prompt part, the model's
/// output) the built-in <see cref="GuardrailScanner"/> is replaced by its secret rules alone (<see cref="SecretScanner"/>):
/// the injection detector is by far the dearer half of a full scan. Any other scanner is asked for a full scan.
/// </summary>
public sealed class GuardrailEngine(IGuardrailScanner scanner)
{
    private readonly bool _builtIn = scanner is GuardrailScanner;

    public IReadOnlyList<SecretFinding> FindSecrets(string text)
    {
        if (text.Length == 0) return [];
        return _builtIn ? SecretScanner.Find(text) : scanner.Scan(text).Secrets;
    }

    /// <summary>The injection verdict on <paramref name="text"/> (content the agent did not author).</summary>
    public InjectionFinding DetectInjection(string text)
    {
        if (text.Length == 0) return InjectionFinding.Clean;
        var result = scanner.Scan(text);
        return result.Injection || result.Score > 0 ? new InjectionFinding(result.Injection, result.Score, result.Reasons) : InjectionFinding.Clean;
    }
}
