namespace Airlock.Bench.Operator;

/// <summary>One burst: how long until every task (or pod) was Running, and what the operator sent meanwhile.</summary>
public sealed record BurstResult(int Tasks, double Seconds, RequestTally Requests)
{
    public double TasksPerSecond => Tasks / Seconds;

    /// <summary>CPU the bench process (control plane, simulated kubelet, load generator) spent during the burst.</summary>
    public TimeSpan ControlPlaneCpu { get; init; }

    /// <summary>CPU the operator process spent during the burst (zero for the raw run).</summary>
    public TimeSpan OperatorCpu { get; init; }
}
