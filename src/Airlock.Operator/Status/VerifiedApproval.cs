namespace Airlock.Operator.Status;

/// <summary>A human approval whose seal the operator verified: who approved and when.</summary>
public sealed record VerifiedApproval(string By, DateTime At);
