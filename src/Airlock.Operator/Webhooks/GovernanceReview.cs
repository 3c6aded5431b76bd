namespace Airlock.Operator.Webhooks;

/// <summary>What a write does to a task's governance annotations: the decisions it records and what is wrong with it.</summary>
public sealed record GovernanceReview(IReadOnlyList<GovernanceAction> Actions, IReadOnlyList<string> Problems);
