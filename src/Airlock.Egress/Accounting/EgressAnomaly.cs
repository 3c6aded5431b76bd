namespace Airlock.Egress.Accounting;

/// <summary>A task was denied <paramref name="Denials"/> times within <paramref name="Window"/>: a sign of a compromised or confused agent.</summary>
public sealed record EgressAnomaly(string Namespace, string Task, int Denials, TimeSpan Window, string LastHost, int LastPort, string LastReason);
