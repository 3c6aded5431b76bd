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
    /// <summary>Program statements (def, assert, return, import…), not only JSON or markup: string literals hold data.</summary>
    public bool IsProgram { get; private init; }

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
        var code = ContextPatterns.CodeMarker().IsMatch(skeleton);
        return new SpeechContext
        {
            IsDiscussion = markers.Count >= DiscussionMarkersNeeded || ContextPatterns.StrongDiscussionMarker().IsMatch(prose)
                || ContextPatterns.TranslationRequest().IsMatch(skeleton),
            IsCode = code,
            IsProgram = code && ContextPatterns.ProgramMarker().IsMatch(skeleton),
        };
    }

    /// <summary>
    /// The factor a discountable match's weight is multiplied by. Code only discounts markup inside string literals: an
    /// instruction in a JSON string or an HTML page is still an instruction to whoever reads it.
    /// </summary>
    public double Discount(string view, int index, bool markup)
    {
        var quoted = IsQuoted(view, index);
        // "such as 'Note to AI:'", "phrases like "ignore previous instructions"": a quoted example is a mention anywhere.
        if (quoted && IsIntroduced(view, index)) return 0.3;
        if (!IsDiscussion && !IsCode) return 1;
        if (IsDiscussion) return quoted ? 0.25 : 0.45;
        return (markup || IsProgram) && quoted ? 0.35 : 1;
    }

    /// <summary>The quotation the match sits in is introduced as an example ("such as", "like", "e.g.", "called").</summary>
    private static bool IsIntroduced(string view, int index)
    {
        var quote = view.LastIndexOfAny(['"', '\'', '`', '«', '\u201C', '\u2018'], Math.Max(0, index - 1));
        if (quote < 0) return false;
        var before = view.AsSpan(Math.Max(0, quote - 24), quote - Math.Max(0, quote - 24)).TrimEnd();
        foreach (var introducer in Introducers)
        {
            if (before.EndsWith(introducer, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static readonly string[] Introducers =
        ["such as", "like", "e.g.", "e.g.,", "for example", "for example,", "for instance", "called", "named", "known as", "saying", "says", "said", "phrase", "phrases", "text", "string", "words", "as in", "i.e."];

    /// <summary>An odd number of double quotes (or backticks) before the match on its line, or a quote right before it.</summary>
    public static bool IsQuoted(string view, int index)
    {
        var lineStart = view.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        int quotes = 0, backticks = 0;
        for (var i = lineStart; i < index; i++)
        {
            if (view[i] is '"' or '«' or '»' or '\u201C' or '\u201D' or '\uFF02') quotes++;
            else if (view[i] == '`') backticks++;
        }
        if (quotes % 2 == 1 || backticks % 2 == 1) return true;
        var before = index - 1;
        while (before >= 0 && view[before] == ' ') before--;
        return before >= 0 && view[before] is '\'' or '"' or '`' or '«' or ':' or '\u201C' or '\u2018' or '\uFF02';
    }
}
