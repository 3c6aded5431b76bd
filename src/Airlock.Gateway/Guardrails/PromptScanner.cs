using System.Text;
using Airlock.Gateway.Serving;
using Airlock.Guardrails.Secrets;

namespace Airlock.Gateway.Guardrails;

/// <summary>
/// Scans a prompt part by part, remembering per task what it has seen: every part is searched for secrets and every
/// untrusted part for injection, but a part whose exact text this task sent before is answered from the cache (agents resend
/// the whole conversation on every call, so a call usually scans only its newest message). An instruction split across two
/// untrusted parts is caught by also scanning each seam: the end of one untrusted part joined to the start of the next.
/// </summary>
public sealed class PromptScanner(GuardrailEngine engine, int cacheCapacity = ScanCache<object>.DefaultCapacity)
{
    /// <summary>Characters taken from each side of a seam between two untrusted parts.</summary>
    public const int SeamChars = 160;

    private static readonly object SecretFree = new();

    private readonly ScanCache<object> _clean = new(cacheCapacity);
    private readonly ScanCache<InjectionFinding> _injections = new(cacheCapacity);

    /// <summary>Scans <paramref name="parts"/> for the task named by <paramref name="scope"/>.</summary>
    public PromptScan Scan(string scope, IReadOnlyList<PromptPart> parts)
    {
        var prompt = new StringBuilder();
        List<string>? types = null;
        var strongest = InjectionFinding.Clean;
        string? previousUntrusted = null;
        foreach (var part in parts)
        {
            prompt.Append(part.Label);
            if (part.Text.Length == 0)
            {
                prompt.Append('\n');
                continue;
            }
            var key = ScanKey.Of(scope, part.Text);
            prompt.Append(RedactSecrets(key, part.Text, ref types)).Append('\n');
            if (!part.Untrusted) continue;
            strongest = Stronger(strongest, Injection(key, part.Text));
            if (previousUntrusted is not null)
            {
                var seam = Seam(previousUntrusted, part.Text);
                strongest = Stronger(strongest, Injection(ScanKey.Of(scope, seam), seam));
            }
            previousUntrusted = part.Text;
        }
        return new PromptScan(strongest, types ?? (IReadOnlyList<string>)[], Keep(prompt));
    }

    private string RedactSecrets(in ScanKey key, string text, ref List<string>? types)
    {
        if (_clean.TryGet(key, out _)) return text;
        var findings = engine.FindSecrets(text);
        if (findings.Count == 0)
        {
            // Only clean parts are remembered: a part with a secret is rare, and remembering its redacted text would let a
            // caller fill the gateway's memory.
            _clean.Set(key, SecretFree);
            return text;
        }
        types ??= [];
        foreach (var finding in findings)
        {
            if (!types.Contains(finding.Type)) types.Add(finding.Type);
        }
        return SecretRedactor.Redact(text, findings);
    }

    private InjectionFinding Injection(in ScanKey key, string text)
    {
        if (_injections.TryGet(key, out var cached)) return cached;
        var finding = engine.DetectInjection(text);
        _injections.Set(key, finding);
        return finding;
    }

    private static string Seam(string before, string after) =>
        string.Concat(before.AsSpan(Math.Max(0, before.Length - SeamChars)), after.AsSpan(0, Math.Min(after.Length, SeamChars)));

    private static InjectionFinding Stronger(InjectionFinding a, InjectionFinding b) =>
        b.Injection && !a.Injection ? b : a.Injection && !b.Injection ? a : b.Score > a.Score ? b : a;

    /// <summary>The audit text, cut to its newest <see cref="ModelRequestReader.MaxText"/> characters (the new messages are at the end).</summary>
    private static string Keep(StringBuilder prompt)
    {
        if (prompt.Length <= ModelRequestReader.MaxText) return prompt.ToString();
        var cut = prompt.Length - ModelRequestReader.MaxText;
        return $"[{cut} earlier characters not kept]\n" + prompt.ToString(cut, ModelRequestReader.MaxText);
    }
}
