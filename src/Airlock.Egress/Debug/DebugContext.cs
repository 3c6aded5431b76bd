namespace Airlock.Egress.Debug;

/// <summary>An authorised debug tunnel: which task, which of its pods, and the user who opened it.</summary>
public sealed record DebugContext(DebugTarget Target, string Pod, string User);
