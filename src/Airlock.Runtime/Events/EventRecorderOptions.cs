namespace Airlock.Runtime.Events;

/// <summary>How events are aggregated and limited.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>The same reason and message for the same object within this window bump one Event's count.</summary>
    public TimeSpan AggregationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Events written per second once the burst is spent; more are dropped.</summary>
    public double PerSecond { get; init; } = 10;

    public int Burst { get; init; } = 100;

    /// <summary>Events waiting to be written; more are dropped so the reconciler never waits.</summary>
    public int QueueCapacity { get; init; } = 1000;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
