namespace Airlock.Egress.Explain;

/// <summary>What would happen to one <c>HOST:PORT</c>: allowed or not, by which layer, and why.</summary>
public sealed record ProbeVerdict(string Probe, bool Allowed, string Layer, string Why);
