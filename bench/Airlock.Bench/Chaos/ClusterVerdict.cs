namespace Airlock.Bench.Chaos;

/// <summary>The state of the chaos namespace against the plan: each count must be zero for the scenario to pass.</summary>
public sealed record ClusterVerdict(int Tasks, int Lost, int DuplicatePods, int Orphans, int Uncleaned, IReadOnlyList<string> Problems)
{
    public bool Ok => Lost == 0 && DuplicatePods == 0 && Orphans == 0 && Uncleaned == 0;
}
