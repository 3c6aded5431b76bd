namespace Airlock.Bench.Chaos;

/// <summary>The gateway part of the chaos run: calls answered 200 (acknowledged), those without an audit record, and the chain check.</summary>
public sealed record GatewayChaosResult(int Acknowledged, int Failed, int Lost, long Records, bool ChainIntact, string? ChainProblem, IReadOnlyList<string> LostMarkers)
{
    public bool Ok => Lost == 0 && ChainIntact;
}
