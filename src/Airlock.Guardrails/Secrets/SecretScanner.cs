using System.Text.RegularExpressions;

namespace Airlock.Guardrails.Secrets;

/// <summary>Finds credentials in a text; findings are sorted by position and never overlap.</summary>
public static class SecretScanner
{
    /// <summary>How far after an AWS access key id a bare 40-character secret key is still taken as its pair.</summary>
    private const int AwsPairWindow = 300;

    public static IReadOnlyList<SecretFinding> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = SecretAnchors.RulesFor(text);
        if (rules == 0) return [];
        var candidates = new List<(SecretFinding Finding, int Priority)>();
        try
        {
            for (var i = 0; i < SecretRules.All.Count; i++)
            {
                if ((rules & (1UL << i)) != 0) Collect(SecretRules.All[i], text, candidates);
            }
            CollectAwsPairs(text, candidates);
        }
        catch (RegexMatchTimeoutException)
        {
            return [new SecretFinding(SecretTypes.ScanTimeout, 0, text.Length)];
        }
        return Resolve(candidates);
    }

    private static void Collect(SecretRule rule, string text, List<(SecretFinding, int)> candidates)
    {
        for (var match = rule.Pattern.Match(text); match.Success; match = match.NextMatch())
        {
            if (rule.Accept is not null && !rule.Accept(text, match)) continue;
            var value = match.Groups[SecretRule.ValueGroup];
            var (start, length) = value.Success ? (value.Index, value.Length) : (match.Index, match.Length);
            candidates.Add((new SecretFinding(rule.Type, start, start + length), rule.Priority));
        }
    }

    /// <summary>A secret access key printed without its name (<c>AKIA… wJalr…</c>) is recognised by following its key id.</summary>
    private static void CollectAwsPairs(string text, List<(SecretFinding, int)> candidates)
    {
        foreach (var (finding, _) in candidates.ToArray())
        {
            if (finding.Type != SecretTypes.AwsAccessKey) continue;
            var windowEnd = Math.Min(text.Length, finding.End + AwsPairWindow);
            var match = SecretPatterns.AwsSecretKeyBare().Match(text, finding.End, windowEnd - finding.End);
            if (match.Success && LooksLikeAwsSecret(match.Value))
                candidates.Add((new SecretFinding(SecretTypes.AwsSecretKey, match.Index, match.Index + match.Length), 4));
        }
    }

    /// <summary>Mixed case and high entropy: AWS's own documentation keys end in EXAMPLEKEY, so no placeholder check here.</summary>
    private static bool LooksLikeAwsSecret(string value) =>
        !TokenShape.IsHashLike(value) && TokenShape.Entropy(value) >= 4.0
        && value.AsSpan().ContainsAnyInRange('a', 'z') && value.AsSpan().ContainsAnyInRange('A', 'Z');

    /// <summary>Keeps the most specific finding where several overlap (a GitHub token beats the generic rule on the same span).</summary>
    private static List<SecretFinding> Resolve(List<(SecretFinding Finding, int Priority)> candidates)
    {
        var kept = new List<SecretFinding>();
        foreach (var (finding, _) in candidates.OrderBy(c => c.Priority).ThenBy(c => c.Finding.Start).ThenByDescending(c => c.Finding.End))
        {
            if (kept.Exists(k => k.Start < finding.End && finding.Start < k.End)) continue;
            kept.Add(finding);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
