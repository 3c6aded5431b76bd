using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>
/// One pass over a text that reads its words the way the rules need them: invisible characters skipped, case,
/// accents, fullwidth and mathematical letters, look-alikes and leetspeak folded, each word looked up in the
/// <see cref="WordLexicon"/>. It also notes what the characters show (markup, encodings, hidden characters). Without a
/// token list it allocates nothing: that is the gate every text passes first.
/// </summary>
internal static partial class TokenScanner
{
    public static ScanFacts Scan(ReadOnlySpan<char> text, List<Token>? tokens = null)
    {
        Span<char> buffers = stackalloc char[ScanState.MaxWord * 6];
        var state = new ScanState
        {
            Native = buffers[..ScanState.MaxWord],
            Latin = buffers.Slice(ScanState.MaxWord, ScanState.MaxWord),
            PreviousWord = buffers.Slice(ScanState.MaxWord * 2, ScanState.MaxWord),
            BeforePreviousWord = buffers.Slice(ScanState.MaxWord * 3, ScanState.MaxWord),
            SingleRun = buffers.Slice(ScanState.MaxWord * 4, ScanState.MaxWord * 2),
            ClauseStart = true,
            PreviousEnd = -10,
            BeforePreviousEnd = -10,
            PreviousId = -1,
            BeforePreviousId = -1,
            SingleRunEnd = -10,
            CjkStart = -1,
            SinceToolVerb = 100,
        };
        var facts = new ScanFacts();
        var runs = new RunTracker();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            // The common case inside a word or between words, without the general path's checks.
            if (c is >= 'a' and <= 'z' && state.Length is > 0 and < ScanState.MaxWord && i >= state.LinkUntil)
            {
                runs.Track(c, ref facts);
                state.ChunkLatin = true;
                state.RunLength++;
                state.Native[state.Length] = c;
                state.Latin[state.Length++] = c;
                state.AsciiLetters++;
                i++;
                continue;
            }
            if (c == ' ' && state.Length == 0 && state.RunLength == 0 && i >= state.LinkUntil)
            {
                runs.Track(c, ref facts);
                EndChunk(ref state, ref facts);
                state.InChunk = false;
                i++;
                continue;
            }
            if (c < 0x80)
            {
                runs.Track(c, ref facts);
                CountChunk(c, ref state, ref facts);
                if (char.IsAsciiLetter(c)) state.ChunkLatin = true;
                i = Ascii(text, i, c, ref state, ref facts, tokens);
            }
            else
            {
                i = NonAscii(text, i, ref state, ref facts, ref runs, tokens);
            }
        }
        EndCjk(text, text.Length, ref state, ref facts, tokens);
        Finish(text, text.Length, ref state, ref facts, tokens);
        runs.End(ref facts);
        EndRun(ref state);
        EndChunk(ref state, ref facts);
        Conclude(ref state, ref facts);
        return facts;
    }

    /// <summary>Counts whitespace-separated chunks (the words of the skeleton view) and those mixing Latin with look-alikes.</summary>
    private static void CountChunk(char c, ref ScanState state, ref ScanFacts facts)
    {
        var space = c is ' ' or '\n' or '\r' or '\t' or '\f' or '\v';
        if (!space && !state.InChunk) state.Chunks++;
        if (space) EndChunk(ref state, ref facts);
        state.InChunk = !space;
    }

    private static void EndChunk(ref ScanState state, ref ScanFacts facts)
    {
        if (state.ChunkLatin && state.ChunkLookAlike)
        {
            facts.MixedScriptWords++;
            facts.Signals |= TextSignals.MixedScript;
        }
        state.ChunkLatin = state.ChunkLookAlike = false;
    }

    private static int Ascii(ReadOnlySpan<char> text, int i, char c, ref ScanState state, ref ScanFacts facts, List<Token>? tokens)
    {
        if (char.IsAsciiLetter(c))
        {
            EndCjk(text, i, ref state, ref facts, tokens);
            if (state.Length == 0 && i >= state.LinkUntil && LinkEnd(text, i) is var end and > 0) AddLink(text, i, end, ref state, ref facts, tokens);
            if (state.Length == 0) state.Reset(i);
            if (c <= 'Z') state.Uppers++;
            state.RunLength++;
            var lower = (char)(c | 0x20);
            state.Append(lower, lower);
            state.AsciiLetters++;
            return i + 1;
        }
        if (char.IsAsciiDigit(c))
        {
            EndRun(ref state);
            if (state.Length == 0) state.Reset(i);
            if (c == '0' && Next(text, i) is 'x' or 'X' && IsHexPair(text, i + 2)) state.HexEscapes++;
            state.Append(c, c);
            state.Digits++;
            return i + 1;
        }
        EndRun(ref state);
        var next = Next(text, i);
        if (i < state.LinkUntil)
        {
            // Inside a URL only escapes matter; its slashes and dots are not sentences.
            Finish(text, i, ref state, ref facts, tokens);
            if (c is '%' or '&' or '\\') Punctuation(text, i, c, ref state, ref facts, tokens);
            return i + 1;
        }
        switch (c)
        {
            case '\'' when state.Length > 0 && char.IsLetter(next):
                state.Apostrophe = state.Length;
                return i + 1;
            case '@' when state.Length > 0 && i >= state.LinkUntil && char.IsAsciiLetterOrDigit(next) && EmailEnd(text, i) is var end and > 0:
                AddLink(text, state.Start, end, ref state, ref facts, tokens);
                Finish(text, i, ref state, ref facts, tokens);
                return i + 1;
            case '@' or '$' or '!' when char.IsLetter(next) && (state.Length > 0 || c != '!' || i == 0 || char.IsWhiteSpace(text[i - 1])):
                if (state.Length == 0) state.Reset(i);
                state.Append(c, c);
                state.LeetMarks++;
                return i + 1;
            case '_' when state.Length > 0 && char.IsAsciiLetterOrDigit(next):
                state.Identifier = true;
                Finish(text, i, ref state, ref facts, tokens);
                state.JoinedBefore = true;
                return i + 1;
        }
        Finish(text, i, ref state, ref facts, tokens);
        Punctuation(text, i, c, ref state, ref facts, tokens);
        return i + 1;
    }

    /// <summary>Letter runs as the letters-only view sees them, for telling s.p.l.i.t text from prose.</summary>
    private static void EndRun(ref ScanState state)
    {
        if (state.RunLength == 0) return;
        state.LetterRuns++;
        if (state.RunLength <= 2) state.ShortRuns++;
        state.RunLength = 0;
    }

    /// <summary>"os.system", "shell.exec": a dot joining two words with no space is part of a name.</summary>
    private static bool DottedName(ReadOnlySpan<char> text, int dot)
    {
        if (dot <= 0 || dot + 1 >= text.Length || text[dot] != '.' || !char.IsAsciiLetterOrDigit(text[dot - 1]) || !char.IsAsciiLetter(text[dot + 1])) return false;
        // "uninstall.sh", "README.md": a file name, not a call.
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiLetterOrDigit(text[end])) end++;
        var extension = text[(dot + 1)..end];
        foreach (var known in FileExtensions)
        {
            if (extension.Equals(known, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private static readonly string[] FileExtensions =
        ["sh", "py", "js", "ts", "rb", "go", "exe", "bat", "ps1", "cmd", "md", "txt", "json", "yaml", "yml", "toml", "cfg", "ini", "csv", "html", "css", "jar", "zip", "gz", "tar", "log", "env"];

    private static char Next(ReadOnlySpan<char> text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static bool IsHexPair(ReadOnlySpan<char> text, int at) => at + 1 < text.Length && char.IsAsciiHexDigit(text[at]) && char.IsAsciiHexDigit(text[at + 1]);

    /// <summary>Sentence and clause boundaries, and the punctuation a token is followed by.</summary>
    private static void Punctuation(ReadOnlySpan<char> text, int i, char c, ref ScanState state, ref ScanFacts facts, List<Token>? tokens)
    {
        var next = Next(text, i);
        switch (c)
        {
            case '.' or '!' or '?' or ';':
                if (next is '\0' or ' ' or '\n' or '\r' or '\t' or '"' or '\'' or ')' or ']') EndSentence(ref state);
                else if (c == '.' && DottedName(text, i)) state.JoinedBefore = true;
                break;
            case '\n':
                EndSentence(ref state);
                break;
            case ':':
                MarkPrevious(i, TokenMarks.ColonAfter, ref state, tokens);
                if (HeaderLabels.Contains(state.PreviousId) && state.PreviousStart == LineStart(text, state.PreviousStart)) facts.Signals |= TextSignals.DataLike;
                if ((state.PreviousCues & (Cue.AiNoun | Cue.MaybeAi)) != 0 && state.PreviousEnd >= i - 1) facts.Signals |= TextSignals.AiVocative;
                RoleColon(ref state, ref facts);
                state.ClauseStart = true;
                break;
            case ',':
                MarkPrevious(i, TokenMarks.CommaAfter, ref state, tokens);
                if ((state.PreviousCues & (Cue.AiNoun | Cue.MaybeAi)) != 0 && state.PreviousEnd >= i - 1) facts.Signals |= TextSignals.AiVocative;
                break;
            case '-':
                if (next is ' ' or '-' or '\0') MarkPrevious(i, TokenMarks.DashAfter, ref state, tokens);
                break;
            case '(':
                if (state.PreviousEnd == i) MarkPrevious(i, TokenMarks.ParenAfter | TokenMarks.Identifier, ref state, tokens);
                ParenRole(text, i, ref facts);
                state.ClauseStart = true;
                break;
            case '"':
                facts.Quotes++;
                if (next == ':' || (i + 2 < text.Length && next == ' ' && text[i + 2] == ':')) facts.Signals |= TextSignals.DataLike;
                state.ClauseStart = true;
                break;
            case '\'':
                facts.Quotes++;
                break;
            case '[' or '>' or '*' or '{' or '|':
                if (c == '[') BracketRole(text, i, ref facts);
                state.ClauseStart = true;
                break;
            case ']':
                if (next == '(') facts.Signals |= TextSignals.MarkdownLink;
                break;
            case '#':
                HeaderRole(text, i, ref facts);
                state.ClauseStart = true;
                break;
            case '<':
                AngleMarkup(text, i, ref facts);
                if (char.IsAsciiLetter(next) || next == '/') facts.Signals |= TextSignals.DataLike;
                state.ClauseStart = true;
                break;
            case '%':
                if (i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2])) state.PercentEscapes++;
                break;
            case '&':
                if (IsEntity(text, i)) state.Entities++;
                break;
            case '\\':
                Escape(text, i, ref state, ref facts);
                break;
        }
    }

    private static void EndSentence(ref ScanState state)
    {
        state.Sentence++;
        state.ClauseStart = true;
    }

    private static void MarkPrevious(int i, TokenMarks mark, ref ScanState state, List<Token>? tokens)
    {
        if (tokens is not { Count: > 0 } || state.PreviousEnd < i - 2) return;
        tokens[^1] = tokens[^1] with { Marks = tokens[^1].Marks | mark };
    }

    private static void Conclude(ref ScanState state, ref ScanFacts facts)
    {
        if (state.PercentEscapes >= 3) facts.Signals |= TextSignals.PercentEscapes;
        if (state.HexEscapes >= 4) facts.Signals |= TextSignals.Hex;
        if (state.Entities >= 2) facts.Signals |= TextSignals.HtmlEntities;
        if (state.UnicodeEscapes >= 3) facts.Signals |= TextSignals.UnicodeEscapes;
        if (state.VariationSelectors >= 4) facts.Signals |= TextSignals.VariationSelectors;
        if (facts.Quotes >= 4) facts.Signals |= TextSignals.Quotes;
        if (facts.ZeroWidthInWords > 0) facts.Signals |= TextSignals.Invisible;
        if (state.LetterRuns >= 6 && state.ShortRuns * 10 >= state.LetterRuns * 5) facts.Signals |= TextSignals.Fragmented;
        facts.Words = state.Chunks;
        // Prose has a common English word in every four or so; rot13, reversed or encoded text has almost none.
        if (facts.CommonWords < 2 || facts.CommonWords * 4 < state.Chunks + 2) facts.Signals |= TextSignals.NotProse;
    }
}
