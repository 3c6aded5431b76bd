namespace Airlock.Guardrails.Injection.Learned;

/// <summary>One window of a training sample as the optimiser sees it: its hashed features (bucket·2 + sign bit), label and weight.</summary>
internal readonly record struct TrainingExample(int[] Features, double Scale, double Label, double Weight);
