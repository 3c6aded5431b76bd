namespace Airlock.Runtime.Informers;

/// <summary>One page of a list call.</summary>
public sealed record ListRequest(InformerScope Scope, int Limit, string? Continue);
