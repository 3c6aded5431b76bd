using Airlock.Guardrails.Injection.Lexicon;

namespace Airlock.Guardrails.Injection.Scanning;

/// <summary>
/// One word of the text as the window rules see it: where it is (UTF-16 span of the original text), which lexicon word
/// it is (<see cref="Id"/>, -1 when unknown) and what it can mean, which sentence it belongs to and how it is placed.
/// </summary>
internal readonly record struct Token(int Start, int End, int Id, Cue Cues, int Sentence, TokenMarks Marks)
{
    public bool Has(Cue cue) => (Cues & cue) != 0;

    public bool Is(TokenMarks mark) => (Marks & mark) != 0;
}
