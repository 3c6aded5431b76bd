using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>The word being read by <see cref="TokenScanner"/>: its two foldings and what kinds of characters it holds.</summary>
internal ref struct ScanState
{
    public const int MaxWord = 48;

    /// <summary>Lower case, accents dropped, other scripts kept.</summary>
    public Span<char> Native;
    /// <summary>The same with Cyrillic and Greek look-alikes folded to Latin.</summary>
    public Span<char> Latin;
    public int Length;
    public int Start;
    public int AsciiLetters;
    public int LookAlikes;
    public int OtherLetters;
    public int Digits;
    public int LeetMarks;
    public int Uppers;
    /// <summary>Where an apostrophe was dropped ("customer's"): the word before it is looked up too.</summary>
    public int Apostrophe;
    public bool Overflow;
    public bool Identifier;
    public bool JoinedBefore;
    public bool ArabicOrHebrew;

    public int Sentence;
    public bool ClauseStart;
    public int SingleLetters;
    public char SingleSeparator;
    public int PreviousStart;
    public int PreviousEnd;
    public int PreviousId;
    public Cue PreviousCues;
    public Cue BeforePreviousCues;
    public int BeforePreviousId;
    /// <summary>The letters of the previous two tokens, for spotting a word split in two or three ("in structions").</summary>
    public Span<char> PreviousWord;
    public int PreviousWordLength;
    public Span<char> BeforePreviousWord;
    public int BeforePreviousWordLength;
    public int BeforePreviousEnd;
    /// <summary>Inside a URL or e-mail address up to this index: its words count as cues, not as tokens.</summary>
    public int LinkUntil;
    public Span<char> SingleRun;
    public int SingleRunEnd;
    public int Chunks;
    public bool InChunk;
    /// <summary>The current whitespace-separated chunk has an ASCII letter / a Latin look-alike (a mixed-script word).</summary>
    public bool ChunkLatin;
    public bool ChunkLookAlike;
    public bool InFlag;
    public int VariationSelectors;
    public int PercentEscapes;
    public int Entities;
    public int UnicodeEscapes;
    public int HexEscapes;
    public int CjkStart;
    /// <summary>Words since the last call/run/use/invoke.</summary>
    public int SinceToolVerb;
    public int RunLength;
    public int LetterRuns;
    public int ShortRuns;

    public readonly int Letters => AsciiLetters + LookAlikes + OtherLetters;

    public void Append(char native, char latin)
    {
        if (Length >= MaxWord)
        {
            Overflow = true;
            return;
        }
        Native[Length] = native;
        Latin[Length] = latin;
        Length++;
    }

    public void Reset(int start)
    {
        Length = 0;
        Start = start;
        AsciiLetters = LookAlikes = OtherLetters = Digits = LeetMarks = Uppers = Apostrophe = 0;
        Overflow = Identifier = ArabicOrHebrew = false;
    }
}
