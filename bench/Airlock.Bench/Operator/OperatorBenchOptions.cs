namespace Airlock.Bench.Operator;

/// <summary>The sizes of the operator benchmark; the defaults are the figures ISSUE-8 asks for.</summary>
public sealed record OperatorBenchOptions
{
    /// <summary>Tasks in the burst (and child sets in the raw-write run).</summary>
    public int BurstTasks { get; init; } = 1000;

    /// <summary>Create requests the load generator keeps in flight during a burst (the same in both runs).</summary>
    public int CreateConcurrency { get; init; } = 16;

    /// <summary>Child-writing workers of the raw run: the operator's reconcile workers (OperatorSettings.Workers, 4).</summary>
    public int RawWorkers { get; init; } = 4;

    /// <summary>Burst rounds (raw, then operator, each on an emptied cluster); the figures are medians, the ratio's spread is reported too.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>
    /// Tasks of the warm-up burst each freshly started operator gets before its measured burst; when not 0, a full-size raw
    /// burst also runs before the first round (the in-process control plane's JIT). 0 measures cold processes.
    /// </summary>
    public int WarmupTasks { get; init; } = 200;

    /// <summary>Another airlock binary (e.g. a build of main) burst in every round beside the one under test; null runs none.</summary>
    public string? BaselineBinary { get; init; }

    public double SteadyRate { get; init; } = 50;

    public TimeSpan SteadyDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the idle write count runs while the burst's tasks sit Running.</summary>
    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Tasks in the operator's caches when its memory is read; 0 skips that phase.</summary>
    public int MemoryTasks { get; init; } = 10_000;

    /// <summary>Longest wait for any phase to complete.</summary>
    public TimeSpan PhaseTimeout { get; init; } = TimeSpan.FromMinutes(6);
}
