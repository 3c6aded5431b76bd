using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>Finishing a word: looking it up (as written, through leetspeak, by substring), and what its neighbours show.</summary>
internal static partial class TokenScanner
{
    private static readonly int EndWord = WordLexicon.IdOf("end");
    private static readonly HashSet<int> WindowNames = [.. "code script snippet payload command commands".Split(' ').Select(WordLexicon.IdOf)];

    private static void Finish(ReadOnlySpan<char> text, int end, ref ScanState state, ref ScanFacts facts, List<Token>? tokens)
    {
        if (state.Length == 0)
        {
            state.JoinedBefore = false;
            return;
        }
        var found = Lookup(ref state, ref facts, out var entry, out var marks);
        if (!found && state.ArabicOrHebrew)
        {
            entry = new LexiconEntry(-1, AddSubstrings(text, state.Start, end, ref state, ref facts, tokens, ownToken: false));
            found = entry.Cues != Cue.None;
        }
        if (state.Apostrophe > 0 && !state.Overflow && WordLexicon.TryGet(state.Native[..state.Apostrophe], out var stem))
        {
            // "customer's", "you're": the word before the apostrophe counts too.
            facts.Cues |= stem.Cues;
            facts.Seen.Add(stem.Id);
            entry = entry with { Cues = entry.Cues | stem.Cues };
        }
        if ((entry.Cues & Cue.ObeyVerb) != 0 && ((state.PreviousCues | state.BeforePreviousCues) & Cue.Negation) != 0)
            entry = entry with { Cues = entry.Cues | Cue.NegatedObey };
        if ((entry.Cues & Cue.Limit) != 0 && ((state.PreviousCues | state.BeforePreviousCues) & Cue.Negation) != 0)
            entry = entry with { Cues = entry.Cues | Cue.NoLimit };
        if ((entry.Cues & Cue.Check) != 0 && ((state.PreviousCues | state.BeforePreviousCues) & Cue.Negation) != 0)
            entry = entry with { Cues = entry.Cues | Cue.NoCheck };
        if ((entry.Cues & Cue.Mode) != 0 && (state.PreviousCues & Cue.ModeName) != 0)
            entry = entry with { Cues = entry.Cues | Cue.SpecialMode };
        if ((entry.Cues & Cue.Common) != 0 && !state.Identifier && !state.JoinedBefore) facts.CommonWords++;
        if (state.ClauseStart) marks |= TokenMarks.ClauseStart;
        if (state.Identifier || state.JoinedBefore || (end < text.Length && text[end] == '(') || DottedName(text, end))
        {
            marks |= TokenMarks.Identifier;
            facts.Signals |= TextSignals.Identifier;
        }
        if (state.Uppers == state.AsciiLetters && state.AsciiLetters >= 3 && state.LookAlikes + state.OtherLetters == 0) marks |= TokenMarks.AllCaps;
        if (state.Length > 4 && state.Latin[..state.Length].EndsWith("ing")) marks |= TokenMarks.Participle;
        if (state.Start > 0 && text[state.Start - 1] is '.' or '\uFF0E') marks |= TokenMarks.AfterDot;
        if (entry.Id == EndWord && EndMarker(text, state.Start)) facts.Signals |= TextSignals.Markup;
        state.SinceToolVerb++;
        if (state.SinceToolVerb <= 4 && ((marks & TokenMarks.Identifier) != 0 || (entry.Cues & Cue.ToolNoun) != 0 || WindowNames.Contains(entry.Id)))
            entry = entry with { Cues = entry.Cues | Cue.ToolCall };
        if ((entry.Cues & Cue.ToolVerb) != 0 && (marks & TokenMarks.Identifier) == 0) state.SinceToolVerb = 0;
        CheckSplitWord(text, ref state, ref facts, found);
        CheckSingleLetters(text, end, ref state, ref facts);
        facts.Cues |= entry.Cues;
        facts.Seen.Add(entry.Id);
        if (IsSpaceGap(text, state.PreviousEnd, state.Start) || state.PreviousEnd == state.Start) facts.Seen.Add(WordLexicon.BigramOf(state.PreviousId, entry.Id));
        // Words inside a URL or an address count for the gate but are not prose the window rules read.
        if (end > state.LinkUntil) tokens?.Add(new Token(state.Start, end, entry.Id, entry.Cues, state.Sentence, marks));
        Remember(end, entry, ref state);
        state.ClauseStart = false;
        state.JoinedBefore = false;
        state.Reset(end);
    }

    /// <summary>The word as written (look-alikes folded when it mixes scripts), then read through leetspeak.</summary>
    private static bool Lookup(ref ScanState state, ref ScanFacts facts, out LexiconEntry entry, out TokenMarks marks)
    {
        marks = TokenMarks.None;
        entry = new LexiconEntry(-1, Cue.None);
        if (state.Overflow) return false;
        var native = state.Native[..state.Length];
        var latin = state.Latin[..state.Length];
        var mixed = state.AsciiLetters > 0 && state.LookAlikes > 0;
        if (mixed) facts.Signals |= TextSignals.MixedScript;
        var key = mixed ? latin : native;
        if (state.LeetMarks == 0 && WordLexicon.TryGet(key, out entry)) return true;
        if (state.LookAlikes > 0 && state.OtherLetters == 0 && !mixed && WordLexicon.TryGet(latin, out entry)) return true;
        if (state.Digits > 0 && state.Letters > 0 && char.IsAsciiDigit(latin[0]))
        {
            // "%20systemprompt" reads as "20systemprompt": the word after the escape's digits.
            var first = latin.IndexOfAnyExceptInRange('0', '9');
            if (first > 0 && WordLexicon.TryGet(latin[first..], out var escaped))
            {
                // Seen by the gates (a phrase rule may match inside "%20systemprompt"), but no word of the prose: the
                // decoder reads the escaped text, and "%20all" is no common word.
                facts.Cues |= escaped.Cues & ~Cue.Common;
                facts.Seen.Add(escaped.Id);
            }
        }
        if (state.Digits + state.LeetMarks > 0 && state.Letters > 0)
        {
            Span<char> plain = stackalloc char[ScanState.MaxWord];
            var kept = 0;
            // "@assistant" is a mention: the word without its marks.
            foreach (var c in latin) if (c is not ('@' or '$' or '!')) plain[kept++] = c;
            if (kept > 0 && kept < latin.Length && WordLexicon.TryGet(plain[..kept], out entry)) return true;
            Span<char> deleet = stackalloc char[ScanState.MaxWord];
            for (var i = 0; i < latin.Length; i++) deleet[i] = Deleet(latin[i]);
            if (WordLexicon.TryGet(deleet[..latin.Length], out entry))
            {
                facts.Signals |= TextSignals.Leet;
                marks |= TokenMarks.Leet;
                return true;
            }
        }
        entry = new LexiconEntry(-1, Cue.None);
        return false;
    }

    private static char Deleet(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        _ => c,
    };

    /// <summary>
    /// "in structions", "sy stem pro mpt": two or three neighbouring fragments, separated by one space and not words
    /// themselves, that together spell a word the rules act on.
    /// </summary>
    private static void CheckSplitWord(ReadOnlySpan<char> text, ref ScanState state, ref ScanFacts facts, bool known)
    {
        // Any script: "पि छले" is a Hindi word spaced apart as much as "in structions" is an English one.
        if (state.Overflow || state.Digits + state.LeetMarks > 0) return;
        var current = state.Latin[..state.Length];
        Span<char> joined = stackalloc char[ScanState.MaxWord * 3];
        // As the repair does: pieces that are all words already ("pass word") stay apart.
        if (state.PreviousWordLength > 0 && IsSpaceGap(text, state.PreviousEnd, state.Start) && !(known && state.PreviousId >= 0 && state.BeforePreviousId >= 0))
        {
            state.PreviousWord[..state.PreviousWordLength].CopyTo(joined);
            current.CopyTo(joined[state.PreviousWordLength..]);
            if (IsActionable(joined[..(state.PreviousWordLength + current.Length)])) facts.Signals |= TextSignals.Fragmented;
            if (state.BeforePreviousWordLength > 0 && IsSpaceGap(text, state.BeforePreviousEnd, state.PreviousStart))
            {
                state.BeforePreviousWord[..state.BeforePreviousWordLength].CopyTo(joined);
                state.PreviousWord[..state.PreviousWordLength].CopyTo(joined[state.BeforePreviousWordLength..]);
                current.CopyTo(joined[(state.BeforePreviousWordLength + state.PreviousWordLength)..]);
                if (IsActionable(joined[..(state.BeforePreviousWordLength + state.PreviousWordLength + current.Length)])) facts.Signals |= TextSignals.Fragmented;
            }
        }
    }

    private static bool IsSpaceGap(ReadOnlySpan<char> text, int from, int to)
    {
        if (from < 0 || to <= from) return false;
        foreach (var c in text[from..to]) if (!char.IsWhiteSpace(c) && !IsInvisible(c)) return false;
        return true;
    }

    /// <summary>A word the repair would glue back together (see <see cref="SplitWords"/>): any lexicon word of four letters or more.</summary>
    private static bool IsActionable(ReadOnlySpan<char> word) => word.Length >= 4 && WordLexicon.TryGet(word, out _);

    /// <summary>Single letters joined by one and the same separator: "i g n o r e", "a.l.l", "t-o".</summary>
    private static void CheckSingleLetters(ReadOnlySpan<char> text, int end, ref ScanState state, ref ScanFacts facts)
    {
        if (state.Length != 1 || state.Letters != 1)
        {
            state.SingleLetters = 0;
            return;
        }
        var separator = state.Start > 0 ? text[state.Start - 1] : '\0';
        if (state.SingleLetters > 0 && state.SingleRunEnd == state.Start - 1 && (state.SingleLetters == 1 || separator == state.SingleSeparator))
        {
            state.SingleSeparator = separator;
            if (state.SingleLetters < state.SingleRun.Length) state.SingleRun[state.SingleLetters] = state.Latin[0];
            state.SingleLetters++;
            if (state.SingleLetters >= 3 || IsActionable(state.SingleRun[..state.SingleLetters])) facts.Signals |= TextSignals.SpacedLetters;
        }
        else
        {
            state.SingleLetters = 1;
            state.SingleRun[0] = state.Latin[0];
        }
        state.SingleRunEnd = end;
    }

    private static void Remember(int end, LexiconEntry entry, ref ScanState state)
    {
        var plain = !state.Overflow && state.Digits + state.LeetMarks == 0;
        state.PreviousWord[..state.PreviousWordLength].CopyTo(state.BeforePreviousWord);
        state.BeforePreviousWordLength = state.PreviousWordLength;
        state.BeforePreviousEnd = state.PreviousEnd;
        state.BeforePreviousId = state.PreviousId;
        state.BeforePreviousCues = state.PreviousCues;
        state.PreviousCues = entry.Cues;
        state.PreviousWordLength = plain ? state.Length : 0;
        if (plain) state.Latin[..state.Length].CopyTo(state.PreviousWord);
        state.PreviousStart = state.Start;
        state.PreviousEnd = end;
        state.PreviousId = entry.Id;
    }

    /// <summary>Lexicon terms inside a run of CJK text (each its own token) or inside an Arabic or Hebrew word.</summary>
    private static Cue AddSubstrings(ReadOnlySpan<char> text, int start, int end, ref ScanState state, ref ScanFacts facts, List<Token>? tokens, bool ownToken)
    {
        var run = text[start..end];
        var cues = Cue.None;
        var offset = 0;
        while (offset < run.Length)
        {
            var found = run[offset..].IndexOfAny(WordLexicon.SubstringSearch);
            if (found < 0) break;
            var at = offset + found;
            foreach (var (term, entry) in WordLexicon.SubstringTerms)
            {
                if (!run[at..].StartsWith(term, StringComparison.Ordinal)) continue;
                cues |= entry.Cues;
                facts.Seen.Add(entry.Id);
                if (ownToken) tokens?.Add(new Token(start + at, start + at + term.Length, entry.Id, entry.Cues, state.Sentence, TokenMarks.Substring));
            }
            offset = at + 1;
        }
        facts.Cues |= cues;
        return cues;
    }
}
