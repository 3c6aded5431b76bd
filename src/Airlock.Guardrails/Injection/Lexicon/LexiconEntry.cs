namespace Airlock.Guardrails.Injection.Lexicon;

/// <summary>A word of the lexicon: a stable id (for rules that need one exact word) and the cues it carries.</summary>
internal readonly record struct LexiconEntry(int Id, Cue Cues);
