namespace Airlock.Guardrails.Tests.Evaluation;

/// <summary>One sample of the evaluation-only set: its category, the messages the detector sees and whether it is an attack.</summary>
public sealed record EvaluationSample(string Category, IReadOnlyList<string> Messages, bool IsAttack);
