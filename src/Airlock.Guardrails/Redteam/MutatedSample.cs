namespace Airlock.Guardrails.Redteam;

/// <summary>One disguised sample: the messages it is sent as (one, or several for a split) and what it should be judged.</summary>
public sealed record MutatedSample(string Family, IReadOnlyList<string> Messages, bool IsAttack);
