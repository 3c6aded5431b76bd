using System.Buffers;

namespace Airlock.Guardrails.Secrets;

/// <summary>
/// One vectorised search over the anchors of every <see cref="SecretRule"/>: which rules can match a text at all. A text
/// without a single anchor (most prose) is done without running a regex or allocating.
/// </summary>
internal static class SecretAnchors
{
    private static readonly (string Anchor, int Rule)[] Anchors =
        [.. SecretRules.All.SelectMany((rule, index) => rule.Anchors.Select(anchor => (anchor, index)))];

    private static readonly SearchValues<string> Search = SearchValues.Create(Anchors.Select(a => a.Anchor).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A bit per rule of <see cref="SecretRules.All"/> whose anchor occurs in <paramref name="text"/>.</summary>
    public static ulong RulesFor(ReadOnlySpan<char> text)
    {
        ulong rules = 0;
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(Search);
            if (found < 0) break;
            var at = text[(offset + found)..];
            foreach (var (anchor, rule) in Anchors)
            {
                if (at.StartsWith(anchor, StringComparison.OrdinalIgnoreCase)) rules |= 1UL << rule;
            }
            offset += found + 1;
        }
        return rules;
    }
}
