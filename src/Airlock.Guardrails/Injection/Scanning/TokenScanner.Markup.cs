using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>What the characters around words show: links, chat-template and role markup, escapes and entities.</summary>
internal static partial class TokenScanner
{
    private static readonly HashSet<int> RoleLabels = Ids("system admin administrator developer root operator user human assistant ai model bot agent");

    /// <summary>E-mail and message headers: a line starting with one makes the text a document, not a message to the agent.</summary>
    private static readonly HashSet<int> HeaderLabels = Ids("from subject to cc date");

    private static int LineStart(ReadOnlySpan<char> text, int index)
    {
        var newline = text[..index].LastIndexOf('\n');
        return newline + 1;
    }

    private static HashSet<int> Ids(string words) => [.. words.Split(' ').Select(WordLexicon.IdOf)];

    /// <summary>The end of a URL ("scheme://…", "www.…") starting at <paramref name="i"/>, or -1.</summary>
    private static int LinkEnd(ReadOnlySpan<char> text, int i)
    {
        var k = i;
        while (k < text.Length && k - i <= 30 && (char.IsAsciiLetterOrDigit(text[k]) || text[k] is '+' or '.' or '-')) k++;
        var url = text[k..].StartsWith("://", StringComparison.Ordinal) || text[i..].StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!url) return -1;
        var end = k;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '<' or '>' or ')' or ']' or '`' or '|')) end++;
        return end;
    }

    /// <summary>The end of an e-mail address whose "@" is at <paramref name="at"/>, or -1.</summary>
    private static int EmailEnd(ReadOnlySpan<char> text, int at)
    {
        var end = at + 1;
        var dot = false;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-'))
        {
            if (text[end] == '.' && end + 1 < text.Length && char.IsAsciiLetter(text[end + 1])) dot = true;
            end++;
        }
        while (end > at && text[end - 1] is '.' or '-') end--;
        return dot && char.IsAsciiLetter(text[end - 1]) ? end : -1;
    }

    private static void AddLink(ReadOnlySpan<char> text, int start, int end, ref ScanState state, ref ScanFacts facts, List<Token>? tokens)
    {
        facts.Cues |= Cue.Link;
        if (Windows.LinkWindows.HasSlot(text[start..end]) || Windows.LinkWindows.OpensSlot(text, end)) facts.Signals |= TextSignals.LinkSlot;
        state.LinkUntil = end;
        var marks = state.ClauseStart ? TokenMarks.Url | TokenMarks.ClauseStart : TokenMarks.Url;
        tokens?.Add(new Token(start, end, -1, Cue.Link, state.Sentence, marks));
    }

    /// <summary>"system:", "User:", "admin note:": a role label, as fake system messages and dialogue turns use.</summary>
    private static void RoleColon(ref ScanState state, ref ScanFacts facts)
    {
        if (RoleLabels.Contains(state.PreviousId) || RoleLabels.Contains(state.BeforePreviousId)) facts.Signals |= TextSignals.Markup;
    }

    /// <summary>"--- end of", "[end of", "&lt;end of", "** end of": a fake end of the document.</summary>
    private static bool EndMarker(ReadOnlySpan<char> text, int start)
    {
        var k = start - 1;
        if (k >= 0 && text[k] == ' ') k--;
        return k >= 0 && text[k] is '-' or '=' or '[' or '<' or '*';
    }

    private static void AngleMarkup(ReadOnlySpan<char> text, int i, ref ScanFacts facts)
    {
        var rest = text[(i + 1)..];
        if (rest.StartsWith("!--", StringComparison.Ordinal)) facts.Signals |= TextSignals.HtmlComment;
        if (rest.StartsWith("|", StringComparison.Ordinal) || rest.StartsWith("/s>", StringComparison.Ordinal)
            || rest.StartsWith("<sys", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("</sys", StringComparison.OrdinalIgnoreCase)
            || RoleWordAt(rest.StartsWith("/", StringComparison.Ordinal) ? rest[1..] : rest,
                "system sys instruction instructions admin developer im_start assistant_instructions prompt start_of_turn end_of_turn"))
            facts.Signals |= TextSignals.Markup;
    }

    private static void BracketRole(ReadOnlySpan<char> text, int i, ref ScanFacts facts)
    {
        var rest = text[(i + 1)..];
        if (rest.StartsWith("/", StringComparison.Ordinal)) rest = rest[1..];
        if (RoleWordAt(rest, "inst system sys admin developer override hidden instruction instructions")) facts.Signals |= TextSignals.Markup;
    }

    private static void ParenRole(ReadOnlySpan<char> text, int i, ref ScanFacts facts)
    {
        if (RoleWordAt(text[(i + 1)..], "system admin developer")) facts.Signals |= TextSignals.Markup;
    }

    private static void HeaderRole(ReadOnlySpan<char> text, int i, ref ScanFacts facts)
    {
        var k = i;
        while (k < text.Length && text[k] == '#') k++;
        if (k < text.Length && text[k] == ' ') k++;
        if (RoleWordAt(text[k..], "system instruction instructions new admin developer response")) facts.Signals |= TextSignals.Markup;
    }

    /// <summary>Whether <paramref name="text"/> starts with one of the words (any case), followed by a non-letter.</summary>
    private static bool RoleWordAt(ReadOnlySpan<char> text, string words)
    {
        foreach (var range in words.AsSpan().Split(' '))
        {
            var word = words.AsSpan()[range];
            if (text.Length >= word.Length && text[..word.Length].Equals(word, StringComparison.OrdinalIgnoreCase)
                && (text.Length == word.Length || !char.IsAsciiLetter(text[word.Length])))
                return true;
        }
        return false;
    }

    private static bool IsEntity(ReadOnlySpan<char> text, int i)
    {
        var k = i + 1;
        if (k < text.Length && text[k] == '#')
        {
            k++;
            if (k < text.Length && text[k] is 'x' or 'X') k++;
        }
        var start = k;
        while (k < text.Length && k - start <= 8 && char.IsAsciiLetterOrDigit(text[k])) k++;
        return k > start && k < text.Length && text[k] == ';';
    }

    private static void Escape(ReadOnlySpan<char> text, int i, ref ScanState state, ref ScanFacts facts)
    {
        var next = Next(text, i);
        switch (next)
        {
            case 'u' when IsHexPair(text, i + 2) && IsHexPair(text, i + 4):
            case 'u' when i + 2 < text.Length && text[i + 2] == '{':
            case 'U' when IsHexPair(text, i + 2):
                state.UnicodeEscapes++;
                break;
            case 'x' when IsHexPair(text, i + 2):
                state.HexEscapes++;
                break;
            case 'n' or '"':
                facts.Signals |= TextSignals.StringEscapes;
                break;
        }
    }
}
