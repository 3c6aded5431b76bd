namespace Airlock.Guardrails.Injection;

/// <summary>
/// Whether a text talks <em>about</em> injection (a security article quoting "ignore previous instructions") or is code
/// holding prompts in string literals: a phrase quoted in such a text is a mention, not an instruction.
/// </summary>
internal sealed class SpeechContext
{
    private const int DiscussionMarkersNeeded = 2;

    public bool IsDiscussion { get; private init; }
    /// <summary>Any code-like construct (assignment, call, JSON key, tag): markup in its string literals is a template.</summary>
    public bool IsCode { get; private init; }

    public static SpeechContext Of(string skeleton)
    {
        // Addresses say nothing about the prose: attacker.example.com is not a text about attackers.
        var prose = ContextPatterns.UrlOrEmail().Replace(skeleton, " ");
        var markers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in ContextPatterns.DiscussionMarker().EnumerateMatches(prose))
        {
            markers.Add(prose.Substring(match.Index, match.Length));
            if (markers.Count >= DiscussionMarkersNeeded) break;
        }
        return new SpeechContext { IsDiscussion = markers.Count >= DiscussionMarkersNeeded, IsCode = ContextPatterns.CodeMarker().IsMatch(skeleton) };
    }

    /// <summary>
    /// The factor a discountable match's weight is multiplied by. Code only discounts markup inside string literals: an
    /// instruction in a JSON string or an HTML page is still an instruction to whoever reads it.
    /// </summary>
    public double Discount(string view, int index, bool markup)
    {
        if (!IsDiscussion && !IsCode) return 1;
        var quoted = IsQuoted(view, index);
        if (IsDiscussion) return quoted ? 0.3 : 0.6;
        return markup && quoted ? 0.35 : 1;
    }

    /// <summary>An odd number of double quotes (or backticks) before the match on its line, or a quote right before it.</summary>
    public static bool IsQuoted(string view, int index)
    {
        var lineStart = view.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        int quotes = 0, backticks = 0;
        for (var i = lineStart; i < index; i++)
        {
            if (view[i] is '"' or '«' or '»') quotes++;
            else if (view[i] == '`') backticks++;
        }
        if (quotes % 2 == 1 || backticks % 2 == 1) return true;
        var before = index - 1;
        while (before >= 0 && view[before] == ' ') before--;
        return before >= 0 && view[before] is '\'' or '"' or '`' or '«' or ':';
    }
}
