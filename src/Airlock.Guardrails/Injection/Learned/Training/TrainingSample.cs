namespace Airlock.Guardrails.Injection.Learned;

/// <summary>One labelled text of the training corpus: its category (override, email, code…) and whether it is an attack.</summary>
public sealed record TrainingSample(string Category, string Text, bool IsAttack);
