namespace Airlock.Guardrails.Corpus;

/// <summary>One sample of a corpus: its family (override, email, code…), its text and whether it is an attack.</summary>
public sealed record CorpusEntry(string Family, string Text, bool IsAttack);
