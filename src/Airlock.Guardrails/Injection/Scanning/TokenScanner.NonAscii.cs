using System.Globalization;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>Characters outside ASCII: invisible and bidi controls, styled letters, look-alikes, other scripts, CJK runs.</summary>
internal static partial class TokenScanner
{
    private static int NonAscii(ReadOnlySpan<char> text, int i, ref ScanState state, ref ScanFacts facts, ref RunTracker runs, List<Token>? tokens)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            return Supplementary(text, i, char.ConvertToUtf32(c, text[i + 1]), ref state, ref facts, ref runs, tokens);
        if (IsInvisible(c))
        {
            if (state.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])) facts.ZeroWidthInWords++;
            facts.Signals |= TextSignals.Invisible;
            return i + 1;
        }
        if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
        {
            facts.Signals |= TextSignals.Bidi;
            return i + 1;
        }
        if (c is >= '\uFE00' and <= '\uFE0F') return i + 1;
        var styled = CompatibilityFolding.FoldToAscii(c);
        if (styled != '\0')
        {
            facts.Signals |= TextSignals.Styled;
            runs.Track(styled, ref facts);
            CountChunk(styled, ref state, ref facts);
            if (char.IsAsciiLetter(styled)) state.ChunkLatin = true;
            return Ascii(text, i, styled, ref state, ref facts, tokens);
        }
        runs.Track(' ', ref facts);
        CountChunk(char.IsWhiteSpace(c) ? ' ' : 'x', ref state, ref facts);
        if (!char.IsLetter(c)) EndRun(ref state);
        if (IsCjk(c))
        {
            Finish(text, i, ref state, ref facts, tokens);
            if (state.CjkStart < 0) state.CjkStart = i;
            facts.Signals |= TextSignals.Cjk;
            return i + 1;
        }
        EndCjk(text, i, ref state, ref facts, tokens);
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            // Vowel signs belong to Devanagari words; a combining accent on a Latin letter is dropped like the accent itself.
            if (state.Length > 0 && state.OtherLetters > 0) state.Append(c, c);
            return i + 1;
        }
        if (char.IsLetter(c))
        {
            Letter(c, i, ref state, ref facts);
            return i + 1;
        }
        if (c is '\u2018' or '\u2019' && state.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
        {
            state.Apostrophe = state.Length;
            return i + 1;
        }
        Finish(text, i, ref state, ref facts, tokens);
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB':
                facts.Quotes++;
                state.ClauseStart = true;
                break;
            case '\u3002' or '\u2026' or '\u0964':
                EndSentence(ref state);
                break;
            case >= '\u2010' and <= '\u2015':
                MarkPrevious(i, TokenMarks.DashAfter, ref state, tokens);
                break;
        }
        return i + 1;
    }

    private static void Letter(char c, int i, ref ScanState state, ref ScanFacts facts)
    {
        if (state.Length == 0) state.Reset(i);
        var lower = char.ToLowerInvariant(c);
        if (lower != c) state.Uppers++;
        var accentless = Confusables.FoldAccent(lower);
        if (accentless < 0x80)
        {
            state.RunLength++;
            state.Append(accentless, accentless);
            state.AsciiLetters++;
            return;
        }
        if (Confusables.IsLatinLookAlike(lower)) state.ChunkLookAlike = true;
        var lookAlike = Confusables.FoldLookAlike(lower);
        if (lookAlike < 0x80)
        {
            state.RunLength++;
            state.Append(lower, lookAlike);
            state.LookAlikes++;
            return;
        }
        if (c is >= '\u0590' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
        {
            // Particles attach to Arabic and Hebrew words: they are read by substring, like CJK runs.
            state.ArabicOrHebrew = true;
            facts.Signals |= TextSignals.Cjk;
        }
        if (c >= '\u0250') facts.Signals |= TextSignals.OtherScript;
        EndRun(ref state);
        state.Append(lower, lower);
        state.OtherLetters++;
    }

    private static int Supplementary(ReadOnlySpan<char> text, int i, int value, ref ScanState state, ref ScanFacts facts, ref RunTracker runs, List<Token>? tokens)
    {
        if (value == 0x1F3F4) state.InFlag = true;
        if (value is >= 0xE0000 and <= 0xE007F)
        {
            if (!state.InFlag && value is >= 0xE0020 and <= 0xE007E) facts.Signals |= TextSignals.Tags;
            if (value == 0xE007F) state.InFlag = false;
            return i + 2;
        }
        if (value != 0x1F3F4) state.InFlag = false;
        if (value is >= 0xE0100 and <= 0xE01EF)
        {
            state.VariationSelectors++;
            return i + 2;
        }
        var styled = CompatibilityFolding.FoldToAscii(value);
        if (styled != '\0')
        {
            facts.Signals |= TextSignals.Styled;
            runs.Track(styled, ref facts);
            CountChunk(styled, ref state, ref facts);
            if (char.IsAsciiLetter(styled)) state.ChunkLatin = true;
            Ascii(text, i, styled, ref state, ref facts, tokens);
            return i + 2;
        }
        runs.Track(' ', ref facts);
        CountChunk('x', ref state, ref facts);
        if (value is >= 0x20000 and <= 0x3FFFF)
        {
            Finish(text, i, ref state, ref facts, tokens);
            if (state.CjkStart < 0) state.CjkStart = i;
            facts.Signals |= TextSignals.Cjk;
            return i + 2;
        }
        EndCjk(text, i, ref state, ref facts, tokens);
        Finish(text, i, ref state, ref facts, tokens);
        return i + 2;
    }

    /// <summary>Han, kana, Hangul: scripts written without spaces, read by substring.</summary>
    private static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF'
            or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F';

    /// <summary>Zero-width and other format characters a reader does not see (LRM/RLM are ordinary in right-to-left text).</summary>
    public static bool IsInvisible(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u00AD' or '\u180E' or '\u034F'
        || (c is not ('\u200E' or '\u200F') && c is not (>= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    private static void EndCjk(ReadOnlySpan<char> text, int end, ref ScanState state, ref ScanFacts facts, List<Token>? tokens)
    {
        if (state.CjkStart < 0) return;
        var start = state.CjkStart;
        state.CjkStart = -1;
        _ = AddSubstrings(text, start, end, ref state, ref facts, tokens, ownToken: true);
    }
}
