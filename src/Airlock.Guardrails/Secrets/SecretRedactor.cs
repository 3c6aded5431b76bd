using System.Text;

namespace Airlock.Guardrails.Secrets;

/// <summary>Replaces each finding's span with <c>[REDACTED:&lt;type&gt;]</c>.</summary>
public static class SecretRedactor
{
    public static string Redact(string text, IReadOnlyList<SecretFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0) return text;
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings.OrderBy(f => f.Start))
        {
            if (finding.Start < position) continue;
            builder.Append(text, position, finding.Start - position).Append("[REDACTED:").Append(finding.Type).Append(']');
            position = finding.End;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Finds and redacts in one call: what the gateway writes into the audit log.</summary>
    public static string Redact(string text) => Redact(text, SecretScanner.Find(text));
}
