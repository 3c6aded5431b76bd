namespace Airlock.Guardrails.Redteam;

/// <summary>A red-team run: the random seed, how many rounds of mutations, the pass thresholds and which seeds to mutate.</summary>
public sealed record RedteamOptions
{
    public int Seed { get; init; } = 1;
    public int Rounds { get; init; } = 1;
    public double MinDetection { get; init; } = 0.9;
    public double MaxFalseAlarms { get; init; } = 0.05;

    /// <summary>Mutate the held-out corpus instead of the tuning seeds.</summary>
    public bool HeldOut { get; init; }
}
