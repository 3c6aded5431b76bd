namespace Airlock.Gateway.Anomaly;

/// <summary>
/// When a task's behaviour counts as anomalous. A spike is a bucket whose count exceeds <see cref="SpikeFactor"/> times the
/// task's own baseline (an exponentially weighted mean of its past buckets) and an absolute floor, once the baseline has
/// <see cref="WarmupBuckets"/> buckets behind it.
/// </summary>
public sealed record AnomalyOptions
{
    public TimeSpan Bucket { get; init; } = TimeSpan.FromMinutes(1);

    public int WarmupBuckets { get; init; } = 3;

    public double SpikeFactor { get; init; } = 4;

    /// <summary>Weight of the newest bucket in the baseline.</summary>
    public double BaselineWeight { get; init; } = 0.2;

    public long MinRequestSpike { get; init; } = 20;

    public long MinTokenSpike { get; init; } = 20_000;

    /// <summary>This many guardrail hits within <see cref="GuardrailWindow"/> is a signal.</summary>
    public int GuardrailHits { get; init; } = 3;

    public TimeSpan GuardrailWindow { get; init; } = TimeSpan.FromMinutes(10);
}
