namespace Airlock.Bench.Gateway;

/// <summary>One throughput run through a proxy: completed calls per second, and the proxy's CPU microseconds per call.</summary>
public readonly record struct Throughput(double PerSecond, double CpuMicrosecondsPerCall)
{
    public static Throughput None { get; } = new(double.NaN, double.NaN);
}
