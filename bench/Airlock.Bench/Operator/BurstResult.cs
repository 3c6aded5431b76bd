namespace Airlock.Bench.Operator;

/// <summary>One burst: how long until every task (or pod) was Running, and what the operator sent meanwhile.</summary>
public sealed record BurstResult(int Tasks, double Seconds, RequestTally Requests)
{
    public double TasksPerSecond => Tasks / Seconds;
}
