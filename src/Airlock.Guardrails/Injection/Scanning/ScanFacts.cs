using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>What one pass over a text found: the cues of its words, the character-level signals and a few counts.</summary>
internal struct ScanFacts
{
    public Cue Cues;
    public TextSignals Signals;
    /// <summary>Which lexicon words occur, for gates that name exact words.</summary>
    public WordSet Seen;
    public int Words;
    public int CommonWords;
    public int MixedScriptWords;
    public int ZeroWidthInWords;
    public int Quotes;

    /// <summary>Cues that only colour evidence found elsewhere: a word split in two that spells one of them is no disguise.</summary>
    public const Cue ContextOnly = Cue.Common | Cue.SecondPerson | Cue.Scope | Cue.Person | Cue.Prior | Cue.Modal | Cue.Now
        | Cue.Discussion | Cue.Translate | Cue.Reading | Cue.Greeting | Cue.Replacement | Cue.Negation | Cue.Hidden;

    public readonly bool Has(Cue cue) => (Cues & cue) != 0;

    public readonly bool Has(TextSignals signal) => (Signals & signal) != 0;
}
